// The Electron main process: one locked-down kiosk window over the same core the browser host
// runs. Everything with a rule in it lives in a pure file beside this one and is tested there.
import { app, ipcMain, Menu, powerSaveBlocker, protocol, safeStorage, screen, session } from 'electron';
import { join } from 'node:path';
import { createApp } from '../app.js';
import { RESTART_DELAY_MS } from '../diagnostics/shell-control.js';
import type { KioskCore } from '../core/kiosk-core.js';
import { createLogger, type Logger } from '../log/logger.js';
import { safeStorageKeyProvider } from '../outbox/key-provider.js';
import { appEntryUrl, appScheme, appSchemePrivileges, fallbackUrl } from './app-protocol.js';
import { applyKioskSwitches } from './command-line.js';
import { describeGone } from './crash-recovery.js';
import { buildFallbackPage } from './fallback-page.js';
import { forwardCoreEvents, registerKioskIpc } from './ipc-main-bridge.js';
import { openKioskWindow, type KioskWindow } from './kiosk-window.js';
import { serveAppProtocol } from './serve-app-protocol.js';
import { hardenSession } from './session-policy.js';
import { resolveShellSettings } from './shell-settings.js';
import { lockDownWebContents } from './web-contents-lockdown.js';

// how long the core gets to finish writing before the process goes anyway
const closeTimeoutMs = 5_000;

const settings = resolveShellSettings({
  env: process.env,
  isPackaged: app.isPackaged,
  appPath: app.getAppPath(),
  resourcesPath: process.resourcesPath,
  userDataPath: app.getPath('userData'),
});

const openLog = (): Logger => {
  try {
    return createLogger({ file: join(settings.dataDir, 'logs', 'kiosk.jsonl') });
  } catch {
    // an unwritable data dir must not keep the kiosk dark; the core will report it too
    return createLogger();
  }
};
const log = openLog();

// Before ready: these cannot be changed once Chromium has started.
applyKioskSwitches(app.commandLine);
protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: appSchemePrivileges }]);
app.enableSandbox();

let quitting = false;
let core: KioskCore | null = null;
let closeCore: (() => Promise<void>) | null = null;
let kioskWindow: KioskWindow | null = null;
const fallback: { detail?: string } = {};

const start = async (): Promise<void> => {
  app.on('second-instance', () => kioskWindow?.focus());
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, log, { allowDevTools: settings.devTools }));
  app.on('child-process-gone', (_event, details) => {
    const d = describeGone(details);
    log[d.level]('electron', d.message, d.fields);
  });
  app.on('window-all-closed', () => app.quit());
  registerKioskIpc(ipcMain, () => core, (contents) => contents === kioskWindow?.contents, log);

  await app.whenReady();
  Menu.setApplicationMenu(null); // drops the default accelerators: reload, DevTools, zoom, quit
  hardenSession(session.defaultSession, log);
  serveAppProtocol(protocol, settings.rendererDir, () => buildFallbackPage(fallback), log);
  const blocker = powerSaveBlocker.start('prevent-display-sleep');
  app.once('will-quit', () => powerSaveBlocker.stop(blocker));

  let startUrl = appEntryUrl;
  try {
    const created = await createApp(
      { sitePath: settings.sitePath, configRoot: settings.configRoot, dataDir: settings.dataDir, shell: 'electron' },
      // the outbox key is wrapped by the OS keyring here, not left in a plain key file
      {
        log,
        keyProvider: safeStorageKeyProvider(safeStorage, join(settings.dataDir, 'outbox.key.wrapped')),
        // diagnostics' restart relaunches the app itself; exit kiosk mode quits to the desktop
        shellControl: {
          restart: () => {
            setTimeout(() => {
              app.relaunch();
              app.exit(0);
            }, RESTART_DELAY_MS);
          },
          exitKiosk: () => {
            quitting = true;
            app.quit();
          },
        },
      },
    );
    if (created.ok) {
      core = created.value.core;
      closeCore = created.value.close;
      forwardCoreEvents(core, () => kioskWindow?.contents ?? null);
    } else {
      const issues = (created.error.issues ?? []).map((i) => `${i.path}: ${i.rule}`).join('; ');
      fallback.detail = `${created.error.kind}: ${created.error.message}${issues ? ` (${issues})` : ''}`;
      log.error('electron', 'the core did not start: showing the fallback page', { kind: created.error.kind, message: created.error.message });
      startUrl = fallbackUrl;
    }
  } catch (e) {
    fallback.detail = `the core failed to start: ${e instanceof Error ? e.message : String(e)}`;
    log.error('electron', 'the core threw while starting', { error: e instanceof Error ? e.message : String(e) });
    startUrl = fallbackUrl;
  }

  kioskWindow = openKioskWindow({
    preloadPath: settings.preloadPath,
    display: screen.getPrimaryDisplay(),
    devTools: settings.devTools,
    startUrl,
    log,
    isQuitting: () => quitting,
    setFallbackDetail: (detail) => {
      fallback.detail = detail;
    },
  });
  log.info('electron', 'kiosk window open', { startUrl, sitePath: settings.sitePath, devTools: settings.devTools });
};

// The core gets a bounded chance to close its stores; the second before-quit passes through.
let coreClosed = false;
app.on('before-quit', (event) => {
  quitting = true;
  kioskWindow?.dispose();
  if (coreClosed || !closeCore) return;
  event.preventDefault();
  const closing = closeCore().catch((e: unknown) => log.error('electron', 'core close failed', { error: e instanceof Error ? e.message : String(e) }));
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, closeTimeoutMs).unref());
  void Promise.race([closing, timeout]).finally(() => {
    coreClosed = true;
    app.quit();
  });
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => app.quit());

if (!app.requestSingleInstanceLock()) {
  // a second launch (a double tap on a launcher, a watchdog) hands over to the running kiosk
  log.info('electron', 'another kiosk instance is running: quitting');
  app.quit();
} else {
  start().catch((e: unknown) => {
    log.error('electron', 'shell failed to start', { error: e instanceof Error ? e.message : String(e) });
    app.exit(1);
  });
}
