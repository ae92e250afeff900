import type { KioskClient } from '../../../common/kiosk-api/client.js';

/** The submit flow's real actors: each one KioskApi call. */
export const submitActors = (_client: KioskClient) => ({});
