import type { AppContext } from '../core/app-context.js';
import type { Handlers } from '../core/dispatcher.js';
import type { diagnosticsContract } from '../../common/kiosk-api/diagnostics-contract.js';

export type DiagnosticsMethod = keyof typeof diagnosticsContract;

/** The technician's handlers (issue #6): each refuses without an unlocked technician. */
export const diagnosticsHandlers = (_ctx: AppContext): Pick<Handlers, DiagnosticsMethod> => ({});
