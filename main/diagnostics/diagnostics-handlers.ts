import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { initials, maskIdNumber } from '../../common/cccd/mask.js';
import { kioskError, type KioskError } from '../../common/errors.js';
import type { ParsedArgsOf, ResultOf } from '../../common/kiosk-api/contract.js';
import type { QueueState } from '../../common/kiosk-api/contract-parts.js';
import type { DiagConfig, diagnosticsContract, QueueItem } from '../../common/kiosk-api/diagnostics-contract.js';
import { err, ok, type Result } from '../../common/result.js';
import pkg from '../../package.json' with { type: 'json' };
import { AuditLog, auditDbPath } from '../audit/audit-log.js';
import type { Unlocked } from '../auth/operator-auth.js';
import { formatConfigError } from '../config/load-site.js';
import type { AppContext } from '../core/app-context.js';
import type { Handler, Handlers } from '../core/dispatcher.js';
import { exportLogs, tailLogs } from '../log/log-reader.js';
import { StatsRecorder, deviceFaultsFrom } from '../stats/stats-recorder.js';
import { StatsStore, statsDbPath } from '../stats/stats-store.js';
import { vietnamDate } from '../stats/vietnam-day.js';
import { cardTest, printTest, scanTest } from './device-tests.js';
import { allowedExportDir, exportTargets } from './export-targets.js';
import { monthlyReport } from './monthly.js';
import { certificates, probeCity } from './network-check.js';
import { OutboxQueries } from './outbox-queries.js';
import { exportDossiers } from './queue-export.js';
import { processShellControl, RESTART_DELAY_MS, RESTART_EXIT_CODE, type ShellControl } from './shell-control.js';
import { diskSpace, memoryStatus, uptimeSeconds } from './system-status.js';

export type DiagnosticsMethod = keyof typeof diagnosticsContract;
type DiagHandlers = Pick<Handlers, DiagnosticsMethod>;

export interface DiagnosticsDeps {
  /** restart and exit-kiosk as the shell does them (default: exit code 75, no kiosk mode) */
  shell?: ShellControl;
  /** KIOSK_EXPORT_DIRS (extra export folders) */
  env?: NodeJS.ProcessEnv;
}

export interface Diagnostics {
  handlers: DiagHandlers;
  /** for wrapWithAudit in main/app.ts: the PIN pad, auth.lock and devices.selfTest */
  audit: AuditLog;
  stats: StatsStore;
  recorder: StatsRecorder;
}

/** How an action is written to the audit; views (the screens' reads) are not audited. */
interface AuditSpec<M extends DiagnosticsMethod> {
  target?: (args: ParsedArgsOf<M>) => string;
  detail?: (args: ParsedArgsOf<M>, value: ResultOf<M>) => string;
  /** an ok reply that still reports a refusal (a config reload that was refused) */
  result?: (value: ResultOf<M>) => string;
}

const PENDING: readonly QueueState[] = ['submitted', 'uploading'];
const ALL_BUT_PURGED: readonly QueueState[] = ['submitted', 'uploading', 'dead', 'delivered', 'tracked'];
const iso = (ms: number) => new Date(ms).toISOString();
const stamp = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

/**
 * Opens the technician's side of the core: its audit and statistics files under the data
 * dir, the statistics fed from the journey journal and the device manager, and the
 * diag.* handlers. Everything it opens is closed through ctx.onClose.
 */
export const openDiagnostics = (ctx: AppContext, deps: DiagnosticsDeps = {}): Diagnostics => {
  // once per core: a second audit or a second recorder on the same journal would count twice
  const opened = openedFor.get(ctx);
  if (opened) return opened;
  const d = open(ctx, deps);
  openedFor.set(ctx, d);
  return d;
};

const openedFor = new WeakMap<AppContext, Diagnostics>();

