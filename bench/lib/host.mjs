// Starts the built browser host the way the e2e suite does (tests/e2e/global-setup.ts):
// `node dist/main/start.js --shell=browser-host --no-browser --site=test-fast …`, on a free
// port with a throwaway data dir, and resolves with the `KIOSK_URL=…` it prints. With
// `inspect: true` the core runs under `--inspect=0` and the inspector's ws:// URL is read
// from its stderr, for benchmarks that force GC and read memory inside the core.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from './results.mjs';

export const chromiumPath = '/usr/bin/chromium';
/** the headless flags bench/cold-start.mjs uses */
export const launchArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

const startupTimeoutMs = 30_000;

/** @returns {Promise<{url: string, pid: number, inspectorUrl: string | null, stop: () => Promise<void>, log: () => string}>} */
export const startHost = async ({ site = 'kiosk-config/sites/test-fast.json', inspect = false } = {}) => {
  const entry = join(repoRoot, 'dist/main/start.js');
  if (!existsSync(entry) || !existsSync(join(repoRoot, 'dist/renderer/index.html'))) {
    throw new Error('dist/ is not built: run `node scripts/build.mjs` first');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
  const secrets = join(dataDir, 'secrets.json');
  // no PINs: the benchmarks never open the PIN pad
  writeFileSync(secrets, JSON.stringify({ pins: { technician: [], officer: [] } }), { mode: 0o600 });
  const nodeArgs = inspect ? ['--inspect=127.0.0.1:0'] : [];
  const child = spawn(
    process.execPath,
    [...nodeArgs, entry, '--shell=browser-host', '--no-browser', `--site=${site}`, `--data-dir=${dataDir}`, `--secrets=${secrets}`, '--port=0'],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let logText = '';
  const keep = (line) => {
    logText += line + '\n';
    if (logText.length > 200_000) logText = logText.slice(-100_000);
  };
  let inspectorUrl = null;
  const ready = new Promise((resolve, reject) => {
    let url = null;
    const done = () => {
      if (url && (!inspect || inspectorUrl)) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    const timer = setTimeout(() => reject(new Error(`the host printed no KIOSK_URL within ${startupTimeoutMs} ms:\n${logText}`)), startupTimeoutMs);
    createInterface({ input: child.stdout }).on('line', (line) => {
      keep(line);
      const m = /^KIOSK_URL=(\S+)$/.exec(line.trim());
      if (m) {
        url = m[1];
        done();
      }
    });
    createInterface({ input: child.stderr }).on('line', (line) => {
      keep(line);
      const m = /Debugger listening on (ws:\/\/\S+)/.exec(line);
      if (m) {
        inspectorUrl = m[1];
        done();
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${signal ?? code}) before printing KIOSK_URL:\n${logText}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await ready;
    return { url, pid: child.pid, inspectorUrl, stop, log: () => logText };
  } catch (e) {
    await stop();
    throw e;
  }
};
