import type { CustomScheme } from 'electron';
import { extname, resolve, sep } from 'node:path';
import { buildCsp } from './csp.js';

// The renderer is served from app://kiosk/ rather than file://, so it has a real origin for
// 'self' in the CSP, and the shell decides, file by file, what the page may load.
export const appScheme = 'app';
export const appHost = 'kiosk';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;
/** The static page shown when the renderer cannot run; served by the shell, never from disk. */
export const fallbackPath = '/__shell/fallback.html';
export const fallbackUrl = `${appOrigin}${fallbackPath}`;

/** standard + secure gives the scheme an origin and a secure context; it never bypasses the CSP. */
export const appSchemePrivileges: NonNullable<CustomScheme['privileges']> = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  // the attract loop's video and audio need streamed responses
  stream: true,
  codeCache: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  corsEnabled: false,
};

/** The part after `app://kiosk`, when `url` is exactly our origin followed by a path, query or fragment. */
const restAfterOrigin = (url: string): string | null => {
  if (!url.startsWith(appOrigin)) return null;
  const rest = url.slice(appOrigin.length);
  return rest === '' || rest.startsWith('/') || rest.startsWith('?') || rest.startsWith('#') ? rest : null;
};

/** True for URLs on our origin only: not `app://kiosk.evil/`, `app://kiosk@evil/`, `app://kiosk:1/`. */
export const isAppUrl = (url: unknown): boolean => {
  if (typeof url !== 'string' || restAfterOrigin(url) === null) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.hostname === appHost && parsed.port === '' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
};

/** The URL's path as it was written, before any dot-segment normalisation. */
export const rawAppPath = (url: string): string | null => {
  const rest = restAfterOrigin(url);
  if (rest === null) return null;
  const end = rest.search(/[?#]/);
  return end === -1 ? rest : rest.slice(0, end);
};

// Dot-prefixed names cover `.`, `..` and hidden files; separators and ':' would let one
// segment reach another folder, a drive or an NTFS stream once decoded.
const isSafeSegment = (segment: string): boolean =>
  segment.length > 0 && !segment.startsWith('.') && !/[/\\:\0]/.test(segment);

/**
 * Maps an app:// URL to a file under `rootDir`, or null: another host, a malformed escape, or
 * any attempt (literal or percent-encoded) to step out of the folder is refused, not normalised.
 */
export const resolveAppUrl = (rootDir: string, url: string): string | null => {
  if (!isAppUrl(url)) return null;
  const rawPath = rawAppPath(url);
  if (rawPath === null) return null;
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (!isSafeSegment(decoded)) return null;
    segments.push(decoded);
  }
  if (segments.length === 0 || rawPath.endsWith('/')) segments.push('index.html');
  const root = resolve(rootDir);
  const file = resolve(root, ...segments);
  return file.startsWith(root + sep) ? file : null;
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

// with nosniff, an unknown type is never executed as script
export const contentTypeFor = (filePath: string): string => contentTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream';

/** Headers on every app:// response, including errors: the CSP travels with the document itself. */
export const appResponseHeaders = (contentType?: string): Record<string, string> => ({
  'Content-Security-Policy': buildCsp(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
  ...(contentType ? { 'Content-Type': contentType } : {}),
});
