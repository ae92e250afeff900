// Runs sandboxed before the page: exposes window.kiosk and nothing else. It imports only the
// method list from common/, so the bundle stays free of the validation library.
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobalName } from '../../common/kiosk-api/client.js';
import { buildBridge } from './bridge.js';

contextBridge.exposeInMainWorld(bridgeGlobalName, buildBridge(ipcRenderer));
