import type { Protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import type { Logger } from '../log/logger.js';
import { appResponseHeaders, appScheme, contentTypeFor, fallbackPath, rawAppPath, resolveAppUrl } from './app-protocol.js';

const notFound = (): Response => new Response(null, { status: 404, headers: appResponseHeaders() });

/**
 * Serves the built renderer as app://kiosk/ (after app ready). Every response, errors included,
 * carries the CSP; only GET and HEAD are answered; the fallback page comes from memory.
 */
export const serveAppProtocol = (protocol: Protocol, rendererDir: string, fallbackHtml: () => string, log: Logger): void => {
  protocol.handle(appScheme, async (request) => {
    const head = request.method === 'HEAD';
    if (request.method !== 'GET' && !head) return new Response(null, { status: 405, headers: appResponseHeaders() });
    if (rawAppPath(request.url) === fallbackPath) {
      return new Response(head ? null : fallbackHtml(), { status: 200, headers: appResponseHeaders('text/html; charset=utf-8') });
    }
    const file = resolveAppUrl(rendererDir, request.url);
    if (file === null) {
      log.warn('electron', 'app:// request refused', { path: (rawAppPath(request.url) ?? '(other origin)').slice(0, 200) });
      return notFound();
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) return notFound();
      const body = head ? null : new Uint8Array(await readFile(file));
      return new Response(body, { status: 200, headers: { ...appResponseHeaders(contentTypeFor(file)), 'Content-Length': String(info.size) } });
    } catch {
      return notFound();
    }
  });
};
