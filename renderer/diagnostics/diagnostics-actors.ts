import type { KioskClient } from '../../common/kiosk-api/client.js';

/** The diagnostics machine's real actors: each one KioskApi call. */
export const diagnosticsActors = (_client: KioskClient) => ({});
