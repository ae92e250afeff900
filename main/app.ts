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
import { CityStatusCache } from './dossiers/city-status-cache.js';
import { OutboxLookup } from './dossiers/outbox-lookup.js';
import { ReceiptAppointments } from './dossiers/receipt-appointments.js';
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
import { wrapWithAudit } from './audit/wrap-with-audit.js';
import { openDiagnostics, type diagnosticsHandlers } from './diagnostics/diagnostics-handlers.js';
import type { ShellControl } from './diagnostics/shell-control.js';
import { journeyHandlers } from './journey/journey-handlers.js';
import { openJourneyDb } from './journey/journey-db.js';
import { forwardReaderReads } from './journey/reader-events.js';
import { SiteCatalog } from './journey/site-catalog.js';
import { RatingSender, type RatingSenderOptions } from './ratings/rating-sender.js';
import { RatingStore } from './ratings/rating-store.js';
import { SessionReceipts } from './receipt/session-receipts.js';
import { ApiFaults, wrapWithApiFaults } from './browser-host/api-faults.js';
import { simControlAllowed, simTargetsOf, type SimTargets } from './browser-host/sim-control.js';
import type { Db } from './db/sqlite-db.js';

export interface App {
  core: KioskCore;
  devices: Devices;
  city: SiteCity;
  outbox: Outbox;
  forwarder: Forwarder;
  config: ConfigStore;
  catalog: SiteCatalog;
  /** anonymous journey events (statistics, audit) */
  journal: JourneyJournal;
  ratings: RatingStore;
  ratingSender: RatingSender;
  /** what the browser host's `/__sim/` may drive; null unless every device is simulated */
  sim: SimTargets | null;
  log: Logger;
  close(): Promise<void>;
}

export interface AppDeps {
  log?: Logger;
  /** the outbox key: Electron's safeStorage in the Electron shell, a 0600 key file otherwise */
  keyProvider?: KeyProvider;
  /** forwarder tuning (tests, the load driver) */
  forwarder?: Partial<Pick<ConstructorParameters<typeof Forwarder>[0], 'concurrency' | 'backoff' | 'breaker' | 'idleMs' | 'statusSyncMs' | 'retentionDays'>>;
  /** rating sender tuning (tests) */
  ratings?: Partial<Pick<RatingSenderOptions, 'backoff' | 'waitMs' | 'idleMs' | 'random' | 'maxRejections'>>;
  clock?: Clock;
  env?: NodeJS.ProcessEnv;
  /** restart and exit-kiosk as the shell allows (Electron: relaunch / quit); default: exit 75 for a supervisor */
  shellControl?: ShellControl;
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

  // a bad catalog stops the kiosk like a bad site file: file, field, rule
  const catalogOpened = await SiteCatalog.open(options.configRoot, config.current.procedures.enabled);
  if (!catalogOpened.ok) return err(kioskError('ConfigInvalid', catalogOpened.error.message, { issues: catalogOpened.error.issues }));
  const catalog = catalogOpened.value;

  const secretsPath = options.secretsPath ?? join(options.dataDir, 'secrets.json');
  const secretsLoaded = await loadSecrets(secretsPath, deps.env ?? process.env, { allowMissing: true });
  if (!secretsLoaded.ok) return err(kioskError('ConfigInvalid', secretsLoaded.error.message, { issues: secretsLoaded.error.issues }));
  const secrets: Secrets = secretsLoaded.value;
  if (secrets.pins.technician.length === 0) log.warn('auth', 'no technician PIN configured: diagnostics cannot be opened', { secretsPath });

  const cityConnected = await connectSiteCity(config.current, secrets, { dataDir: options.dataDir, log, env: deps.env ?? process.env });
  if (!cityConnected.ok) return cityConnected;
  const city = cityConnected.value;

  const keyProvider = deps.keyProvider ?? fileKeyProvider(join(options.dataDir, 'outbox.key'));
  const outboxDir = join(options.dataDir, 'outbox');
  const outboxOpened = await Outbox.open({ dir: outboxDir, kioskId: config.current.kiosk.id, keyProvider, clock, log });
  if (!outboxOpened.ok) {
    await city.close();
    return err(toKioskError(outboxOpened.error));
  }
  const outbox = outboxOpened.value;
  const forwarder = new Forwarder({ outbox, city: city.client, clock, log, ...deps.forwarder });

  // the journey's own state (ratings, receipt dates, statuses learned) beside the outbox
  let journeyDb: Db | undefined;
  let outboxLookup: OutboxLookup | undefined;
  const key = await keyProvider.load();
  try {
    if (!key.ok) throw new Error(key.error.message);
    journeyDb = await openJourneyDb(options.dataDir);
    outboxLookup = await OutboxLookup.open(outboxDir);
  } catch (e) {
    await journeyDb?.close().catch(() => undefined);
    await outbox.close();
    await city.close();
    return err(kioskError('OutboxIo', `opening the journey database: ${e instanceof Error ? e.message : String(e)}`));
  }
  const ratings = new RatingStore(journeyDb, key.value, () => clock.now());
  const ratingSender = new RatingSender({ store: ratings, outbox, city: city.client, clock, log, ...deps.ratings });
  const appointments = new ReceiptAppointments(journeyDb, () => clock.now());
  const statuses = new CityStatusCache(journeyDb);
  const receipts = new SessionReceipts();

