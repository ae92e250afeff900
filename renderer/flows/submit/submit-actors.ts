import { fromCallback, fromPromise } from 'xstate';
import type { CitizenIdentity } from '../../../common/domain/citizen-identity.js';
import type { DeviceStatus } from '../../../common/domain/device-status.js';
import type { KioskClient } from '../../../common/kiosk-api/client.js';
import type { ManualIdentity } from '../../../common/kiosk-api/journey-contract.js';
import { unwrap } from '../../machines/kiosk-failure.js';
import { ratingActors } from '../rate/rating-actors.js';
import { ratingMachine } from '../rate/rating-machine.js';
import { receiptActors } from '../receipt/receipt-actors.js';
import { receiptMachine } from '../receipt/receipt-machine.js';
import { scanActors } from '../scan/scan-actors.js';
import { scanMachine } from '../scan/scan-machine.js';
import type { StepMark, SubmitArgs, SubmitReceipt } from './submit-machine.js';

/** The submit flow's real actors: each one KioskApi call; its steps with their own real actors. */
export const submitActors = (client: KioskClient) => ({
  scanStep: scanMachine.provide({ actors: scanActors(client) }),
  receiptStep: receiptMachine.provide({ actors: receiptActors(client) }),
  ratingStep: ratingMachine.provide({ actors: ratingActors(client) }),
  // One call after the other, in the order the steps came; a lost mark never stops a resident.
  stepMarker: fromCallback<StepMark, { sessionId: string }>(({ input, receive }) => {
    let queue = Promise.resolve();
    receive((mark) => {
      queue = queue.then(() => client.call('session.step', { sessionId: input.sessionId, step: mark.step })).then(
        () => undefined,
        () => undefined,
      );
    });
  }),
  loadDevices: fromPromise<DeviceStatus[]>(async () => unwrap(await client.call('devices.status', {}))),
  identityFromQr: fromPromise<CitizenIdentity, { sessionId: string; payload: string }>(async ({ input }) => unwrap(await client.call('identity.fromQr', input))),
  identityFromManual: fromPromise<CitizenIdentity, { sessionId: string; fields: ManualIdentity }>(async ({ input }) =>
    unwrap(await client.call('identity.fromManual', input)),
  ),
  submitDossier: fromPromise<SubmitReceipt, SubmitArgs>(async ({ input }) => unwrap(await client.call('dossier.submit', input))),
});
