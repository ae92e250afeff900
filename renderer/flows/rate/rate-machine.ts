import { setup } from 'xstate';
import type { FlowInput, FlowOutput } from '../flow-types.js';

// PLACEHOLDER: replaced by the real rate flow.
export const rateMachine = setup({
  types: {
    input: {} as FlowInput,
    output: {} as FlowOutput,
    context: {} as { input: FlowInput },
    events: {} as { type: 'rate.back' },
  },
}).createMachine({
  id: 'rate',
  context: ({ input }) => ({ input }),
  initial: 'placeholder',
  states: {
    placeholder: { on: { 'rate.back': 'done' } },
    done: { type: 'final' },
  },
  output: () => ({ next: 'home' }),
});
