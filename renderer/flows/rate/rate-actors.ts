import type { KioskClient } from '../../../common/kiosk-api/client.js';

/** The rate flow's real actors: each one KioskApi call. */
export const rateActors = (_client: KioskClient) => ({});
