import { setup } from 'xstate';
import type { FlowInput, FlowOutput } from '../flow-types.js';

// PLACEHOLDER: replaced by the real track flow.
export const trackMachine = setup({
  types: {
    input: {} as FlowInput,
    output: {} as FlowOutput,
    context: {} as { input: FlowInput },
    events: {} as { type: 'track.back' },
  },
}).createMachine({
  id: 'track',
  context: ({ input }) => ({ input }),
  initial: 'placeholder',
  states: {
    placeholder: { on: { 'track.back': 'done' } },
    done: { type: 'final' },
  },
  output: () => ({ next: 'home' }),
});
