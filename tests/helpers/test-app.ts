import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp, type App } from '../../main/app.js';
import { hashPin } from '../../main/config/pin-hash.js';
import { silentLogger } from '../../main/log/logger.js';
import type { Clock } from '../../hardware/clock.js';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const testSite = join(repoRoot, 'kiosk-config', 'sites', 'test-fast.json');
export const TECH_PIN = '246810';
export const OFFICER_PIN = '135790';

/** A core on a temp data dir with known PINs, as the shells would build it. */
export const startTestApp = async (opts: { clock?: Clock; site?: string } = {}): Promise<App & { dataDir: string; sitePath: string }> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kiosk-test-'));
  // a private copy, so a test may edit the site file and reload it
  const sitePath = join(dataDir, 'site.json');
  await copyFile(opts.site ?? testSite, sitePath);
  const secretsPath = join(dataDir, 'secrets.json');
  const secrets = {
    pins: {
      technician: [{ id: 'tech-test', hash: await hashPin(TECH_PIN) }],
      officer: [{ id: 'officer-test', hash: await hashPin(OFFICER_PIN) }],
    },
  };
  await writeFile(secretsPath, JSON.stringify(secrets), { mode: 0o600 });
  const created = await createApp(
    { sitePath, configRoot: join(repoRoot, 'kiosk-config'), dataDir, secretsPath, shell: 'browser-host' },
    { log: silentLogger, ...(opts.clock ? { clock: opts.clock } : {}) },
  );
  if (!created.ok) throw new Error(`test app failed to start: ${created.error.message}`);
  return { ...created.value, dataDir, sitePath };
};
