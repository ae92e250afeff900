import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CatalogInput } from '../../common/catalog/catalog-schema.js';
import type { SiteConfigInput } from '../../common/config/site-schema.js';
import type { Clock } from '../../hardware/clock.js';
import { createApp, type App, type AppDeps } from '../../main/app.js';
import { hashPin } from '../../main/config/pin-hash.js';
import { silentLogger } from '../../main/log/logger.js';
import { OFFICER_PIN, repoRoot, TECH_PIN, testSite } from './test-app.js';

// The journey tests' app: like startTestApp, plus a private kiosk-config (so a test may edit
// the catalog), a restart on the same data dir, and the rating sender's tuning.

export interface JourneyApp extends App {
  dataDir: string;
  sitePath: string;
  configRoot: string;
}

export interface JourneyAppOptions {
  /** restart: reuse this data dir (its site.json, secrets and kiosk-config stay) */
  dataDir?: string;
  site?: (site: SiteConfigInput) => SiteConfigInput;
  catalog?: (catalog: CatalogInput) => CatalogInput;
  clock?: Clock;
  deps?: Omit<AppDeps, 'log' | 'clock'>;
}

export const readRepoCatalog = async (): Promise<CatalogInput> =>
  JSON.parse(await readFile(join(repoRoot, 'kiosk-config', 'catalog', 'catalog.json'), 'utf8')) as CatalogInput;

/** A private kiosk-config under `dataDir`: the repo's samples and catalog (edited), never the repo's files. */
const writeConfigRoot = async (dataDir: string, edit?: (c: CatalogInput) => CatalogInput): Promise<string> => {
  const root = join(dataDir, 'kiosk-config');
  await mkdir(join(root, 'catalog'), { recursive: true });
  await cp(join(repoRoot, 'kiosk-config', 'samples'), join(root, 'samples'), { recursive: true });
  const catalog = await readRepoCatalog();
  await writeFile(join(root, 'catalog', 'catalog.json'), JSON.stringify(edit ? edit(catalog) : catalog));
  return root;
};

export const startJourneyApp = async (opts: JourneyAppOptions = {}): Promise<JourneyApp> => {
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'kiosk-journey-')));
  const sitePath = join(dataDir, 'site.json');
  const secretsPath = join(dataDir, 'secrets.json');
  const configRoot = join(dataDir, 'kiosk-config');
  if (!existsSync(sitePath)) {
    const site = JSON.parse(await readFile(testSite, 'utf8')) as SiteConfigInput;
    await writeFile(sitePath, JSON.stringify(opts.site ? opts.site(site) : site));
    const secrets = {
      pins: {
        technician: [{ id: 'tech-test', hash: await hashPin(TECH_PIN) }],
        officer: [{ id: 'officer-test', hash: await hashPin(OFFICER_PIN) }],
      },
    };
    await writeFile(secretsPath, JSON.stringify(secrets), { mode: 0o600 });
    await writeConfigRoot(dataDir, opts.catalog);
  }
  const created = await createApp(
    { sitePath, configRoot, dataDir, secretsPath, shell: 'browser-host' },
    { log: silentLogger, ...(opts.clock ? { clock: opts.clock } : {}), ...opts.deps },
  );
  if (!created.ok) throw new Error(`journey app failed to start: ${created.error.message}`);
  return { ...created.value, dataDir, sitePath, configRoot };
};

/** Starts a session and returns its id. */
export const startSession = async (app: App): Promise<string> => {
  const s = await app.core.dispatch('session.start', { locale: 'vi' });
  if (!s.ok) throw new Error(`session.start failed: ${s.error.message}`);
  return (s.value as { sessionId: string }).sessionId;
};

export const applicant = {
  idNumber: '001090123456',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1990-01-01',
  sex: 'male' as const,
  address: 'Số 12 phố Hàng Bạc, Hà Nội',
  identitySource: 'qr' as const,
};

/** dossier.submit arguments for a procedure with no scanned component (the test site's scanner is a simulator: scan when a test needs pages) */
export const dossierArgs = (sessionId: string, procedureCode: string, extra: Record<string, unknown> = {}) => ({
  sessionId,
  procedureCode,
  applicant,
  form: {},
  delivery: { method: 'counter' as const },
  consent: { version: '2026-01-01', purposes: ['giai-quyet-ho-so'], givenAt: '2026-11-24T08:00:00+07:00' },
  components: [] as string[],
  ...extra,
});

/** Polls `probe` until it gives a value other than undefined (usable in hooks, unlike expect.poll). */
export const waitFor = async <T>(probe: () => Promise<T | undefined>, { timeoutMs = 15_000, intervalMs = 50 } = {}): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
};

/** The official code the forwarder brought back for a local code, once delivered. */
export const deliveredCode = (app: App, localCode: string, timeoutMs = 15_000): Promise<string> =>
  waitFor(async () => {
    const kept = await app.outbox.findByLocalCode(localCode);
    return kept.ok && kept.value.officialCode !== null ? kept.value.officialCode : undefined;
  }, { timeoutMs });
