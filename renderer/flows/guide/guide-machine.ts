import { setup } from 'xstate';
import type { FlowInput, FlowOutput } from '../flow-types.js';

// PLACEHOLDER: replaced by the real guide flow.
export const guideMachine = setup({
  types: {
    input: {} as FlowInput,
    output: {} as FlowOutput,
    context: {} as { input: FlowInput },
    events: {} as { type: 'guide.back' },
  },
}).createMachine({
  id: 'guide',
  context: ({ input }) => ({ input }),
  initial: 'placeholder',
  states: {
    placeholder: { on: { 'guide.back': 'done' } },
    done: { type: 'final' },
  },
  output: () => ({ next: 'home' }),
});
