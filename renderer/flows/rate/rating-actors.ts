import { fromPromise } from 'xstate';
import type { KioskClient } from '../../../common/kiosk-api/client.js';
import { unwrap } from '../../machines/kiosk-failure.js';
import type { SubmitRatingInput } from './rating-machine.js';

/**
 * The rating step's real actors, each one KioskApi call. The submit flow provides them to the
 * child it invokes: `ratingStep: ratingMachine.provide({ actors: ratingActors(client) })`.
 */
export const ratingActors = (client: KioskClient) => ({
  submitRating: fromPromise<{ kept: true }, SubmitRatingInput>(async ({ input }) => unwrap(await client.call('rating.submit', input))),
});
