import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserHost } from '../../main/browser-host/server.js';
import { rawRequest } from './city-sim-http.js';

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
