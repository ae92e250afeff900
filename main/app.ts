import { join } from 'node:path';
import { toPublicConfig } from '../common/config/public-config.js';
import { kioskError, type KioskError } from '../common/errors.js';
import { err, ok, type Result } from '../common/result.js';
import pkg from '../package.json' with { type: 'json' };
import type { AppOptions } from './app-types.js';
import { OperatorAuth } from './auth/operator-auth.js';
import { ConfigStore } from './config/config-store.js';
import { verifyPin } from './config/pin-hash.js';
import { loadSecrets, type Secrets } from './config/secrets.js';
import { createDispatcher, type Handlers } from './core/dispatcher.js';
import { EventBus } from './core/event-bus.js';
import type { KioskCore } from './core/kiosk-core.js';
import { connectSiteCity, type SiteCity } from './city/site-city.js';
import { buildDevices, type Devices } from './devices/build-devices.js';
import { submitDossier } from './dossiers/submit-dossier.js';
import { createLogger, type Logger } from './log/logger.js';
import { Forwarder } from './outbox/forwarder.js';
import { fileKeyProvider, type KeyProvider } from './outbox/key-provider.js';
import { Outbox } from './outbox/outbox.js';
import { toKioskError } from './outbox/outbox-kiosk-error.js';
import { SessionDocuments } from './sessions/session-documents.js';
import { systemClock, type Clock } from '../hardware/clock.js';
import { SessionManager } from './sessions/session-manager.js';
import type { AppContext } from './core/app-context.js';
import { JourneyJournal } from './core/journey-journal.js';
import { diagnosticsHandlers } from './diagnostics/diagnostics-handlers.js';
import { journeyHandlers } from './journey/journey-handlers.js';

export interface App {
  core: KioskCore;
  devices: Devices;
  city: SiteCity;
  outbox: Outbox;
  forwarder: Forwarder;
  config: ConfigStore;
  log: Logger;
  close(): Promise<void>;
}

export interface AppDeps {
  log?: Logger;
  /** the outbox key: Electron's safeStorage in the Electron shell, a 0600 key file otherwise */
  keyProvider?: KeyProvider;
  /** forwarder tuning (tests, the load driver) */
  forwarder?: Partial<Pick<ConstructorParameters<typeof Forwarder>[0], 'concurrency' | 'backoff' | 'breaker' | 'idleMs' | 'statusSyncMs' | 'retentionDays'>>;
  clock?: Clock;
  env?: NodeJS.ProcessEnv;
}

/**
 * The one wiring file: builds the core from the site config. Real, simulated or null parts
 * are chosen here from the config; everything else receives what it needs as arguments.
 */
