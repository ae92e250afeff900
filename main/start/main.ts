import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../app.js';
import { startBrowserHost } from '../browser-host/server.js';
import { ensureDevSecrets } from '../config/secrets.js';
import { chooseShell, chromiumKioskArgs } from './choose-shell.js';
import { parseStartArgs } from './cli-args.js';
import { findElectronBinary, findExecutable } from './electron-binary.js';

// dist/main/start.js → the repository (or the unpacked app) two levels up
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const say = (line: string) => process.stdout.write(`kiosk: ${line}\n`);

const main = async (): Promise<number> => {
  const parsed = parseStartArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`kiosk: ${parsed.message}\n`);
    return 2;
  }
  const a = parsed.args;
  const embeddedSite = join(repoRoot, 'kiosk-config', 'sites', 'embedded.json');
  const sitePath = resolve(a.site ?? process.env.KIOSK_SITE ?? embeddedSite);
  const dataDir = resolve(a.dataDir ?? process.env.KIOSK_DATA_DIR ?? join(repoRoot, 'var'));
  const secretsPath = resolve(a.secrets ?? process.env.KIOSK_SECRETS_FILE ?? join(dataDir, 'secrets.json'));
  mkdirSync(dataDir, { recursive: true });

  // The embedded default gets PINs made on this machine at first start, never from the repo.
  if (sitePath === embeddedSite && !a.secrets && !process.env.KIOSK_SECRETS_FILE) {
    const fresh = await ensureDevSecrets(secretsPath);
    if (fresh) say(`first start: technician PIN ${fresh.technician}, officer PIN ${fresh.officer} (stored hashed in ${secretsPath}; shown once)`);
  }

  const choice = chooseShell({
    forced: a.shell,
    electronBinary: findElectronBinary(repoRoot),
    display: Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY),
    chromium: findExecutable('chromium'),
    noBrowser: a.noBrowser,
  });
  say(`shell: ${choice.shell} — ${choice.reason}`);

  if (choice.shell === 'electron') {
    const bin = findElectronBinary(repoRoot) as string;
    const child = spawn(bin, [repoRoot], { stdio: 'inherit', env: { ...process.env, KIOSK_SITE: sitePath, KIOSK_DATA_DIR: dataDir, KIOSK_SECRETS_FILE: secretsPath } });
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    return new Promise((done) => child.on('exit', (code) => done(code ?? 0)));
  }

  const created = await createApp({ sitePath, configRoot: join(repoRoot, 'kiosk-config'), dataDir, secretsPath, shell: 'browser-host' });
  if (!created.ok) {
    process.stderr.write(`kiosk: cannot start: ${created.error.message}\n`);
    return 1;
  }
  const app = created.value;
  const host = await startBrowserHost({ core: app.core, log: app.log, rendererDir: join(repoRoot, 'dist', 'renderer'), port: a.port ?? 0, sim: app.sim });
  // tests and the benchmark read this line; keep its shape
  process.stdout.write(`KIOSK_URL=${host.url}\n`);

  let browser: ChildProcess | null = null;
  if (choice.browser === 'chromium-kiosk') {
    const asRoot = process.getuid?.() === 0;
    browser = spawn(findExecutable('chromium') as string, chromiumKioskArgs(host.url, join(dataDir, 'chromium-profile'), asRoot), { stdio: 'ignore' });
    browser.on('exit', (code) => app.log.info('start', 'chromium exited', { code }));
    // a restart from diagnostics ends this process at once (exit code 75, and `npm start`
    // starts it again with a browser of its own): the old window must not stay on a dead page
    process.on('exit', () => browser?.kill('SIGTERM'));
  } else {
    say(`open ${host.url}`);
  }

  process.on('SIGHUP', () => {
    void app.config.reload().then((r) => say(r.ok ? 'config reloaded' : `config reload refused, the running config stays: ${r.error.message}`));
  });

  return new Promise<number>((done) => {
    let stopping = false;
    const stop = async (sig: string) => {
      if (stopping) return;
      stopping = true;
      say(`${sig}: shutting down`);
      browser?.kill('SIGTERM');
      await host.close();
      await app.close();
      done(0);
    };
    process.on('SIGINT', () => void stop('SIGINT')).on('SIGTERM', () => void stop('SIGTERM'));
  });
};

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`kiosk: failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
