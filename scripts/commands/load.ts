// `kiosk load`: N synthetic dossiers through the KioskApi — session, scan, submit, the same
// calls the touchscreen makes — into a fresh outbox, then (with --wait) until the city has
// them all. Exit 0 only when every dossier was delivered.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../main/app.js';
import { createLogger } from '../../main/log/logger.js';
import type { Catalog } from '../../common/catalog/catalog-schema.js';
import type { KioskError } from '../../common/errors.js';
import type { Result } from '../../common/result.js';
import type { CommandIo } from './id-parse.js';
import { seededRandom, syntheticApplicant } from './synthetic-dossier.js';

interface LoadArgs {
  dossiers: number;
  pages: number;
  city?: string;
  wait: boolean;
  timeoutSeconds: number;
  dataDir?: string;
  seed: number;
}

export const loadUsage = 'usage: kiosk load --dossiers N [--pages P] [--city URL] [--site FILE] [--wait] [--timeout SECONDS] [--data-dir DIR] [--seed S]\n';

export const parseLoadArgs = (args: readonly string[]): LoadArgs | string => {
  const a: LoadArgs = { dossiers: 0, pages: 2, wait: false, timeoutSeconds: 600, seed: 1 };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = (args[i] ?? '').split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? args[++i] ?? '';
    const int = (name: string, min: number) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}`);
      return n;
    };
    try {
      if (flag === '--dossiers') a.dossiers = int('--dossiers', 1);
      else if (flag === '--pages') a.pages = int('--pages', 1);
      else if (flag === '--city') a.city = value();
      else if (flag === '--wait') a.wait = true;
      else if (flag === '--timeout') a.timeoutSeconds = int('--timeout', 1);
      else if (flag === '--data-dir') a.dataDir = value();
      else if (flag === '--seed') a.seed = int('--seed', 0);
      else return `unknown option ${flag}\n${loadUsage}`;
    } catch (e) {
      return `${(e as Error).message}\n${loadUsage}`;
    }
  }
  if (a.dossiers < 1) return `--dossiers is required\n${loadUsage}`;
  if (a.city !== undefined && !/^https?:\/\/.+\/v1\/?$/.test(a.city)) return `--city must be the contract's server URL, /v1 included (e.g. http://127.0.0.1:8443/v1)\n`;
  return a;
};

type Io = Pick<CommandIo, 'stdout' | 'stderr'>;

export const runLoad = async (site: string, configRoot: string, args: readonly string[], io: Io): Promise<number> => {
  const a = parseLoadArgs(args);
  if (typeof a === 'string') {
    io.stderr.write(a);
    return 2;
  }
  const dataDir = a.dataDir ?? (await mkdtemp(join(tmpdir(), 'kiosk-load-')));
  // the site as given, but pages come from the scanner simulator and nothing prints
  const json = JSON.parse(await readFile(site, 'utf8')) as { devices: Record<string, unknown>; city: Record<string, unknown> };
  json.devices = { printer: { kind: 'none' }, scanner: { kind: 'simulator' }, idReader: { kind: 'none' } };
  if (a.city) json.city = { ...json.city, baseUrl: a.city.replace(/\/$/, ''), simulator: false };
  const loadSite = join(dataDir, 'load-site.json');
  await writeFile(loadSite, JSON.stringify(json));

  const created = await createApp(
    { sitePath: loadSite, configRoot, dataDir, shell: 'browser-host' },
    { log: createLogger({ file: join(dataDir, 'logs', 'kiosk.jsonl'), stderr: false }), forwarder: { backoff: { baseMs: 200, capMs: 5000 }, idleMs: 1000 } },
  );
  if (!created.ok) {
    io.stderr.write(`load: cannot start the core: ${created.error.message}\n`);
    return 1;
  }
  const app = created.value;
  const random = seededRandom(a.seed);
  let refused = 0;
  try {
    io.stdout.write(`load: ${a.dossiers} dossiers × ${a.pages} pages → ${app.city.baseUrl} (data in ${dataDir})\n`);
    // the same catalog the touchscreen uses: a real procedure, component and consent wording
    const pick = await pickProcedure(app.core.dispatch);
    for (let n = 0; n < a.dossiers; n++) {
      const s = await app.core.dispatch('session.start', { locale: 'vi' });
      if (!s.ok) throw new Error(`session.start: ${s.error.message}`);
      const { sessionId } = s.value as { sessionId: string };
      const scanned = await app.core.dispatch('scan.pages', { sessionId, componentId: pick.componentId, source: 'feeder', maxPages: a.pages });
      const r = scanned.ok
        ? await app.core.dispatch('dossier.submit', {
            sessionId,
            procedureCode: pick.procedureCode,
            applicant: syntheticApplicant(n, random),
            form: {},
            delivery: { method: 'counter' },
            consent: { version: pick.consentVersion, purposes: pick.purposes, givenAt: new Date().toISOString() },
            components: [pick.componentId],
          })
        : scanned;
      await app.core.dispatch('session.end', { sessionId, reason: 'completed' });
      if (r.ok) io.stdout.write(`${(r.value as { localCode: string }).localCode}\n`);
      else {
        refused++;
        io.stderr.write(`load: dossier ${n + 1} refused: ${r.error.kind}: ${r.error.message}\n`);
      }
    }
    if (!a.wait) return refused ? 1 : 0;

    const deadline = Date.now() + a.timeoutSeconds * 1000;
    let counts = (await app.outbox.counts()).counts;
    // wake on every forwarder pass; the timeout bounds a city that never answers
    while ((counts.submitted ?? 0) + (counts.uploading ?? 0) > 0 && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const stop = app.forwarder.onEvent((e) => {
          if (e.type === 'stats') {
            stop();
            resolve();
          }
        });
        setTimeout(() => {
          stop();
          resolve();
        }, 1000).unref();
      });
      counts = (await app.outbox.counts()).counts;
    }
    const delivered = (counts.delivered ?? 0) + (counts.tracked ?? 0);
    io.stdout.write(`load: delivered ${delivered}, waiting ${(counts.submitted ?? 0) + (counts.uploading ?? 0)}, dead ${counts.dead ?? 0}, refused ${refused}\n`);
    return delivered === a.dossiers - refused && refused === 0 ? 0 : 1;
  } finally {
    await app.close();
  }
};

interface LoadPick {
  procedureCode: string;
  componentId: string;
  consentVersion: string;
  purposes: string[];
}

/** The first procedure that takes scanned pages and counter delivery, from the site's catalog. */
const pickProcedure = async (dispatch: (method: string, args: unknown) => Promise<Result<unknown, KioskError>>): Promise<LoadPick> => {
  const r = await dispatch('catalog.get', {});
  if (!r.ok) throw new Error(`catalog.get: ${r.error.message}`);
  const catalog = r.value as Catalog;
  const procedure = catalog.procedures.find((p) => p.delivery.includes('counter') && p.components.some((c) => c.pages.max >= 1));
  const component = procedure?.components.find((c) => c.pages.max >= 1);
  if (!procedure || !component) throw new Error('the site enables no procedure that takes scanned pages at the counter');
  return {
    procedureCode: procedure.code,
    componentId: component.id,
    consentVersion: catalog.consent.version,
    // the purposes every dossier needs (not the postal one)
    purposes: catalog.consent.purposes.filter((p) => p.deliveryMethod === undefined || p.deliveryMethod === 'counter').map((p) => p.id),
  };
};
