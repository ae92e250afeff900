import { setup } from 'xstate';
import type { ScanStepInput, ScanStepOutput } from '../step-types.js';

// PLACEHOLDER: replaced by the real scan step.
export const scanMachine = setup({
  types: {
    input: {} as ScanStepInput,
    output: {} as ScanStepOutput,
    context: {} as { input: ScanStepInput },
    events: {} as { type: 'scan.done' },
  },
}).createMachine({
  id: 'scan',
  context: ({ input }) => ({ input }),
  initial: 'placeholder',
  states: {
    placeholder: { on: { 'scan.done': 'done' } },
    done: { type: 'final' },
  },
  output: ({ context }) => ({ result: 'done' as const, pages: context.input.pages }),
});
