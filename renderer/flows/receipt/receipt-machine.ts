import { setup } from 'xstate';
import type { ReceiptStepInput, ReceiptStepOutput } from '../step-types.js';

// PLACEHOLDER: replaced by the real receipt step.
export const receiptMachine = setup({
  types: {
    input: {} as ReceiptStepInput,
    output: {} as ReceiptStepOutput,
    context: {} as { input: ReceiptStepInput },
    events: {} as { type: 'receipt.done' },
  },
}).createMachine({
  id: 'receipt',
  context: ({ input }) => ({ input }),
  initial: 'placeholder',
  states: {
    placeholder: { on: { 'receipt.done': 'done' } },
    done: { type: 'final' },
  },
  output: () => ({ next: 'end' as const }),
});
