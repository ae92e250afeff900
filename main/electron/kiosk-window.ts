import { BrowserWindow, type Display, type WebContents } from 'electron';
import type { Logger } from '../log/logger.js';
import { appEntryUrl, fallbackUrl } from './app-protocol.js';
import { createReloadPolicy, describeGone, type ReloadPolicy } from './crash-recovery.js';
import { buildWindowOptions } from './window-options.js';

export interface KioskWindowOptions {
  preloadPath: string;
  display?: Display;
  devTools: boolean;
  /** app://kiosk/index.html, or the fallback page when the core could not start */
  startUrl: string;
  log: Logger;
  isQuitting: () => boolean;
  /** sets the technician detail the fallback page shows */
  setFallbackDetail: (detail: string) => void;
  policy?: ReloadPolicy;
}

export interface KioskWindow {
  readonly contents: WebContents;
  focus(): void;
  dispose(): void;
}

// a window that has not painted by then is shown anyway, so a stuck load is at least visible
const showAnywayAfterMs = 10_000;
// a renderer frozen this long is crashed on purpose, so the reload policy takes over
const unresponsiveCrashAfterMs = 15_000;
// ERR_ABORTED: a load replaced by another one, not a failure
const errAborted = -3;

export const openKioskWindow = (o: KioskWindowOptions): KioskWindow => {
  const win = new BrowserWindow(buildWindowOptions({ preloadPath: o.preloadPath, devTools: o.devTools, ...(o.display ? { display: o.display } : {}) }));
  const contents = win.webContents;
  const policy = o.policy ?? createReloadPolicy();
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void): void => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const clearTimers = (): void => {
    for (const t of timers) clearTimeout(t);
    timers.clear();
  };
  const load = (url: string): void => {
    if (win.isDestroyed()) return;
    win.loadURL(url).catch((e: unknown) => o.log.warn('electron', 'load failed', { url, error: e instanceof Error ? e.message : String(e) }));
  };

  /** The page is gone or never came: reload with backoff, or rest on the fallback page. */
  const recover = (why: string): void => {
    if (o.isQuitting()) return;
    clearTimers();
    const decision = policy.onCrash();
    if (decision.action === 'reload') {
      o.log.warn('electron', 'reloading the kiosk page', { why, attempt: decision.attempt, delayMs: decision.delayMs });
      later(decision.delayMs, () => load(appEntryUrl));
      return;
    }
    o.log.error('electron', 'kiosk page keeps failing: showing the fallback page', { why, attempt: decision.attempt, retryAfterMs: decision.retryAfterMs });
    o.setFallbackDetail(`${why}; ${decision.attempt} failures in a row; next try in ${Math.round(decision.retryAfterMs / 1000)} s`);
    load(fallbackUrl);
    later(decision.retryAfterMs, () => load(appEntryUrl));
  };

  win.once('ready-to-show', () => win.show());
  const showAnyway = setTimeout(() => {
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  }, showAnywayAfterMs);
  // closing (Alt+F4, the WM, a stray call) is refused unless the app itself is quitting
  win.on('close', (event) => {
    if (o.isQuitting()) return;
    event.preventDefault();
    o.log.warn('electron', 'window close refused: the kiosk quits only through app.quit');
  });

  contents.on('render-process-gone', (_event, details) => {
    const d = describeGone(details);
    o.log[d.level]('electron', d.message, d.fields);
    recover(d.message);
  });
  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (!isMainFrame || errorCode === errAborted || validatedURL === fallbackUrl) return;
    recover(`could not load the kiosk page: ${errorDescription} (${errorCode})`);
  });

  let frozen: NodeJS.Timeout | undefined;
  win.on('unresponsive', () => {
    o.log.warn('electron', 'kiosk page unresponsive');
    clearTimeout(frozen);
    frozen = setTimeout(() => {
      o.log.error('electron', 'kiosk page still unresponsive: crashing its renderer to recover', { afterMs: unresponsiveCrashAfterMs });
      if (!contents.isDestroyed()) contents.forcefullyCrashRenderer();
    }, unresponsiveCrashAfterMs);
  });
  win.on('responsive', () => clearTimeout(frozen));

  if (o.devTools) contents.openDevTools({ mode: 'detach' });
  load(o.startUrl);

  return {
    contents,
    focus: () => {
      if (win.isDestroyed()) return;
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    },
    dispose: () => {
      clearTimers();
      clearTimeout(frozen);
      clearTimeout(showAnyway);
    },
  };
};
