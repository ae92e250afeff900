import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { hashPin } from '../../main/config/pin-hash.js';
import { e2ePins, hostLogPath, kioskUrlEnv } from './e2e-env.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const startupTimeoutMs = 30_000;

/** The secrets file the host reads: known PINs, mode 0600 as the host demands. */
const writeSecrets = async (file: string) => {
  const secrets = {
    pins: {
      technician: [{ id: 'tech-e2e', hash: await hashPin(e2ePins.technician) }],
      officer: [{ id: 'officer-e2e', hash: await hashPin(e2ePins.officer) }],
    },
  };
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
};

/** Resolves with the URL the host prints (`KIOSK_URL=…`), or fails with why it did not. */
const waitForUrl = (child: ChildProcess): Promise<string> =>
  new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host printed no KIOSK_URL within ${startupTimeoutMs} ms; see ${hostLogPath}`)), startupTimeoutMs);
    if (!child.stdout) return reject(new Error('host has no stdout'));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^KIOSK_URL=(\S+)$/.exec(line.trim());
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${signal ?? code}) before printing KIOSK_URL; see ${hostLogPath}`));
    });
  });

/** Starts the real browser host on a free port with a throwaway data dir; returns the teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const entry = join(repoRoot, 'dist/main/start.js');
  if (!existsSync(entry) || !existsSync(join(repoRoot, 'dist/renderer/index.html'))) {
    throw new Error('dist/ is not built: run `npm run build` (or `node scripts/build.mjs`) before the e2e tests');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'kiosk-e2e-'));
  const secretsPath = join(dataDir, 'secrets.json');
  await writeSecrets(secretsPath);

  mkdirSync(dirname(hostLogPath), { recursive: true });
  const log = createWriteStream(hostLogPath);
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
    // workers inherit the runner's environment, so the specs find the host here
    process.env[kioskUrlEnv] = await waitForUrl(child);
  } catch (e) {
    await stop();
    throw e;
  }
  return stop;
}
