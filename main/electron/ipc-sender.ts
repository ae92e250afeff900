import { isAppUrl } from './app-protocol.js';

export interface SenderFacts {
  /** the message came from the kiosk window's webContents */
  fromKioskWindow: boolean;
  /** event.senderFrame?.url; null when the frame is already gone */
  frameUrl: string | null;
  isMainFrame: boolean;
}

/** Only the kiosk window's top frame, on app://kiosk/, may call the KioskApi. */
export const isTrustedSender = (f: SenderFacts): boolean => f.fromKioskWindow && f.isMainFrame && f.frameUrl !== null && isAppUrl(f.frameUrl);
