import { fromPromise } from 'xstate';
import type { KioskClient } from '../../../common/kiosk-api/client.js';
import type { JourneyStep, TrackResult } from '../../../common/kiosk-api/journey-contract.js';
import { unwrap } from '../../machines/kiosk-failure.js';
import type { TrackDossierInput } from './rate-machine.js';
import { ratingActors } from './rating-actors.js';
import { ratingMachine } from './rating-machine.js';

/** The rate flow's real actors: each one KioskApi call, and the rating step with its own. */
export const rateActors = (client: KioskClient) => ({
  trackDossier: fromPromise<TrackResult, TrackDossierInput>(async ({ input }) => unwrap(await client.call('dossier.track', input))),
  // statistics only: a refusal rejects like any call, and the machine's onError drops it
  markStep: fromPromise<void, { sessionId: string; step: JourneyStep }>(async ({ input }) => {
    unwrap(await client.call('session.step', input));
  }),
  ratingStep: ratingMachine.provide({ actors: ratingActors(client) }),
});
