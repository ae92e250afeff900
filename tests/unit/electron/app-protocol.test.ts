import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appResponseHeaders, appSchemePrivileges, contentTypeFor, isAppUrl, resolveAppUrl } from '../../../main/electron/app-protocol.js';
import { buildCsp } from '../../../main/electron/csp.js';

const root = '/opt/kiosk/dist/renderer';

describe('resolveAppUrl', () => {
  it('maps our URLs into the renderer folder', () => {
    expect(resolveAppUrl(root, 'app://kiosk/')).toBe(join(root, 'index.html'));
    expect(resolveAppUrl(root, 'app://kiosk')).toBe(join(root, 'index.html'));
    expect(resolveAppUrl(root, 'app://kiosk/index.html?x=1#top')).toBe(join(root, 'index.html'));
    expect(resolveAppUrl(root, 'app://kiosk/assets/index-abc123.js')).toBe(join(root, 'assets', 'index-abc123.js'));
    expect(resolveAppUrl(root, 'app://kiosk/assets/ch%E1%BB%AF.png')).toBe(join(root, 'assets', 'chữ.png'));
  });

  it.each([
    'app://kiosk/../../etc/passwd',
    'app://kiosk/assets/../../../etc/passwd',
    'app://kiosk/%2e%2e/%2e%2e/etc/passwd',
    'app://kiosk/%2E%2E/etc/passwd',
    'app://kiosk/.%2e/etc/passwd',
    'app://kiosk/..%2f..%2fetc/passwd',
    'app://kiosk/..%5c..%5cwindows/win.ini',
    'app://kiosk/..\\..\\etc/passwd',
    'app://kiosk/%2fetc/passwd',
    'app://kiosk/C:%5cWindows/win.ini',
    'app://kiosk/index.html%00.png',
    'app://kiosk/%E0%A4%A',
    'app://kiosk/.env',
  ])('refuses a path that could leave the folder or is malformed: %s', (url) => {
    expect(resolveAppUrl(root, url)).toBeNull();
  });

  it.each(['app://kiosk.evil/index.html', 'app://kiosk@evil/index.html', 'app://evil/index.html', 'app://kiosk:8080/index.html', 'file:///opt/kiosk/dist/renderer/index.html', 'https://kiosk/index.html'])(
    'refuses another origin: %s',
    (url) => expect(resolveAppUrl(root, url)).toBeNull(),
  );
});

describe('isAppUrl', () => {
  it('accepts our origin only', () => {
    expect(isAppUrl('app://kiosk/index.html')).toBe(true);
    expect(isAppUrl('app://kiosk')).toBe(true);
    for (const url of ['app://kiosk.evil/', 'app://kiosk@evil/', 'app://user@kiosk/', 'app://kioskx/', 'app:kiosk/', 'app:///kiosk/', 'APP://kiosk/', 'javascript:alert(1)', '', 42]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });
});

describe('the app scheme', () => {
  it('is a standard, secure scheme that never bypasses the CSP', () => {
    expect(appSchemePrivileges).toMatchObject({ standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false });
  });

  it('sends the CSP and nosniff with every response', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(buildCsp());
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(appResponseHeaders()['Content-Security-Policy']).toBe(buildCsp());
  });

  it('types files by extension, unknown ones as bytes', () => {
    expect(contentTypeFor('/r/index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('/r/a.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('/r/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/r/blob')).toBe('application/octet-stream');
  });
});
