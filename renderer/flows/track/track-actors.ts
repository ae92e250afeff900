import type { KioskClient } from '../../../common/kiosk-api/client.js';

/** The track flow's real actors: each one KioskApi call. */
export const trackActors = (_client: KioskClient) => ({});
