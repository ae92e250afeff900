import { isAppUrl } from './app-protocol.js';

/** The page may only move within app://kiosk/; anything else (http, file, javascript:, another host) is refused. */
export const isNavigationAllowed = (url: string): boolean => isAppUrl(url);

/** window.open, target=_blank and middle clicks never open anything: a kiosk has one window. */
export const windowOpenDecision = (): { action: 'deny' } => ({ action: 'deny' });

// Subresources the page may fetch, checked again in the shell in case a CSP is ever loosened:
// our own files, data:/blob: images and media the page built itself, DevTools in development.
const allowedResourceSchemes = new Set(['data:', 'blob:', 'devtools:']);

export const isResourceRequestAllowed = (url: string): boolean => {
  if (isAppUrl(url)) return true;
  try {
    const { protocol } = new URL(url);
    if (protocol === 'blob:') return isAppUrl(url.slice('blob:'.length));
    return allowedResourceSchemes.has(protocol);
  } catch {
    return false;
  }
};

/** A refused URL as it may appear in a log: scheme and host only, since a query could carry personal data. */
export const urlForLog = (url: string): string => {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol;
  } catch {
    return '(unparseable url)';
  }
};
