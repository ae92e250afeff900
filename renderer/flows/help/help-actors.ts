import { fromPromise } from 'xstate';
import type { KioskClient } from '../../../common/kiosk-api/client.js';
import type { StepMark } from './help-machine.js';

/** The help flow's real actors: each one KioskApi call. */
export const helpActors = (client: KioskClient) => ({
  // Fire and forget: a lost step mark only thins the statistics; never an error screen.
  'session.step': fromPromise<void, StepMark>(async ({ input }) => {
    await client.call('session.step', input);
  }),
});
