import { fromPromise } from 'xstate';
import type { DeviceId } from '../../common/domain/device-status.js';
import type { KioskClient } from '../../common/kiosk-api/client.js';
import type { ArgsOf } from '../../common/kiosk-api/contract.js';
import { unwrap } from '../machines/kiosk-failure.js';
import type { CardTestArgs, LogsArgs, QueueExportArgs, QueueListArgs } from './diagnostics-machine.js';

/**
 * The diagnostics machine's real actors: each one KioskApi call. They reject with the
 * KioskError (NotAuthorized, DeviceOffline, NotAvailable…) for the machine to show.
 */
export const diagnosticsActors = (client: KioskClient) => ({
  'diag.devices': fromPromise(async () => unwrap(await client.call('diag.devices', {}))),
  'diag.printTest': fromPromise(async () => unwrap(await client.call('diag.printTest', {}))),
  'diag.scanTest': fromPromise(async () => unwrap(await client.call('diag.scanTest', {}))),
  'diag.cardTest': fromPromise(async ({ input }: { input: CardTestArgs }) => unwrap(await client.call('diag.cardTest', input))),
  'devices.selfTest': fromPromise(async ({ input }: { input: { device: DeviceId } }) => unwrap(await client.call('devices.selfTest', input))),
  'diag.queueSummary': fromPromise(async () => unwrap(await client.call('diag.queueSummary', {}))),
  'diag.queueList': fromPromise(async ({ input }: { input: QueueListArgs }) => unwrap(await client.call('diag.queueList', input))),
  'diag.queueRetry': fromPromise(async ({ input }: { input: { ref: string } }) => unwrap(await client.call('diag.queueRetry', input))),
  'diag.exportTargets': fromPromise(async () => unwrap(await client.call('diag.exportTargets', {}))),
  'diag.queueExport': fromPromise(async ({ input }: { input: QueueExportArgs }) => unwrap(await client.call('diag.queueExport', input))),
  'diag.network': fromPromise(async () => unwrap(await client.call('diag.network', {}))),
  'diag.config': fromPromise(async () => unwrap(await client.call('diag.config', {}))),
  'diag.configReload': fromPromise(async () => unwrap(await client.call('diag.configReload', {}))),
  'diag.logs': fromPromise(async ({ input }: { input: LogsArgs }) => unwrap(await client.call('diag.logs', input))),
  'diag.logsExport': fromPromise(async ({ input }: { input: { dir: string } }) => unwrap(await client.call('diag.logsExport', input))),
  'diag.system': fromPromise(async () => unwrap(await client.call('diag.system', {}))),
  'diag.restart': fromPromise(async () => unwrap(await client.call('diag.restart', {}))),
  'diag.exitKiosk': fromPromise(async () => unwrap(await client.call('diag.exitKiosk', {}))),
  'diag.stats': fromPromise(async ({ input }: { input: ArgsOf<'diag.stats'> }) => unwrap(await client.call('diag.stats', input))),
  'diag.statsMonthly': fromPromise(async ({ input }: { input: { month: string } }) => unwrap(await client.call('diag.statsMonthly', input))),
  'diag.audit': fromPromise(async ({ input }: { input: ArgsOf<'diag.audit'> }) => unwrap(await client.call('diag.audit', input))),
});
