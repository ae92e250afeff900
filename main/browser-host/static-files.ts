import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { buildCsp } from '../../common/security/renderer-csp.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wav': 'audio/wav',
  '.ico': 'image/x-icon',
};

/** The same strict policy the Electron shell sends: our scripts, styles and fonts only. */
export const rendererCsp = buildCsp();

/** Maps a request path into `root`, or null when it would leave it. */
export const resolveStaticPath = (root: string, pathname: string): string | null => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = normalize(join(root, rel));
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null;
};

export const serveStatic = async (root: string, pathname: string, res: ServerResponse): Promise<void> => {
  const file = resolveStaticPath(root, pathname);
  const headers = {
    'Content-Security-Policy': rendererCsp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (!file) {
    res.writeHead(404, headers).end();
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    const body = await readFile(file);
    const type = contentTypes[extname(file)] ?? 'application/octet-stream';
    // hashed assets never change; index.html must be fresh on each launch
    const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-store';
    res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': cache }).end(body);
  } catch {
    res.writeHead(404, headers).end();
  }
};
