import { setup } from 'xstate';
import type { RatingStepInput, RatingStepOutput } from '../step-types.js';

// PLACEHOLDER: replaced by the real rating step.
export const ratingMachine = setup({
  types: {
    input: {} as RatingStepInput,
    output: {} as RatingStepOutput,
    context: {} as { input: RatingStepInput },
    events: {} as { type: 'rating.done' },
  },
}).createMachine({
  id: 'rating',
  context: ({ input }) => ({ input }),
  initial: 'placeholder',
  states: {
    placeholder: { on: { 'rating.done': 'done' } },
    done: { type: 'final' },
  },
  output: () => ({ rated: false }),
});
