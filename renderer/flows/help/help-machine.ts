import { assign, fromPromise, setup, spawnChild } from 'xstate';
import type { JourneyStep } from '../../../common/kiosk-api/journey-contract.js';
import type { FlowInput, FlowOutput } from '../flow-types.js';

// Help: the hotline, general answers, and one procedure's questions and answers from the
// catalog. Handed a procedure (guide → help), it opens on that procedure's answers.

const notProvided = (name: string) => () => {
  throw new Error(`actor ${name} must be provided (see renderer/flows/help/help-actors.ts)`);
};

export interface StepMark {
  sessionId: string;
  step: JourneyStep;
}

export interface HelpContext {
  input: FlowInput;
  /** the procedure whose answers are shown */
  procedureCode: string | null;
  out: FlowOutput;
}

export type HelpEvent =
  | { type: 'help.procedure'; procedureCode: string }
  /** from a procedure's answers to its guide board */
  | { type: 'help.guide' }
  | { type: 'help.back' }
  | { type: 'help.home' };

const knows = (input: FlowInput, code: string | null): boolean => code !== null && input.catalog.procedures.some((p) => p.code === code);

export const helpMachine = setup({
  types: {
    input: {} as FlowInput,
    output: {} as FlowOutput,
    context: {} as HelpContext,
    events: {} as HelpEvent,
  },
  actors: {
    'session.step': fromPromise<void, StepMark>(notProvided('session.step')),
  },
  guards: {
    handedAProcedure: ({ context }) => knows(context.input, context.input.procedureCode),
    knownProcedure: ({ context, event }) => event.type === 'help.procedure' && knows(context.input, event.procedureCode),
  },
  actions: {
    markStep: spawnChild('session.step', { id: 'markStep', input: ({ context }): StepMark => ({ sessionId: context.input.sessionId, step: 'help' }) }),
    openHandedProcedure: assign({ procedureCode: ({ context }) => context.input.procedureCode }),
    openProcedure: assign({ procedureCode: ({ context, event }) => (event.type === 'help.procedure' ? event.procedureCode : context.procedureCode) }),
    closeProcedure: assign({ procedureCode: null }),
    leaveHome: assign({ out: { next: 'home' } }),
    leaveToGuide: assign({
      out: ({ context }): FlowOutput => ({ next: 'flow', choice: 'guide', procedureCode: context.procedureCode ?? undefined }),
    }),
  },
}).createMachine({
  id: 'help',
  context: ({ input }) => ({ input, procedureCode: null, out: { next: 'home' } }),
  entry: 'markStep',
  initial: 'start',
  on: {
    'help.home': { target: '.done', actions: 'leaveHome' },
  },
  states: {
    start: {
      always: [{ guard: 'handedAProcedure', target: 'procedure', actions: 'openHandedProcedure' }, { target: 'topics' }],
    },
    topics: {
      on: {
        'help.procedure': { guard: 'knownProcedure', target: 'procedure', actions: 'openProcedure' },
        'help.back': { target: 'done', actions: 'leaveHome' },
      },
    },
    procedure: {
      on: {
        'help.guide': { target: 'done', actions: 'leaveToGuide' },
        // back to the topics, where the hotline is, whichever way the resident came in
        'help.back': { target: 'topics', actions: 'closeProcedure' },
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => context.out,
});

export type HelpMachine = typeof helpMachine;
