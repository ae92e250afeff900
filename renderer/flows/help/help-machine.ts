import { setup } from 'xstate';
import type { FlowInput, FlowOutput } from '../flow-types.js';

// PLACEHOLDER: replaced by the real help flow.
export const helpMachine = setup({
  types: {
    input: {} as FlowInput,
    output: {} as FlowOutput,
    context: {} as { input: FlowInput },
    events: {} as { type: 'help.back' },
  },
}).createMachine({
  id: 'help',
  context: ({ input }) => ({ input }),
  initial: 'placeholder',
  states: {
    placeholder: { on: { 'help.back': 'done' } },
    done: { type: 'final' },
  },
  output: () => ({ next: 'home' }),
});
