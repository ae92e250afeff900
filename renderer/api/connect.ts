import { createKioskClient, type KioskClient } from '../../common/kiosk-api/client.js';
import type { ConnectionAwareTransport } from './connection.js';
import { createElectronTransport, electronBridge } from './electron-transport.js';
import { apiSocketUrl, createWsTransport } from './ws-transport.js';

export interface KioskConnection {
  client: KioskClient;
  transport: ConnectionAwareTransport;
  shell: 'electron' | 'browser-host';
}

/** Electron's preload bridge when the page runs in the kiosk window, else the browser host's socket. */
export const connectToCore = (w: Window = window): KioskConnection => {
  const bridge = electronBridge(w);
  const transport = bridge ? createElectronTransport(bridge) : createWsTransport({ url: apiSocketUrl(w.location) });
  return { client: createKioskClient(transport), transport, shell: bridge ? 'electron' : 'browser-host' };
};