export async function createApp(options: AppOptions, deps: AppDeps = {}): Promise<Result<App, KioskError>> {
  const clock = deps.clock ?? systemClock;
  const log = deps.log ?? createLogger({ file: join(options.dataDir, 'logs', 'kiosk.jsonl') });
  const startedAt = new Date(clock.now()).toISOString();

  const opened = await ConfigStore.open(options.sitePath);
  if (!opened.ok) return err(kioskError('ConfigInvalid', opened.error.message, { issues: opened.error.issues }));
  const config = opened.value;

  const secretsPath = options.secretsPath ?? join(options.dataDir, 'secrets.json');
  const secretsLoaded = await loadSecrets(secretsPath, deps.env ?? process.env, { allowMissing: true });
  if (!secretsLoaded.ok) return err(kioskError('ConfigInvalid', secretsLoaded.error.message, { issues: secretsLoaded.error.issues }));
  const secrets: Secrets = secretsLoaded.value;
  if (secrets.pins.technician.length === 0) log.warn('auth', 'no technician PIN configured: diagnostics cannot be opened', { secretsPath });

  const cityConnected = await connectSiteCity(config.current, secrets, { dataDir: options.dataDir, log, env: deps.env ?? process.env });
  if (!cityConnected.ok) return cityConnected;
  const city = cityConnected.value;

  const outboxOpened = await Outbox.open({
    dir: join(options.dataDir, 'outbox'),
    kioskId: config.current.kiosk.id,
    keyProvider: deps.keyProvider ?? fileKeyProvider(join(options.dataDir, 'outbox.key')),
    clock,
    log,
  });
  if (!outboxOpened.ok) {
    await city.close();
    return err(toKioskError(outboxOpened.error));
  }
  const outbox = outboxOpened.value;
  const forwarder = new Forwarder({ outbox, city: city.client, clock, log, ...deps.forwarder });

  const bus = new EventBus();
  forwarder.onEvent((e) => {
    if (e.type === 'stats') bus.emit({ type: 'queue.counts', queue: { counts: e.stats.counts, oldestPendingAt: e.stats.oldestPendingAt } });
  });
  const devices = await buildDevices(config.current.devices, { log, dataDir: options.dataDir, configRoot: options.configRoot });
  devices.manager.onChange((all) => bus.emit({ type: 'device.status', devices: all }));
  const sessions = new SessionManager(() => config.current.timeouts, (e) => bus.emit(e), clock);
  const auth = new OperatorAuth({
    pins: () => secrets.pins,
    verify: verifyPin,
    clock,
    unlockTtlMs: () => config.current.timeouts.diagnosticsIdleSeconds * 1000,
  });
  const documents = new SessionDocuments(() => devices.scanner);
  sessions.onWipe(async (sessionId, reason) => {
    await documents.wipe();
    log.info('session', 'session ended and wiped', { sessionId, reason });
  });
  /** the live session, or a typed error the renderer words as "start again" */
  const live = (sessionId: string) =>
    sessions.current?.id === sessionId ? null : err(kioskError('SessionNotFound', 'no live session with that id (it may have timed out)'));
  config.onChange((next, previous) => {
    bus.emit({ type: 'config.changed', config: toPublicConfig(next) });
    log.info('config', 'site config reloaded', { siteId: next.site.id });
    // devices hold ports and sockets: swapping them under a resident is not worth the risk
    if (JSON.stringify(next.devices) !== JSON.stringify(previous.devices)) log.warn('config', 'device settings changed: restart the kiosk to apply them');
  });

  const journal = new JourneyJournal();
  const closers: (() => Promise<void> | void)[] = [];
  const ctx: AppContext = {
    options, config, secrets, city, outbox, forwarder, devices, sessions, auth, documents, bus, journal, log, clock, startedAt, live,
    onClose: (closer) => closers.push(closer),
  };

  const baseHandlers: Omit<Handlers, keyof ReturnType<typeof journeyHandlers> | keyof ReturnType<typeof diagnosticsHandlers>> = {
    'app.info': async () =>
      ok({ name: pkg.name, version: pkg.version, shell: options.shell, siteId: config.current.site.id, kioskId: config.current.kiosk.id, startedAt }),
    'config.public': async () => ok(toPublicConfig(config.current)),
    'session.start': async ({ locale }) => ok(await sessions.start(locale)),
    'session.activity': async ({ sessionId }) => {
      const deadline = sessions.activity(sessionId);
      return deadline === null
        ? err(kioskError('SessionNotFound', 'no live session with that id (it may have timed out)'))
        : ok({ idleDeadline: new Date(deadline).toISOString() });
    },
    'session.end': async ({ sessionId, reason }) => ok({ wiped: await sessions.end(sessionId, reason) }),
    'devices.status': async () => ok(devices.manager.statuses()),
    'devices.selfTest': async ({ device }) => {
      if (auth.current()?.role !== 'technician') return err(kioskError('NotAuthorized', 'devices.selfTest needs an unlocked technician'));
      const adapter = devices.manager.get(device);
      if (!adapter) return err(kioskError('NoDevice', `no ${device} on this kiosk`));
      const r = await adapter.selfTest();
      log.info('audit', 'device self-test', { device, operatorId: auth.current()?.operatorId, result: r.ok ? (r.value.passed ? 'passed' : 'failed') : r.error.kind });
      return r;
    },
    'queue.counts': async () => ok(await outbox.counts()),
    'dossier.submit': async (a) => {
      const dead = live(a.sessionId);
      if (dead) return dead;
      const r = await submitDossier({ outbox, documents, scanner: devices.scanner, siteId: config.current.site.id, assistedBy: () => (auth.current()?.role === 'officer' ? (auth.current()?.operatorId ?? null) : null) }, a);
      if (r.ok) forwarder.wake();
      log.info('dossier', r.ok ? 'dossier kept in the outbox' : 'dossier refused', r.ok ? { localCode: r.value.localCode, procedureCode: a.procedureCode } : { kind: r.error.kind, procedureCode: a.procedureCode });
      return r;
    },
    'scan.pages': async ({ sessionId, componentId, ...ask }) =>
      live(sessionId) ??
      documents.scan(sessionId, componentId, ask, (page) => bus.emit({ type: 'scan.page', sessionId, componentId, page })),
    'scan.removePage': async ({ sessionId, componentId, index }) => live(sessionId) ?? documents.removePage(sessionId, componentId, index),
    'auth.unlock': async ({ role, pin }) => {
      const r = await auth.unlock(role, pin);
      log.info('audit', 'operator unlock', { role, result: r.ok ? 'ok' : r.error.kind, ...(r.ok ? { operatorId: r.value.operatorId } : {}) });
      return r.ok ? ok({ role: r.value.role, operatorId: r.value.operatorId, expiresAt: new Date(r.value.expiresAt).toISOString() }) : r;
    },
    'auth.lock': async () => {
      auth.lock();
      return ok({});
    },
  };
  const handlers: Handlers = { ...baseHandlers, ...journeyHandlers(ctx), ...diagnosticsHandlers(ctx) };
  const dispatch = createDispatcher(handlers, log);

  const core: KioskCore = {
    dispatch,
    onEvent: (listener) => bus.subscribe(listener),
    close: async () => {
      for (const closer of closers.reverse()) await closer();
      await sessions.close();
      await forwarder.stop();
      await outbox.close();
      await devices.close();
      await city.close();
    },
  };
  forwarder.start();
  log.info('app', 'core ready', { shell: options.shell, siteId: config.current.site.id, kioskId: config.current.kiosk.id, version: pkg.version });
  return ok({ core, devices, city, outbox, forwarder, config, log, close: core.close });
}
