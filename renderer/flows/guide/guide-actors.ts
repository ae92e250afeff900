import type { KioskClient } from '../../../common/kiosk-api/client.js';

/** The guide flow's real actors: each one KioskApi call. */
export const guideActors = (_client: KioskClient) => ({});
