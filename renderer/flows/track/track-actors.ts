import { fromPromise } from 'xstate';
import type { KioskClient } from '../../../common/kiosk-api/client.js';
import type { TrackResult } from '../../../common/kiosk-api/journey-contract.js';
import { unwrap } from '../../machines/kiosk-failure.js';
import type { StepMark, TrackQuery } from './track-machine.js';

/** The track flow's real actors: each one KioskApi call. */
export const trackActors = (client: KioskClient) => ({
  // Fire and forget: a lost step mark only thins the statistics; never an error screen.
  'session.step': fromPromise<void, StepMark>(async ({ input }) => {
    await client.call('session.step', input);
  }),
  // rejects with the KioskError (DossierNotFound, TransportClosed, …) for the machine to word
  'dossier.track': fromPromise<TrackResult, TrackQuery>(async ({ input }) => unwrap(await client.call('dossier.track', input))),
});
