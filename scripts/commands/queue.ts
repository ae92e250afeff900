// `kiosk queue status | retry <code> | export <dir> | unpack <bundle> <dir>`: the outbox from a
// shell, beside a running kiosk or without one. Status needs nothing but the database; retry
// and export need the outbox key file (a kiosk under Electron keeps its key in the OS's safe
// storage: use the diagnostics screen there). Retry and export are written to the audit.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { AuditLog, auditDbPath } from '../../main/audit/audit-log.js';
import { loadSiteConfig } from '../../main/config/load-site.js';
import { openBundle } from '../../main/diagnostics/bundle.js';
import { OutboxQueries } from '../../main/diagnostics/outbox-queries.js';
import { exportDossiers } from '../../main/diagnostics/queue-export.js';
import { fileKeyProvider } from '../../main/outbox/key-provider.js';
import { Outbox } from '../../main/outbox/outbox.js';
import type { CommandIo } from './id-parse.js';
import { takeOption } from './data-dir-arg.js';

export const queueUsage = `usage: kiosk queue status                       counts, the oldest pending, dead and pending dossiers
       kiosk queue retry <code>                 a dead dossier back to the queue; a pending one due now
       kiosk queue export <dir> [--codes A,B]   an encrypted bundle of the dossiers not yet delivered (or those codes)
       kiosk queue unpack <bundle> <dir>        open a bundle (on the city's side)
  options: --data-dir DIR (default KIOSK_DATA_DIR, else var/); the passphrase is read from
  KIOSK_EXPORT_PASSPHRASE, else the first line of stdin (at least 10 characters)
`;

const MIN_PASSPHRASE = 10;

const readPassphrase = async (io: CommandIo, env: NodeJS.ProcessEnv): Promise<string | null> => {
  const fromEnv = env.KIOSK_EXPORT_PASSPHRASE;
  if (fromEnv !== undefined) return fromEnv;
  let text = '';
  for await (const chunk of io.stdin) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.includes('\n')) break;
  }
  const line = text.split(/\r?\n/)[0] ?? '';
  return line === '' ? null : line;
};

const age = (ms: number): string => {
  const min = Math.floor(ms / 60_000);
  return min < 60 ? `${min} min` : min < 48 * 60 ? `${Math.floor(min / 60)} h ${min % 60} min` : `${Math.floor(min / 1440)} days`;
};

/** the OS account at the keyboard: the audit's operator for CLI actions */
const operator = (): string => {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli:unknown';
  }
};

const openOutbox = async (dataDir: string, kioskId: string): Promise<Outbox | string> => {
  const keyFile = join(dataDir, 'outbox.key');
  // a new key here would be worse than none: it could never open the dossiers already sealed
  if (!existsSync(keyFile)) return `no outbox key file at ${keyFile} (an Electron kiosk keeps it in safe storage: use the diagnostics screen)`;
  const r = await Outbox.open({ dir: join(dataDir, 'outbox'), kioskId, keyProvider: fileKeyProvider(keyFile), checkOnOpen: false });
  return r.ok ? r.value : `${r.error.kind}: ${r.error.message}`;
};

const status = async (q: OutboxQueries, io: CommandIo, now: number): Promise<number> => {
  const counts = await q.countsByState();
  io.stdout.write(`${Object.entries(counts).map(([s, n]) => `${s} ${n}`).join(' · ')}\n`);
  const oldest = await q.oldestPendingAt();
  io.stdout.write(`oldest pending: ${oldest === null ? 'none' : `${age(now - oldest)} old`}\n`);
  const last = await q.lastDeliveredAt();
  io.stdout.write(`last delivered: ${last === null ? 'never' : new Date(last).toISOString()}\n`);
  const { rows: dead } = await q.list(['dead'], 50);
  for (const d of dead) io.stdout.write(`dead     ${d.localCode} ${d.procedureCode} after ${d.attempts} tries — ${d.lastError ?? ''}\n`);
  const { rows: pending } = await q.list(['submitted', 'uploading'], 50);
  for (const d of pending) {
    io.stdout.write(`${d.state.padEnd(8)} ${d.localCode} ${d.procedureCode} next try ${new Date(d.nextAttemptAt).toISOString()}${d.lastError ? ` — ${d.lastError}` : ''}\n`);
  }
  return 0;
};

