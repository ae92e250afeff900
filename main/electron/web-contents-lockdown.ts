import type { WebContents } from 'electron';
import type { Logger } from '../log/logger.js';
import { shouldBlockInput } from './input-guard.js';
import { isNavigationAllowed, urlForLog, windowOpenDecision } from './navigation.js';

export interface LockdownOptions {
  allowDevTools: boolean;
}

/** Applied to every webContents the app creates (web-contents-created), not only the kiosk window. */
export const lockDownWebContents = (contents: WebContents, log: Logger, { allowDevTools }: LockdownOptions): void => {
  const refuse = (what: string) => (event: { url: string; preventDefault(): void }) => {
    if (isNavigationAllowed(event.url)) return;
    event.preventDefault();
    log.warn('electron', `${what} refused`, { url: urlForLog(event.url) });
  };
  contents.on('will-navigate', refuse('navigation'));
  contents.on('will-frame-navigate', refuse('frame navigation'));
  contents.on('will-redirect', refuse('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('electron', 'webview refused');
  });
  contents.setWindowOpenHandler((details) => {
    log.warn('electron', 'window.open refused', { url: urlForLog(details.url) });
    return windowOpenDecision();
  });

  contents.on('before-input-event', (event, input) => {
    if (shouldBlockInput(input)) event.preventDefault();
  });
  // pinch and Ctrl+wheel zoom: the layout is made for one size of touchscreen
  contents.on('did-finish-load', () => {
    contents.setVisualZoomLevelLimits(1, 1).catch(() => {});
  });
  contents.on('zoom-changed', () => contents.setZoomLevel(0));
  if (!allowDevTools) contents.on('devtools-opened', () => contents.closeDevTools());
};
