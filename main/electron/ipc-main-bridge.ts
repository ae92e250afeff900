import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { kioskError } from '../../common/errors.js';
import { kioskMethods } from '../../common/kiosk-api/methods.js';
import { err } from '../../common/result.js';
import type { KioskCore } from '../core/kiosk-core.js';
import type { Logger } from '../log/logger.js';
import { isAppUrl } from './app-protocol.js';
import { kioskEventChannel } from './bridge.js';
import { isTrustedSender } from './ipc-sender.js';

const frameOf = (event: IpcMainInvokeEvent): { frameUrl: string | null; isMainFrame: boolean } => {
  try {
    const frame = event.senderFrame;
    return frame ? { frameUrl: frame.url, isMainFrame: frame.parent === null } : { frameUrl: null, isMainFrame: false };
  } catch {
    // a frame disposed while its call was in flight answers nothing, and is not trusted
    return { frameUrl: null, isMainFrame: false };
  }
};

/**
 * One ipcMain handler per KioskApi method, named after it. The sender is checked before the
 * core sees anything; the core validates the arguments and never throws.
 */
export const registerKioskIpc = (
  ipcMain: IpcMain,
  getCore: () => KioskCore | null,
  isKioskContents: (contents: WebContents) => boolean,
  log: Logger,
): (() => void) => {
  for (const method of kioskMethods) {
    ipcMain.handle(method, async (event, args: unknown) => {
      const trusted = isTrustedSender({ fromKioskWindow: isKioskContents(event.sender), ...frameOf(event) });
      if (!trusted) {
        log.warn('electron', 'KioskApi call from an untrusted frame refused', { method });
        return err(kioskError('NotAvailable', 'the KioskApi answers the kiosk page only'));
      }
      const core = getCore();
      if (!core) return err(kioskError('NotAvailable', 'the kiosk core is not running'));
      return core.dispatch(method, args);
    });
  }
  return () => {
    for (const method of kioskMethods) ipcMain.removeHandler(method);
  };
};

/** Core events go to the kiosk page only while it shows app://kiosk/. */
export const forwardCoreEvents = (core: KioskCore, getContents: () => WebContents | null): (() => void) =>
  core.onEvent((event) => {
    const contents = getContents();
    if (contents && !contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(kioskEventChannel, event);
  });