export const runQueue = async (args: readonly string[], ctx: { dataDir: string; site: string; io: CommandIo; env: NodeJS.ProcessEnv; now?: () => number }): Promise<number> => {
  const { io, dataDir, env } = ctx;
  const now = ctx.now ?? Date.now;
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === 'help') return (io.stdout.write(queueUsage), 0);

  if (sub === 'unpack') {
    const [bundle, out] = rest;
    if (!bundle || !out) return (io.stderr.write(queueUsage), 2);
    const pass = await readPassphrase(io, env);
    if (!pass) return (io.stderr.write('queue unpack: no passphrase (KIOSK_EXPORT_PASSPHRASE or stdin)\n'), 2);
    const opened = await openBundle(resolve(bundle), pass);
    if (!opened.ok) return (io.stderr.write(`queue unpack: ${opened.error.kind}: ${opened.error.message}\n`), 1);
    // what comes out is PII in clear: only the user running this may read it
    await mkdir(out, { recursive: true, mode: 0o700 });
    const codes = new Map<string, string>();
    let dossiers = 0;
    for (const { meta, data } of opened.records) {
      if (meta.type === 'dossier') {
        const record = meta.record as { id: string; localCode: string };
        codes.set(record.id, record.localCode);
        await mkdir(join(out, record.localCode), { recursive: true, mode: 0o700 });
        await writeFile(join(out, record.localCode, 'dossier.json'), JSON.stringify(meta, null, 2) + '\n', { mode: 0o600 });
        dossiers++;
      } else if (meta.type === 'attachment' && data) {
        const code = codes.get(String(meta.dossierId)) ?? String(meta.dossierId);
        const name = `${String(meta.seq)}-${String(meta.fileName).replace(/[^A-Za-z0-9._-]/g, '_')}`;
        await writeFile(join(out, code, name), data, { mode: 0o600 });
      }
    }
    io.stdout.write(`unpacked ${dossiers} dossiers into ${out}\n`);
    return 0;
  }

  const q = await OutboxQueries.open(dataDir);
  if (!q) return (io.stderr.write(`queue: no outbox in ${dataDir} (has the kiosk run with this --data-dir?)\n`), 1);
  try {
    if (sub === 'status') return await status(q, io, now());

    const site = await loadSiteConfig(ctx.site);
    const kioskId = site.ok ? site.value.kiosk.id : 'KIOSK';
    const audit = new AuditLog(auditDbPath(dataDir), { now });
    try {
      if (sub === 'retry') {
        const [code] = rest;
        if (!code) return (io.stderr.write(queueUsage), 2);
        const row = await q.find(code);
        if (!row) return (io.stderr.write(`queue retry: no dossier ${code}\n`), 1);
        let result = 'ok';
        if (row.state === 'dead') {
          const outbox = await openOutbox(dataDir, kioskId);
          if (typeof outbox === 'string') return (io.stderr.write(`queue retry: ${outbox}\n`), 1);
          try {
            const r = await outbox.retry(row.id);
            if (!r.ok) result = r.error.kind;
          } finally {
            await outbox.close();
          }
        } else if (row.state === 'submitted' || row.state === 'uploading') {
          if (!(await q.retryNow(row.id, now(), `${operator()}: retry now`))) result = 'InvalidState';
        } else {
          result = 'InvalidState';
        }
        await audit.append({ operatorId: operator(), role: 'technician', action: 'cli.queue.retry', target: row.localCode, result });
        if (result !== 'ok') return (io.stderr.write(`queue retry: ${row.localCode} is ${row.state}: nothing to retry (${result})\n`), 1);
        io.stdout.write(`${row.localCode}: ${row.state} → ${row.state === 'dead' ? 'submitted' : `${row.state}, due now`}; a running kiosk sends it at its next pass (within a minute)\n`);
        return 0;
      }

      if (sub === 'export') {
        const codes = takeOption(rest, '--codes');
        const [dir] = codes.rest;
        if (!dir) return (io.stderr.write(queueUsage), 2);
        const refs = codes.value
          ? codes.value.split(',').filter(Boolean)
          : (await q.list(['submitted', 'uploading', 'dead'], 100_000)).rows.map((r) => r.localCode);
        if (refs.length === 0) return (io.stdout.write('queue export: nothing waiting: every dossier reached the city\n'), 0);
        const pass = await readPassphrase(io, env);
        if (!pass || [...pass].length < MIN_PASSPHRASE) return (io.stderr.write(`queue export: the passphrase must be at least ${MIN_PASSPHRASE} characters (KIOSK_EXPORT_PASSPHRASE or stdin)\n`), 2);
        const outbox = await openOutbox(dataDir, kioskId);
        if (typeof outbox === 'string') return (io.stderr.write(`queue export: ${outbox}\n`), 1);
        try {
          const at = now();
          const r = await exportDossiers({
            outbox,
            refs,
            dir: resolve(dir),
            passphrase: pass,
            kioskId,
            siteId: site.ok ? site.value.site.id : '',
            operatorId: operator(),
            now: at,
            onExported: (d, file) => q.note(d.id, at, 'exported', file),
          });
          await audit.append({
            operatorId: operator(),
            role: 'technician',
            action: 'cli.queue.export',
            target: resolve(dir),
            result: r.ok ? 'ok' : r.error.kind,
            detail: r.ok ? `${r.value.dossiers} dossiers, sha256 ${r.value.sha256}` : r.error.message,
          });
          if (!r.ok) return (io.stderr.write(`queue export: ${r.error.kind}: ${r.error.message}\n`), 1);
          io.stdout.write(`${r.value.dossiers} dossiers (${r.value.attachments} attachments, ${r.value.bytes} bytes) → ${r.value.bundlePath}\nmanifest: ${r.value.manifestPath}\nsha256 ${r.value.sha256}\n`);
          return 0;
        } finally {
          await outbox.close();
        }
      }
    } finally {
      await audit.close();
    }
    io.stderr.write(queueUsage);
    return 2;
  } finally {
    await q.close();
  }
};
