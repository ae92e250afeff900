import { setup } from 'xstate';
import type { FlowInput, FlowOutput } from '../flow-types.js';

// PLACEHOLDER: replaced by the real submit flow.
export const submitMachine = setup({
  types: {
    input: {} as FlowInput,
    output: {} as FlowOutput,
    context: {} as { input: FlowInput },
    events: {} as { type: 'submit.back' },
  },
}).createMachine({
  id: 'submit',
  context: ({ input }) => ({ input }),
  initial: 'placeholder',
  states: {
    placeholder: { on: { 'submit.back': 'done' } },
    done: { type: 'final' },
  },
  output: () => ({ next: 'home' }),
});
