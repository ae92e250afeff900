import type { KioskBridge } from '../../common/kiosk-api/client.js';
import type { KioskEvent } from '../../common/kiosk-api/events.js';
import { isKioskMethod } from '../../common/kiosk-api/methods.js';
import { kioskError } from '../../common/errors.js';
import { err } from '../../common/result.js';

/** The channel the main process pushes core events on; method names are the call channels. */
export const kioskEventChannel = 'kiosk:event';

/** The part of ipcRenderer the bridge uses, so a test can hand it a fake. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type CallResult = Awaited<ReturnType<KioskBridge['call']>>;

// The core validated the value against the contract; here only the envelope is checked.
const isResultShape = (reply: unknown): reply is CallResult =>
  typeof reply === 'object' && reply !== null && typeof (reply as { ok?: unknown }).ok === 'boolean';

/**
 * The object the preload exposes as `window.kiosk`: exactly KioskBridge. Only KioskApi
 * method names reach IPC, the page never sees Electron's IPC event, and a broken channel
 * comes back as a typed error rather than a rejected promise.
 */
export const buildBridge = (ipc: BridgeIpc): KioskBridge => ({
  async call(method: string, args: unknown): Promise<CallResult> {
    if (!isKioskMethod(method)) {
      return err(kioskError('UnknownMethod', `unknown KioskApi method ${JSON.stringify(String(method).slice(0, 80))}`));
    }
    try {
      const reply = await ipc.invoke(method, args);
      return isResultShape(reply) ? reply : err(kioskError('Internal', `${method}: the main process replied outside the Result shape`));
    } catch (e) {
      return err(kioskError('TransportClosed', `${method}: ${e instanceof Error ? e.message : String(e)}`));
    }
  },
  onEvent(listener: (event: KioskEvent) => void): () => void {
    if (typeof listener !== 'function') return () => {};
    const forward = (_ipcEvent: unknown, event: unknown): void => listener(event as KioskEvent);
    ipc.on(kioskEventChannel, forward);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(kioskEventChannel, forward);
    };
  },
});
