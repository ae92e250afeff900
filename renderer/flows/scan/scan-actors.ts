import { fromPromise } from 'xstate';
import type { KioskClient } from '../../../common/kiosk-api/client.js';
import type { ComponentPages } from '../../../common/kiosk-api/contract.js';
import { unwrap } from '../../machines/kiosk-failure.js';
import type { RemovePageInput, ScanPagesInput } from './scan-machine.js';

/**
 * The scan step's real actors, each one KioskApi call. The submit flow provides them to the
 * child it invokes: `scanStep: scanMachine.provide({ actors: scanActors(client) })`.
 */
export const scanActors = (client: KioskClient) => ({
  scanPages: fromPromise<ComponentPages, ScanPagesInput>(async ({ input }) => unwrap(await client.call('scan.pages', input))),
  removePage: fromPromise<ComponentPages, RemovePageInput>(async ({ input }) => unwrap(await client.call('scan.removePage', input))),
});
