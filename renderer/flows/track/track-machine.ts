import { assign, fromPromise, setup, spawnChild } from 'xstate';
import type { KioskError } from '../../../common/errors.js';
import type { JourneyStep, TrackResult } from '../../../common/kiosk-api/journey-contract.js';
import { asKioskError } from '../../machines/kiosk-failure.js';
import type { FlowCoreEvent, FlowInput, FlowOutput } from '../flow-types.js';
import { isTrackableCode, normaliseScannedCode, normaliseTypedCode } from './track-code.js';

// Track a dossier by the receipt's QR or a typed code: the kiosk's own state and the city's
// status. The city being down is not an error here: the core answers with
// `cityReachable: false` and the last status it knew, and the result screen says so.

const notProvided = (name: string) => () => {
  throw new Error(`actor ${name} must be provided (see renderer/flows/track/track-actors.ts)`);
};

export interface StepMark {
  sessionId: string;
  step: JourneyStep;
}

export interface TrackQuery {
  sessionId: string;
  code: string;
}

/** what the QR reader read instead of a receipt */
export type TrackHint = 'idCard' | 'unreadable';

export interface TrackContext {
  input: FlowInput;
  /** the code as typed or scanned (upper case, code characters only) */
  code: string;
  /** the code of the last lookup: the one shown on the result and filed with a rating */
  checkedCode: string | null;
  hint: TrackHint | null;
  result: TrackResult | null;
  error: KioskError | null;
  out: FlowOutput;
}

export type TrackEvent =
  | { type: 'track.type'; code: string }
  | { type: 'track.check' }
  | { type: 'track.retry' }
  | { type: 'track.edit' }
  | { type: 'track.another' }
  | { type: 'track.rate' }
  | { type: 'track.back' }
  | { type: 'track.home' }
  // forwarded by the root: the reader's reads matter here; pages and device status do not
  | FlowCoreEvent;

type ReaderRead = Extract<FlowCoreEvent, { type: 'core.readerRead' }>;
const readerRead = (context: TrackContext, event: TrackEvent): ReaderRead['read'] | null =>
  event.type === 'core.readerRead' && event.sessionId === context.input.sessionId ? event.read : null;

export const trackMachine = setup({
  types: {
    input: {} as FlowInput,
    output: {} as FlowOutput,
    context: {} as TrackContext,
    events: {} as TrackEvent,
  },
  actors: {
    'session.step': fromPromise<void, StepMark>(notProvided('session.step')),
    'dossier.track': fromPromise<TrackResult, TrackQuery>(notProvided('dossier.track')),
  },
  guards: {
    handedACode: ({ context }) => context.input.code !== null && isTrackableCode(normaliseScannedCode(context.input.code)),
    codeComplete: ({ context }) => isTrackableCode(context.code),
    scannedReceipt: ({ context, event }) => {
      const read = readerRead(context, event);
      return read?.kind === 'trackingCode' && isTrackableCode(normaliseScannedCode(read.code));
    },
    scannedIdCard: ({ context, event }) => readerRead(context, event)?.kind === 'identity',
    scannedSomething: ({ context, event }) => readerRead(context, event) !== null,
    notFound: (_, params: { error: unknown }) => asKioskError(params.error).kind === 'DossierNotFound',
  },
  actions: {
    markStep: spawnChild('session.step', { id: 'markStep', input: ({ context }): StepMark => ({ sessionId: context.input.sessionId, step: 'track' }) }),
    takeHandedCode: assign({ code: ({ context }) => normaliseScannedCode(context.input.code ?? '') }),
    typeCode: assign(({ context, event }) => (event.type === 'track.type' ? { code: normaliseTypedCode(event.code), hint: null } : { code: context.code })),
    takeScannedCode: assign(({ context, event }) => {
      const read = readerRead(context, event);
      return read?.kind === 'trackingCode' ? { code: normaliseScannedCode(read.code), hint: null } : {};
    }),
    hint: assign({ hint: (_, params: { hint: TrackHint }) => params.hint }),
    startLookup: assign(({ context }) => ({ checkedCode: context.code, result: null, error: null, hint: null })),
    keepResult: assign({ result: (_, result: TrackResult) => result }),
    keepError: assign({ error: (_, params: { error: unknown }) => asKioskError(params.error) }),
    clearAll: assign({ code: '', checkedCode: null, result: null, error: null, hint: null }),
    leaveHome: assign({ out: { next: 'home' } }),
    leaveToRate: assign({
      out: ({ context }): FlowOutput => ({ next: 'flow', choice: 'rate', code: context.checkedCode ?? context.code }),
    }),
  },
}).createMachine({
  id: 'track',
  context: ({ input }) => ({ input, code: '', checkedCode: null, hint: null, result: null, error: null, out: { next: 'home' } }),
  entry: 'markStep',
  initial: 'start',
  on: {
    'track.home': { target: '.done', actions: 'leaveHome' },
    // A receipt scanned on any screen but while a lookup runs starts a new lookup; a CCCD or an
    // unreadable code brings the resident back to the code screen with a hint.
    'core.readerRead': [
      { guard: 'scannedReceipt', target: '.checking', actions: 'takeScannedCode' },
      { guard: 'scannedIdCard', target: '.code', actions: { type: 'hint', params: { hint: 'idCard' } } },
      { guard: 'scannedSomething', target: '.code', actions: { type: 'hint', params: { hint: 'unreadable' } } },
    ],
  },
  states: {
    // handed a code (e.g. a rating's code): look it up at once
    start: {
      always: [{ guard: 'handedACode', target: 'checking', actions: 'takeHandedCode' }, { target: 'code' }],
    },
    code: {
      on: {
        'track.type': { actions: 'typeCode' },
        'track.check': { guard: 'codeComplete', target: 'checking' },
        'track.back': { target: 'done', actions: 'leaveHome' },
      },
    },
    checking: {
      entry: 'startLookup',
      // one lookup at a time: reads while it runs are dropped
      on: { 'core.readerRead': { actions: [] } },
      invoke: {
        src: 'dossier.track',
        input: ({ context }): TrackQuery => ({ sessionId: context.input.sessionId, code: context.code }),
        onDone: { target: 'result', actions: { type: 'keepResult', params: ({ event }) => event.output } },
        onError: [
          { guard: { type: 'notFound', params: ({ event }) => ({ error: event.error }) }, target: 'notFound', actions: { type: 'keepError', params: ({ event }) => ({ error: event.error }) } },
          { target: 'failed', actions: { type: 'keepError', params: ({ event }) => ({ error: event.error }) } },
        ],
      },
    },
    result: {
      on: {
        'track.rate': { target: 'done', actions: 'leaveToRate' },
        'track.another': { target: 'code', actions: 'clearAll' },
      },
    },
    notFound: {
      on: {
        // the code stays, so the resident corrects one character rather than typing it all again
        'track.edit': 'code',
        'track.back': 'code',
      },
    },
    failed: {
      on: {
        'track.retry': 'checking',
        'track.edit': 'code',
        'track.back': 'code',
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => context.out,
});

export type TrackMachine = typeof trackMachine;
