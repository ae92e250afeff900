import { fromCallback, fromPromise } from 'xstate';
import type { DeviceStatus } from '../../common/domain/device-status.js';
import type { Locale } from '../../common/domain/locale.js';
import type { KioskClient } from '../../common/kiosk-api/client.js';
import type { SessionInfo } from '../../common/kiosk-api/contract.js';
import type { KioskEvent } from '../../common/kiosk-api/events.js';
import type { ConnectionAwareTransport } from '../api/connection.js';
import { diagnosticsActors } from '../diagnostics/diagnostics-actors.js';
import { diagnosticsMachine } from '../diagnostics/diagnostics-machine.js';
import { guideActors } from '../flows/guide/guide-actors.js';
import { guideMachine } from '../flows/guide/guide-machine.js';
import { helpActors } from '../flows/help/help-actors.js';
import { helpMachine } from '../flows/help/help-machine.js';
import { rateActors } from '../flows/rate/rate-actors.js';
import { rateMachine } from '../flows/rate/rate-machine.js';
import { submitActors } from '../flows/submit/submit-actors.js';
import { submitMachine } from '../flows/submit/submit-machine.js';
import { trackActors } from '../flows/track/track-actors.js';
import { trackMachine } from '../flows/track/track-machine.js';
import { unwrap } from './kiosk-failure.js';
import type { ActivityReport, BootData, CoreEvent, EndSessionInput, Operator, UnlockInput } from './root-types.js';

/** A core event as the machine's `core.*` event. */
export const toCoreEvent = (e: KioskEvent): CoreEvent => {
  switch (e.type) {
    case 'session.timer':
      return { type: 'core.sessionTimer', sessionId: e.sessionId, phase: e.phase, remainingMs: e.remainingMs };
    case 'device.status':
      return { type: 'core.deviceStatus', devices: e.devices };
    case 'queue.counts':
      return { type: 'core.queueCounts', queue: e.queue };
    case 'config.changed':
      return { type: 'core.configChanged', config: e.config };
    case 'scan.page':
      return { type: 'core.scanPage', sessionId: e.sessionId, componentId: e.componentId, page: e.page };
    case 'reader.read':
      return { type: 'core.readerRead', sessionId: e.sessionId, read: e.read };
  }
};

/** The real actors: each one KioskApi call, nothing else. */
export const rootActors = (client: KioskClient, connection: Pick<ConnectionAwareTransport, 'onConnection'>) => ({
  submitFlow: submitMachine.provide({ actors: submitActors(client) }),
  guideFlow: guideMachine.provide({ actors: guideActors(client) }),
  trackFlow: trackMachine.provide({ actors: trackActors(client) }),
  rateFlow: rateMachine.provide({ actors: rateActors(client) }),
  helpFlow: helpMachine.provide({ actors: helpActors(client) }),
  diagnosticsFlow: diagnosticsMachine.provide({ actors: diagnosticsActors(client) }),
  loadBoot: fromPromise<BootData>(async () => {
    const [config, appInfo, catalog, devices] = await Promise.all([
      client.call('config.public', {}),
      client.call('app.info', {}),
      client.call('catalog.get', {}),
      client.call('devices.status', {}),
    ]);
    // devices are a nicety at boot (status events follow); config, info and catalog are not
    return { config: unwrap(config), appInfo: unwrap(appInfo), catalog: unwrap(catalog), devices: devices.ok ? devices.value : [] };
  }),
  startSession: fromPromise<SessionInfo, { locale: Locale }>(async ({ input }) => unwrap(await client.call('session.start', input))),
  // Fire and forget: a lost activity ping only means the warning may show; never an error screen.
  // Only one answer matters: the core no longer knows the session (it restarted, or ended the
  // session while this screen missed the event). Any other failure is the next tap's to retry.
  reportActivity: fromPromise<ActivityReport, { sessionId: string }>(async ({ input }) => {
    const r = await client.call('session.activity', input);
    return { sessionId: input.sessionId, lost: !r.ok && r.error.kind === 'SessionNotFound' };
  }),
  // The renderer wipes its memory whatever the core answers.
  endSession: fromPromise<void, EndSessionInput>(async ({ input }) => {
    await client.call('session.end', input);
  }),
  unlock: fromPromise<Operator, UnlockInput>(async ({ input }) => unwrap(await client.call('auth.unlock', input))),
  lock: fromPromise<void>(async () => {
    await client.call('auth.lock', {});
  }),
  loadDevices: fromPromise<DeviceStatus[]>(async () => unwrap(await client.call('devices.status', {}))),
  coreEvents: fromCallback(({ sendBack }) => {
    const offEvents = client.onEvent((e) => sendBack(toCoreEvent(e)));
    const offConnection = connection.onConnection((up) => sendBack({ type: up ? 'core.reconnected' : 'core.disconnected' }));
    return () => {
      offEvents();
      offConnection();
    };
  }),
});
