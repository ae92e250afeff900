import { bridgeGlobalName, type KioskBridge } from '../../common/kiosk-api/client.js';
import { kioskError } from '../../common/errors.js';
import { err } from '../../common/result.js';
import type { ConnectionAwareTransport } from './connection.js';

declare global {
  interface Window {
    kiosk?: KioskBridge;
  }
}

export const electronBridge = (w: Window): KioskBridge | undefined => w[bridgeGlobalName];

/** Wraps the preload's `window.kiosk`. IPC to the main process does not drop, so it is always connected. */
export const createElectronTransport = (bridge: KioskBridge): ConnectionAwareTransport => ({
  // a rejected IPC promise still reaches the caller as a value, never as a throw
  call: (method, args) =>
    bridge.call(method, args).catch((e: unknown) => err(kioskError('TransportClosed', e instanceof Error ? e.message : 'bridge call failed'))),
  onEvent: (listener) => bridge.onEvent(listener),
  onConnection: (listener) => {
    listener(true);
    return () => undefined;
  },
  close: () => undefined,
});
