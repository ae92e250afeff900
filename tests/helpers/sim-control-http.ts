import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KioskEvent } from '../../common/kiosk-api/events.js';
import { startBrowserHost, type BrowserHost } from '../../main/browser-host/server.js';
import { silentLogger } from '../../main/log/logger.js';
import { rawRequest } from './city-sim-http.js';
import { startJourneyApp, type JourneyApp, type JourneyAppOptions } from './journey-app.js';

// Calls to a browser host's /__sim/ routes, as the end-to-end tests make them, for the unit
// tests of sim control and of the API faults behind it.

/** A renderer directory with an empty page: the host serves something, the tests never load it. */
export const emptyRendererDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'kiosk-renderer-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>kiosk</title>');
  return dir;
};

/** One request with the host's launch token (`token: null` sends none), JSON body when given. */
export const simCall = (host: BrowserHost, method: string, path: string, opts: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {}) =>
  rawRequest(`${host.origin}${path}`, {
    method,
    headers: {
      ...(opts.token === null ? {} : { Authorization: `Bearer ${opts.token ?? host.token}` }),
      ...(opts.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...opts.headers,
    },
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  });

/** A site with a real printer (on a device file) beside the simulated scanner and reader: no sim control. */
export const realPrinterSite: NonNullable<JourneyAppOptions['site']> = (s) => ({
  ...s,
  devices: { ...s.devices, printer: { kind: 'escpos', transport: { type: 'file', path: '/dev/null' } } },
});

export interface HostedJourneyApp {
  app: JourneyApp;
  host: BrowserHost;
  rendererDir: string;
  close(): Promise<void>;
}

/** A journey app behind a real browser host (with its sim control when the site has one); `events` collects the core's events. */
export const startHostedJourneyApp = async (opts: JourneyAppOptions = {}, events?: KioskEvent[]): Promise<HostedJourneyApp> => {
  const rendererDir = await emptyRendererDir();
  const app = await startJourneyApp(opts);
  if (events) app.core.onEvent((e) => events.push(e));
  try {
    const host = await startBrowserHost({ core: app.core, log: silentLogger, rendererDir, sim: app.sim });
    return {
      app,
      host,
      rendererDir,
      close: async () => {
        await host.close();
        await app.close();
      },
    };
  } catch (e) {
    await app.close();
    throw e;
  }
};
