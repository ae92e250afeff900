import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../main/electron/ipc-sender.js';
import { isNavigationAllowed, isResourceRequestAllowed, urlForLog, windowOpenDecision } from '../../../main/electron/navigation.js';

describe('isNavigationAllowed', () => {
  it.each(['app://kiosk/', 'app://kiosk/index.html', 'app://kiosk/index.html#/procedure/1', 'app://kiosk/__shell/fallback.html'])('allows %s', (url) => {
    expect(isNavigationAllowed(url)).toBe(true);
  });

  it.each([
    'app://kiosk.evil/',
    'app://kiosk@evil/',
    'app://evil/',
    'app://kiosk:1234/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://dichvucong.gov.vn/',
    'http://127.0.0.1:8080/',
    'about:blank',
    'chrome://gpu',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isNavigationAllowed(url)).toBe(false);
  });
});

describe('windowOpenDecision', () => {
  it('always denies', () => expect(windowOpenDecision()).toEqual({ action: 'deny' }));
});

describe('isResourceRequestAllowed', () => {
  it('lets our files, data: and blobs of our origin through', () => {
    for (const url of ['app://kiosk/assets/a.js', 'data:image/png;base64,AAAA', 'blob:app://kiosk/6f1c', 'devtools://devtools/bundled/x.html']) expect(isResourceRequestAllowed(url), url).toBe(true);
  });
  it('blocks the network, files and foreign blobs', () => {
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1/', 'ws://127.0.0.1/api', 'file:///etc/passwd', 'blob:https://evil/1', 'app://kiosk.evil/a.js']) {
      expect(isResourceRequestAllowed(url), url).toBe(false);
    }
  });
});

describe('urlForLog', () => {
  it('keeps scheme and host only, so no query reaches the log', () => {
    expect(urlForLog('https://evil.example/steal?cccd=001099012345')).toBe('https://evil.example');
    expect(urlForLog('javascript:alert(1)')).toBe('javascript:');
    expect(urlForLog('::')).toBe('(unparseable url)');
  });
});

describe('isTrustedSender', () => {
  const page = { fromKioskWindow: true, frameUrl: 'app://kiosk/index.html', isMainFrame: true };
  it('trusts the kiosk window top frame on our origin', () => expect(isTrustedSender(page)).toBe(true));
  it('refuses another window, a subframe, a gone frame or another origin', () => {
    expect(isTrustedSender({ ...page, fromKioskWindow: false })).toBe(false);
    expect(isTrustedSender({ ...page, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...page, frameUrl: null })).toBe(false);
    expect(isTrustedSender({ ...page, frameUrl: 'app://kiosk.evil/index.html' })).toBe(false);
    expect(isTrustedSender({ ...page, frameUrl: 'https://evil/' })).toBe(false);
  });
});