const open = (ctx: AppContext, deps: DiagnosticsDeps): Diagnostics => {
  const { options, config, log, clock } = ctx;
  const shell = deps.shell ?? processShellControl();
  const env = deps.env ?? process.env;
  const audit = new AuditLog(auditDbPath(options.dataDir), { now: () => clock.now(), log });
  const stats = new StatsStore(statsDbPath(options.dataDir));
  const recorder = new StatsRecorder(stats, log);
  const offJournal = ctx.journal.on((e) => recorder.record(e));
  const offDevices = ctx.devices.manager.onChange(deviceFaultsFrom(ctx.devices.manager.statuses(), (device, kind) => recorder.fault(device, kind, clock.now())));
  const queriesOpening = OutboxQueries.open(options.dataDir).catch((e: unknown) => {
    log.error('diagnostics', 'cannot open the outbox for diagnostics', { error: e instanceof Error ? e.message : String(e) });
    return null;
  });
  const queries = async (): Promise<OutboxQueries> => {
    const q = await queriesOpening;
    if (!q) throw new Error('the outbox database cannot be read');
    return q;
  };
  ctx.onClose(async () => {
    offJournal();
    offDevices();
    await recorder.flush();
    await stats.close();
    await audit.close();
    await (await queriesOpening)?.close();
  });

  const configView = async (): Promise<DiagConfig> => {
    const c = config.current;
    return {
      siteId: c.site.id,
      siteName: c.site.name.vi,
      kioskId: c.kiosk.id,
      appVersion: pkg.version,
      catalogVersion: ctx.catalog.current.version,
      sitePath: config.file,
      shell: options.shell,
      startedAt: ctx.startedAt,
    };
  };
  const logFile = log.file ?? join(options.dataDir, 'logs', 'kiosk.jsonl');

  // ─── the guard: technician only, and the audit of actions ──────────────────

  const technician = (): Unlocked | null => {
    const u = ctx.auth.current();
    return u?.role === 'technician' ? u : null;
  };
  const refused = (method: DiagnosticsMethod) => err(kioskError('NotAuthorized', `${method} needs an unlocked technician`));

  const view =
    <M extends DiagnosticsMethod>(method: M, run: Handler<M>): Handler<M> =>
    async (args) =>
      technician() ? run(args) : refused(method);

  const action =
    <M extends DiagnosticsMethod>(method: M, run: (args: ParsedArgsOf<M>, who: Unlocked) => Promise<Result<ResultOf<M>, KioskError>>, spec: AuditSpec<M> = {}): Handler<M> =>
    async (args) => {
      const target = spec.target?.(args) ?? '';
      const who = technician();
      if (!who) {
        const other = ctx.auth.current();
        await audit.append({ operatorId: other?.operatorId ?? 'unknown', role: other?.role ?? 'unknown', action: method, target, result: 'NotAuthorized' });
        return refused(method);
      }
      let r: Result<ResultOf<M>, KioskError>;
      try {
        r = await run(args, who);
      } catch (e) {
        await audit.append({ operatorId: who.operatorId, role: 'technician', action: method, target, result: 'Internal', detail: e instanceof Error ? e.message : String(e) });
        throw e;
      }
      await audit.append({
        operatorId: who.operatorId,
        role: 'technician',
        action: method,
        target,
        result: r.ok ? (spec.result?.(r.value) ?? 'ok') : r.error.kind,
        detail: r.ok ? (spec.detail?.(args, r.value) ?? '') : r.error.message,
      });
      return r;
    };

  const exportDir = async (dir: string): Promise<Result<string, KioskError>> => {
    const allowed = await allowedExportDir(dir, await exportTargets(options.dataDir, env));
    return allowed ? ok(allowed) : err(kioskError('ExportFailed', `${dir} is not an export folder (a mounted USB drive, KIOSK_EXPORT_DIRS, or the kiosk's exports folder)`));
  };

  const queueItem = async (q: Awaited<ReturnType<OutboxQueries['list']>>['rows'][number]): Promise<QueueItem> => {
    const sub = q.state === 'purged' ? null : await ctx.outbox.readSubmission(q.id);
    return {
      id: q.id,
      localCode: q.localCode,
      officialCode: q.officialCode,
      procedureCode: q.procedureCode,
      assisted: q.channel === 'kiosk-assisted',
      state: q.state,
      attempts: q.attempts,
      rejections: q.rejections,
      lastError: q.lastError,
      createdAt: iso(q.createdAt),
      updatedAt: iso(q.updatedAt),
      nextAttemptAt: PENDING.includes(q.state) ? iso(q.nextAttemptAt) : null,
      attachmentCount: q.attachmentCount,
      attachmentBytes: q.attachmentBytes,
      applicant: sub?.ok ? { idNumberMasked: maskIdNumber(sub.value.applicant.idNumber), initials: initials(sub.value.applicant.fullName) } : null,
    };
  };

  // ─── the handlers ──────────────────────────────────────────────────────────

  const handlers: DiagHandlers = {
    'diag.devices': view('diag.devices', async () => {
      const counters = ctx.devices.manager.counters();
      return ok(ctx.devices.manager.statuses().map((status) => ({ status, counters: counters[status.id] ?? {} })));
    }),

    'diag.printTest': action('diag.printTest', () => printTest(ctx.devices), { target: () => 'printer', detail: (_a, v) => `${v.bytes} bytes${v.preview ? ', simulator preview' : ''}` }),

    'diag.scanTest': action('diag.scanTest', () => scanTest(ctx.devices, () => clock.now()), {
      target: () => 'scanner',
      detail: (_a, v) => `${v.widthPx}×${v.heightPx} px at ${v.dpi} dpi in ${v.durationMs} ms`,
    }),

    'diag.cardTest': action(
      'diag.cardTest',
      (a) =>
        cardTest(ctx.devices, {
          ...a,
          keyboardWedge: config.current.devices.idReader.kind === 'keyboard-wedge',
          today: new Date(clock.now()),
        }),
      // the audit says a card was read, not whose
      { target: () => 'idReader', detail: (a, v) => `${a.payload !== undefined ? 'typed payload' : a.simulate ? 'simulated card' : 'card'} read (${v.source})` },
    ),

    'diag.queueSummary': view('diag.queueSummary', async () => {
      const s = await ctx.forwarder.stats();
      const last = await (await queries()).lastDeliveredAt();
      return ok({
        counts: s.counts,
        oldestPendingAt: s.oldestPendingAt,
        oldestPendingAgeMs: s.oldestPendingAgeMs,
        lastError: s.lastError,
        breaker: s.breaker,
        lastDeliveredAt: last === null ? null : iso(last),
      });
    }),

    'diag.queueList': view('diag.queueList', async (a) => {
      const page = await (await queries()).list(a.states ?? ALL_BUT_PURGED, a.limit ?? 100, a.offset ?? 0);
      return ok({ items: await Promise.all(page.rows.map(queueItem)), total: page.total });
    }),

    'diag.queueRetry': action(
      'diag.queueRetry',
      async ({ ref }) => {
        const q = await queries();
        const row = await q.find(ref);
        if (!row) return err(kioskError('DossierNotFound', `no dossier ${ref} in the queue`));
        if (row.state === 'dead') {
          const r = await ctx.outbox.retry(row.id);
          if (!r.ok) return err(kioskError(r.error.kind === 'InvalidState' ? 'InvalidState' : 'OutboxIo', r.error.message));
        } else if (PENDING.includes(row.state)) {
          if (!(await q.retryNow(row.id, clock.now(), 'technician: retry now'))) return err(kioskError('InvalidState', `dossier ${row.localCode} is no longer pending`));
        } else {
          return err(kioskError('InvalidState', `dossier ${row.localCode} is ${row.state}: nothing to retry`));
        }
        ctx.forwarder.wake();
        return ok({ id: row.id, localCode: row.localCode, previousState: row.state, state: row.state === 'dead' ? 'submitted' : row.state });
      },
      { target: (a) => a.ref, detail: (_a, v) => `${v.localCode}: ${v.previousState} → ${v.state}` },
    ),

    'diag.exportTargets': view('diag.exportTargets', async () => ok(await exportTargets(options.dataDir, env))),

    'diag.queueExport': action(
      'diag.queueExport',
      async (a, who) => {
        const dir = await exportDir(a.dir);
        if (!dir.ok) return dir;
        const q = await queries();
        const now = clock.now();
        return exportDossiers({
          outbox: ctx.outbox,
          refs: a.refs,
          dir: dir.value,
          passphrase: a.passphrase,
          kioskId: config.current.kiosk.id,
          siteId: config.current.site.id,
          operatorId: who.operatorId,
          now,
          onExported: (d, file) => q.note(d.id, now, 'exported', file),
        });
      },
      // the passphrase is never written anywhere
      { target: (a) => a.dir, detail: (a, v) => `${v.dossiers} dossiers (${a.refs.slice(0, 20).join(', ')}${a.refs.length > 20 ? ', …' : ''}), ${v.attachments} attachments, sha256 ${v.sha256}` },
    ),

    'diag.network': view('diag.network', async () => {
      const site = config.current;
      const timeoutMs = site.city.connectTimeoutSeconds * 1000 + 1000;
      const [probe, certs, last] = await Promise.all([
        probeCity(ctx.city.client, timeoutMs, () => clock.now()),
        certificates(ctx.secrets, ctx.city.baseUrl, timeoutMs, clock.now()),
        queries().then((q) => q.lastDeliveredAt()),
      ]);
      return ok({
        baseUrl: ctx.city.baseUrl,
        auth: site.city.auth.type,
        ...probe,
        checkedAt: iso(clock.now()),
        certificates: certs,
        lastDeliveredAt: last === null ? null : iso(last),
        breaker: ctx.forwarder.breaker.state,
      });
    }),

    'diag.config': view('diag.config', async () => ok(await configView())),

    'diag.configReload': action(
      'diag.configReload',
      async () => {
        const before = config.current;
        let r;
        try {
          r = await config.reload();
        } catch (e) {
          // a listener threw: the new config is in place (see ConfigStore), the bug is logged
          log.error('diagnostics', 'a config change listener failed', { error: e instanceof Error ? e.message : String(e) });
          r = ok(config.current);
        }
        if (!r.ok) {
          return ok({ applied: false, changed: false, reason: formatConfigError(r.error), issues: r.error.issues, restartNeeded: false, config: await configView() });
        }
        const changed = r.value !== before;
        return ok({
          applied: true,
          changed,
          reason: null,
          issues: [],
          restartNeeded: changed && !isDeepStrictEqual(r.value.devices, before.devices),
          config: await configView(),
        });
      },
      {
        target: () => config.file,
        result: (v) => (v.applied ? 'ok' : 'ConfigInvalid'),
        detail: (_a, v) => (v.applied ? (v.changed ? `applied${v.restartNeeded ? '; devices need a restart' : ''}` : 'unchanged') : (v.reason ?? 'refused')),
      },
    ),

    'diag.logs': view('diag.logs', async (a) => {
      const t = await tailLogs(logFile, a);
      return ok({
        lines: t.lines.map((l) => ({ at: l.at, level: l.level, component: l.component, message: l.message, detail: Object.keys(l.fields).length ? JSON.stringify(l.fields) : '' })),
        components: t.components,
      });
    }),

    'diag.logsExport': action(
      'diag.logsExport',
      async (a) => {
        const dir = await exportDir(a.dir);
        if (!dir.ok) return dir;
        const folder = join(dir.value, `${config.current.kiosk.id}-logs-${stamp(clock.now())}`);
        try {
          return ok({ folder, ...(await exportLogs(logFile, folder)) });
        } catch (e) {
          return err(kioskError('ExportFailed', `writing the logs to ${folder}: ${e instanceof Error ? e.message : String(e)}`));
        }
      },
      { target: (a) => a.dir, detail: (_a, v) => `${v.files.length} files, ${v.bytes} bytes` },
    ),

    'diag.system': view('diag.system', async () => {
      const disk = await diskSpace(options.dataDir);
      return ok({
        dataDir: options.dataDir,
        diskFreeBytes: disk.freeBytes,
        diskTotalBytes: disk.totalBytes,
        memory: memoryStatus(),
        uptimeSeconds: uptimeSeconds(),
        nodeVersion: process.version,
        platform: `${process.platform} ${process.arch}`,
        shell: options.shell,
        canExitKiosk: shell.exitKiosk !== undefined,
      });
    }),

    'diag.restart': action('diag.restart', async () => {
      shell.restart();
      return ok({ exitCode: RESTART_EXIT_CODE, inMs: RESTART_DELAY_MS });
    }),

    'diag.exitKiosk': action('diag.exitKiosk', async () => {
      if (!shell.exitKiosk) return err(kioskError('NotAvailable', `the ${options.shell} shell has no kiosk mode to leave; stop the kiosk from its host instead`));
      await shell.exitKiosk();
      return ok({ exiting: true as const });
    }),

    'diag.stats': view('diag.stats', async (a) => {
      const today = vietnamDate(clock.now());
      return ok(await stats.summary(a.from ?? `${today.slice(0, 7)}-01`, a.to ?? today));
    }),

    'diag.statsMonthly': action(
      'diag.statsMonthly',
      async ({ month }) => {
        const site = config.current;
        return ok(
          await monthlyReport({
            stats,
            queries: await queriesOpening,
            month,
            site: { id: site.site.id, name: site.site.name.vi },
            kioskId: site.kiosk.id,
            procedureNames: new Map(ctx.catalog.current.procedures.map((p) => [p.code, p.name.vi])),
            now: clock.now(),
          }),
        );
      },
      { target: (a) => a.month },
    ),

    'diag.audit': view('diag.audit', async (a) => ok(await audit.list({ ...(a.since ? { since: Date.parse(a.since) } : {}), limit: a.limit ?? 200 }))),
  };

  return { handlers, audit, stats, recorder };
};

/** The handlers alone, as main/app.ts takes them today (see openDiagnostics for the audit). */
export const diagnosticsHandlers = (ctx: AppContext): DiagHandlers => openDiagnostics(ctx).handlers;
