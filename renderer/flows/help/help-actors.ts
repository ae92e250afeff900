import type { KioskClient } from '../../../common/kiosk-api/client.js';

/** The help flow's real actors: each one KioskApi call. */
export const helpActors = (_client: KioskClient) => ({});
