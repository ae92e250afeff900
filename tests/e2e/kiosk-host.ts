import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { hashPin } from '../../main/config/pin-hash.js';
import { e2ePins, hostLogPath, type E2eEnv } from './e2e-env.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const startupTimeoutMs = 30_000;

/** The secrets file the host reads: known PINs, mode 0600 as the host demands. */
export const writeSecrets = async (file: string) => {
  const secrets = {
    pins: {
      technician: [{ id: 'tech-e2e', hash: await hashPin(e2ePins.technician) }],
      officer: [{ id: 'officer-e2e', hash: await hashPin(e2ePins.officer) }],
    },
  };
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
};

/**
 * Resolves with the URL the host prints (`KIOSK_URL=…`) and the city simulator's URL (from its
 * `city simulator listening` log line, printed before), or fails with why it did not.
 */
export const waitForUrls = (child: ChildProcess, logPath: string): Promise<{ url: string; cityUrl: string }> =>
  new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host printed no KIOSK_URL within ${startupTimeoutMs} ms; see ${logPath}`)), startupTimeoutMs);
    if (!child.stdout) return reject(new Error('host has no stdout'));
    let cityUrl: string | null = null;
    const onLine = (line: string) => {
      const text = line.trim();
      if (text.startsWith('{') && text.includes('city simulator listening')) {
        try {
          const entry = JSON.parse(text) as { url?: unknown };
          if (typeof entry.url === 'string') cityUrl = entry.url;
        } catch {
          // not our line after all
        }
      }
      const m = /^KIOSK_URL=(\S+)$/.exec(text);
      if (m?.[1]) {
        clearTimeout(timer);
        if (cityUrl === null) reject(new Error(`the host printed KIOSK_URL but no city simulator URL; see ${logPath}`));
        else resolveUrl({ url: m[1], cityUrl });
      }
    };
    // the logger may write to either stream; KIOSK_URL comes on stdout
    createInterface({ input: child.stdout }).on('line', onLine);
    if (child.stderr) createInterface({ input: child.stderr }).on('line', onLine);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${signal ?? code}) before printing KIOSK_URL; see ${logPath}`));
    });
  });

export interface KioskHost {
  env: E2eEnv;
  stop(): Promise<void>;
}

/**
 * Starts the real browser host on a free port with a throwaway data dir (its own city
 * simulator and printer simulator on free ports too); one per Playwright worker.
 */
export async function startKioskHost(name: string): Promise<KioskHost> {
  const entry = join(repoRoot, 'dist/main/start.js');
  if (!existsSync(entry) || !existsSync(join(repoRoot, 'dist/renderer/index.html'))) {
    throw new Error('dist/ is not built: run `npm run build` (or `node scripts/build.mjs`) before the e2e tests');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'kiosk-e2e-'));
  const secretsPath = join(dataDir, 'secrets.json');
  await writeSecrets(secretsPath);

  const logPath = hostLogPath.replace(/\.log$/, `-${name}.log`);
  mkdirSync(dirname(logPath), { recursive: true });
  const log = createWriteStream(logPath);
  const child = spawn(
    process.execPath,
    [entry, '--shell=browser-host', '--no-browser', '--site=kiosk-config/sites/test-fast.json', `--data-dir=${dataDir}`, `--secrets=${secretsPath}`, '--port=0'],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
    log.end();
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const urls = await waitForUrls(child, logPath);
    const u = new URL(urls.url);
    const token = new URLSearchParams(u.hash.replace(/^#/, '')).get('token') ?? '';
    return { env: { url: urls.url, origin: u.origin, token, dataDir, cityUrl: urls.cityUrl }, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
