import { assign, fromPromise, setup } from 'xstate';
import type { KioskError } from '../../../common/errors.js';
import type { RatingLevel } from '../../../common/kiosk-api/journey-contract.js';
import { asKioskError } from '../../machines/kiosk-failure.js';
import type { RatingStepInput, RatingStepOutput } from '../step-types.js';

// The satisfaction rating of one dossier: one of the three levels one-stop systems use, an
// optional comment, sent to the core, which keeps it durably and forwards it to the city.

/** the contract's bound on `rating.submit`'s comment */
export const commentMaxLength = 500;
/** the thank-you moves on by itself after this long */
export const thanksMs = 8000;

/**
 * RatingStepInput plus one optional setting for the rate flow, which says thanks on its own
 * screen. The submit flow passes a plain RatingStepInput. (The flows mark the statistics step.)
 */
export interface RatingInput extends RatingStepInput {
  /** show this machine's thank-you before finishing (default true) */
  showThanks?: boolean;
}

export interface SubmitRatingInput {
  sessionId: string;
  code: string;
  level: RatingLevel;
  comment?: string;
}

export interface RatingContext {
  sessionId: string;
  code: string;
  showThanks: boolean;
  level: RatingLevel | null;
  comment: string;
  /** the last comment typed was longer than the limit and was cut */
  commentCut: boolean;
  error: KioskError | null;
  rated: boolean;
}

export type RatingEvent =
  | { type: 'rating.choose'; level: RatingLevel }
  | { type: 'rating.comment'; text: string }
  | { type: 'rating.send' }
  | { type: 'rating.retry' }
  | { type: 'rating.skip' }
  | { type: 'rating.continue' };

/** NFC (the kiosk's keyboards may compose tone marks apart) and at most the contract's length. */
export const fitComment = (text: string): { comment: string; cut: boolean } => {
  const nfc = text.normalize('NFC');
  if (nfc.length <= commentMaxLength) return { comment: nfc, cut: false };
  let comment = nfc.slice(0, commentMaxLength);
  // never leave half of a surrogate pair at the cut
  if (/[\uD800-\uDBFF]$/.test(comment)) comment = comment.slice(0, -1);
  return { comment, cut: true };
};

const notProvided = (name: string) => () => {
  throw new Error(`actor ${name} must be provided (see renderer/flows/rate/rating-actors.ts)`);
};

export const ratingMachine = setup({
  types: {
    input: {} as RatingInput,
    output: {} as RatingStepOutput,
    context: {} as RatingContext,
    events: {} as RatingEvent,
  },
  actors: {
    submitRating: fromPromise<{ kept: true }, SubmitRatingInput>(notProvided('submitRating')),
  },
  delays: { thanks: thanksMs },
  guards: {
    hasLevel: ({ context }) => context.level !== null,
    showsThanks: ({ context }) => context.showThanks,
  },
  actions: {
    choose: assign({ level: (_, params: { level: RatingLevel }) => params.level }),
    setComment: assign((_, params: { text: string }) => {
      const { comment, cut } = fitComment(params.text);
      return { comment, commentCut: cut };
    }),
    rememberError: assign({ error: (_, params: { error: unknown }) => asKioskError(params.error) }),
    kept: assign({ error: null, rated: true }),
  },
}).createMachine({
  id: 'rating',
  context: ({ input }) => ({
    sessionId: input.sessionId,
    code: input.code,
    showThanks: input.showThanks ?? true,
    level: null,
    comment: '',
    commentCut: false,
    error: null,
    rated: false,
  }),
  initial: 'choosing',
  states: {
    choosing: {
      on: {
        'rating.choose': { actions: { type: 'choose', params: ({ event }) => ({ level: event.level }) } },
        'rating.comment': { actions: { type: 'setComment', params: ({ event }) => ({ text: event.text }) } },
        'rating.send': { guard: 'hasLevel', target: 'sending' },
        'rating.skip': 'finished',
      },
    },
    sending: {
      invoke: {
        src: 'submitRating',
        input: ({ context }): SubmitRatingInput => {
          const comment = context.comment.trim();
          // `hasLevel` let us in; 2 only satisfies the type
          return { sessionId: context.sessionId, code: context.code, level: context.level ?? 2, ...(comment ? { comment } : {}) };
        },
        onDone: [
          { guard: 'showsThanks', target: 'thanks', actions: 'kept' },
          { target: 'finished', actions: 'kept' },
        ],
        onError: { target: 'failed', actions: { type: 'rememberError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    failed: {
      on: {
        'rating.retry': 'sending',
        'rating.choose': { target: 'choosing', actions: { type: 'choose', params: ({ event }) => ({ level: event.level }) } },
        'rating.comment': { actions: { type: 'setComment', params: ({ event }) => ({ text: event.text }) } },
        'rating.skip': 'finished',
      },
    },
    thanks: {
      after: { thanks: 'finished' },
      on: { 'rating.continue': 'finished' },
    },
    finished: { type: 'final' },
  },
  output: ({ context }) => ({ rated: context.rated }),
});

export type RatingMachine = typeof ratingMachine;
