import { setup } from 'xstate';
import type { DiagnosticsInput } from './diagnostics-types.js';

// PLACEHOLDER: replaced by the real diagnostics screens' machine.
export const diagnosticsMachine = setup({
  types: { input: {} as DiagnosticsInput, context: {} as { input: DiagnosticsInput }, events: {} as { type: 'diag.noop' } },
}).createMachine({
  id: 'diagnostics',
  context: ({ input }) => ({ input }),
  initial: 'overview',
  states: { overview: {} },
});
