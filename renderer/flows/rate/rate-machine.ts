import { assign, fromPromise, setup } from 'xstate';
import type { KioskError } from '../../../common/errors.js';
import type { JourneyStep, TrackResult } from '../../../common/kiosk-api/journey-contract.js';
import { asKioskError } from '../../machines/kiosk-failure.js';
import type { FlowCoreEvent, FlowInput, FlowOutput } from '../flow-types.js';
import { ratingMachine } from './rating-machine.js';

// Rate an earlier dossier (results are collected at the counter, the rating can come later):
// the resident types the receipt's code or shows its QR to the reader, the kiosk checks the
// code exists, then the rating step runs and the flow thanks them.

/** the flow's thank-you goes home by itself after this long */
export const rateThanksMs = 15_000;
/** `dossier.track`'s bound on a code */
export const codeMaxLength = 60;

export interface TrackDossierInput {
  sessionId: string;
  code: string;
}

export interface RateContext {
  input: FlowInput;
  /** the code as typed or read, normalised */
  code: string;
  /** the code that was found and is being rated */
  rating: { code: string; track: TrackResult } | null;
  error: KioskError | null;
  /** the reader read something that is not a receipt's code */
  readerNote: 'identity' | 'invalid' | null;
}

type ReaderReadEvent = Extract<FlowCoreEvent, { type: 'core.readerRead' }>;

export type RateEvent =
  /** the whole code as the keyboard now shows it (a controlled input) */
  | { type: 'rate.setCode'; code: string }
  | { type: 'rate.check' }
  | { type: 'rate.back' }
  | { type: 'rate.another' }
  | { type: 'rate.home' }
  | ReaderReadEvent
  | Extract<FlowCoreEvent, { type: 'core.deviceStatus' | 'core.scanPage' }>;

/** Receipts print codes in upper case; spaces and stray characters a keyboard adds are dropped. */
export const normaliseCode = (text: string): string =>
  text
    .toUpperCase()
    .replace(/[^0-9A-Z.-]/g, '')
    .slice(0, codeMaxLength);

/** Worth asking the core about: `dossier.track`'s own rule (3–60 of digits, letters, `.`, `-`). */
export const codeLooksValid = (code: string): boolean => /^[0-9A-Z.-]{3,60}$/.test(code);

const notProvided = (name: string) => () => {
  throw new Error(`actor ${name} must be provided (see renderer/flows/rate/rate-actors.ts)`);
};

export const rateMachine = setup({
  types: {
    input: {} as FlowInput,
    output: {} as FlowOutput,
    context: {} as RateContext,
    events: {} as RateEvent,
    children: {} as { rating: 'ratingStep' },
  },
  actors: {
    trackDossier: fromPromise<TrackResult, TrackDossierInput>(notProvided('trackDossier')),
    /** `session.step`, fire and forget */
    markStep: fromPromise<void, { sessionId: string; step: JourneyStep }>(notProvided('markStep')),
    /** provided with its real actors by rate-actors.ts */
    ratingStep: ratingMachine,
  },
  delays: { thanks: rateThanksMs },
  guards: {
    codeLooksValid: ({ context }) => codeLooksValid(context.code),
    readIsCode: ({ context }, params: { event: ReaderReadEvent }) =>
      params.event.sessionId === context.input.sessionId && params.event.read.kind === 'trackingCode' && codeLooksValid(normaliseCode(params.event.read.code)),
    readForSession: ({ context }, params: { event: ReaderReadEvent }) => params.event.sessionId === context.input.sessionId,
    rated: (_, params: { rated: boolean }) => params.rated,
  },
  actions: {
    setCode: assign({ code: (_, params: { code: string }) => normaliseCode(params.code), error: null, readerNote: null }),
    takeRead: assign((_, params: { event: ReaderReadEvent }) => {
      const read = params.event.read;
      return read.kind === 'trackingCode' ? { code: normaliseCode(read.code), error: null, readerNote: null } : { readerNote: read.kind };
    }),
    found: assign({ rating: ({ context }, params: { track: TrackResult }) => ({ code: context.code, track: params.track }), error: null }),
    rememberError: assign({ error: (_, params: { error: unknown }) => asKioskError(params.error) }),
    startOver: assign({ code: '', rating: null, error: null, readerNote: null }),
  },
}).createMachine({
  id: 'rate',
  context: ({ input }) => ({ input, code: normaliseCode(input.code ?? ''), rating: null, error: null, readerNote: null }),
  // statistics only: a mark that fails must never stop the resident
  invoke: { src: 'markStep', input: ({ context }) => ({ sessionId: context.input.sessionId, step: 'rate' as const }), onError: { actions: [] } },
  initial: 'start',
  states: {
    // a code handed over (from track) goes straight to the check
    start: {
      always: [{ guard: 'codeLooksValid', target: 'checking' }, { target: 'entering' }],
    },
    entering: {
      on: {
        'rate.setCode': { actions: { type: 'setCode', params: ({ event }) => ({ code: event.code }) } },
        'rate.check': { guard: 'codeLooksValid', target: 'checking' },
        'core.readerRead': [
          { guard: { type: 'readIsCode', params: ({ event }) => ({ event }) }, target: 'checking', actions: { type: 'takeRead', params: ({ event }) => ({ event }) } },
          { guard: { type: 'readForSession', params: ({ event }) => ({ event }) }, actions: { type: 'takeRead', params: ({ event }) => ({ event }) } },
        ],
        'rate.back': 'done',
      },
    },
    checking: {
      invoke: {
        src: 'trackDossier',
        input: ({ context }) => ({ sessionId: context.input.sessionId, code: context.code }),
        onDone: { target: 'rating', actions: { type: 'found', params: ({ event }) => ({ track: event.output }) } },
        onError: { target: 'entering', actions: { type: 'rememberError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    rating: {
      invoke: {
        id: 'rating',
        src: 'ratingStep',
        // this flow thanks on its own screen
        input: ({ context }) => ({ sessionId: context.input.sessionId, code: context.rating?.code ?? context.code, showThanks: false }),
        // the rating step never fails on purpose: an error in it goes up to the root (home)
        onDone: [{ guard: { type: 'rated', params: ({ event }) => ({ rated: event.output.rated }) }, target: 'thanks' }, { target: 'done' }],
      },
    },
    thanks: {
      after: { thanks: 'done' },
      on: {
        'rate.another': { target: 'entering', actions: 'startOver' },
        'rate.home': 'done',
      },
    },
    done: { type: 'final' },
  },
  output: (): FlowOutput => ({ next: 'home' }),
});

export type RateMachine = typeof rateMachine;