  const bus = new EventBus();
  forwarder.onEvent((e) => {
    if (e.type === 'stats') bus.emit({ type: 'queue.counts', queue: { counts: e.stats.counts, oldestPendingAt: e.stats.oldestPendingAt } });
    // a rating given by local code waits for its dossier's official code
    if (e.type === 'dossier' && e.state === 'delivered') ratingSender.wake();
  });
  const devices = await buildDevices(config.current.devices, { log, dataDir: options.dataDir, configRoot: options.configRoot });
  devices.manager.onChange((all) => bus.emit({ type: 'device.status', devices: all }));
  const sessions = new SessionManager(() => config.current.timeouts, (e) => bus.emit(e), clock);
  const auth = new OperatorAuth({
    pins: () => secrets.pins,
    verify: verifyPin,
    clock,
    unlockTtlMs: () => config.current.timeouts.diagnosticsIdleSeconds * 1000,
    lockoutMs: () => config.current.timeouts.pinLockoutSeconds * 1000,
  });
  const documents = new SessionDocuments(() => devices.scanner);
  const journal = new JourneyJournal();
  sessions.onWipe(async (sessionId, reason) => {
    // statistics count a session that ends without a dossier as abandoned at its last step
    journal.emit({ type: 'session.ended', sessionId, reason, at: clock.now() });
    receipts.forget(sessionId);
    await documents.wipe();
    log.info('session', 'session ended and wiped', { sessionId, reason });
  });
  /** the live session, or a typed error the renderer words as "start again" */
  const live = (sessionId: string) =>
    sessions.current?.id === sessionId ? null : err(kioskError('SessionNotFound', 'no live session with that id (it may have timed out)'));
  config.onChange((next, previous) => {
    // the catalog first, so a screen that refetches it on config.changed gets the new one;
    // a catalog that fails keeps the last good one running, as a failed site reload does
    void catalog
      .reload(next.procedures.enabled)
      .then(
        (r) => {
          if (!r.ok) log.error('config', 'catalog reload refused; the previous catalog stays', { error: r.error.message, issues: r.error.issues });
        },
        (e: unknown) => log.error('config', 'catalog reload failed; the previous catalog stays', { error: e instanceof Error ? e.message : String(e) }),
      )
      .finally(() => bus.emit({ type: 'config.changed', config: toPublicConfig(next) }));
    log.info('config', 'site config reloaded', { siteId: next.site.id });
    // devices hold ports and sockets: swapping them under a resident is not worth the risk
    if (JSON.stringify(next.devices) !== JSON.stringify(previous.devices)) log.warn('config', 'device settings changed: restart the kiosk to apply them');
  });

  const closers: (() => Promise<void> | void)[] = [];
  const ctx: AppContext = {
    options, config, catalog, secrets, city, outbox, forwarder, outboxLookup, appointments, statuses, ratings, ratingSender, receipts,
    devices, sessions, auth, documents, bus, journal, log, clock, startedAt, live,
    onClose: (closer) => closers.push(closer),
  };
  closers.push(forwardReaderReads({ reader: devices.idReader, sessions, bus, journal, now: () => clock.now(), log }));

  const baseHandlers: Omit<Handlers, keyof ReturnType<typeof journeyHandlers> | keyof ReturnType<typeof diagnosticsHandlers>> = {
    'app.info': async () =>
      ok({ name: pkg.name, version: pkg.version, shell: options.shell, siteId: config.current.site.id, kioskId: config.current.kiosk.id, startedAt }),
    'config.public': async () => ok(toPublicConfig(config.current)),
    'session.start': async ({ locale }) => {
      const info = await sessions.start(locale);
      journal.emit({ type: 'session.started', sessionId: info.sessionId, at: clock.now() });
      return ok(info);
    },
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
  const diagnostics = openDiagnostics(ctx, deps.shellControl ? { shell: deps.shellControl } : {});
  // every technician action (PIN entries, self-tests, diag actions) lands in the append-only audit
  const audited: Handlers = wrapWithAudit({ ...baseHandlers, ...journeyHandlers(ctx), ...diagnostics.handlers }, diagnostics.audit, auth);
  // the tests' injected faults, outermost: a faulted call does not run (nor write an audit row);
  // only where sim control exists, so a kiosk with real hardware has no such hook
  const apiFaults = simControlAllowed(config.current.devices) ? new ApiFaults() : null;
  const handlers = apiFaults ? wrapWithApiFaults(audited, apiFaults) : audited;
  const dispatch = createDispatcher(handlers, log);

  const core: KioskCore = {
    dispatch,
    onEvent: (listener) => bus.subscribe(listener),
    close: async () => {
      for (const closer of closers.reverse()) await closer();
      await sessions.close();
      await ratingSender.stop();
      await forwarder.stop();
      await outboxLookup.close();
      await outbox.close();
      await journeyDb.close();
      await devices.close();
      await city.close();
    },
  };
  forwarder.start();
  ratingSender.start();
  log.info('app', 'core ready', { shell: options.shell, siteId: config.current.site.id, kioskId: config.current.kiosk.id, version: pkg.version });
  const sim = apiFaults ? simTargetsOf(config.current.devices, devices.simulators, { apiFaults, refreshDevice: (id) => devices.manager.refresh(id) }) : null;
  return ok({ core, devices, city, outbox, forwarder, config, catalog, journal, ratings, ratingSender, sim, log, close: core.close });
}
