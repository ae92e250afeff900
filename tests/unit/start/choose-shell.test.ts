import { describe, expect, it } from 'vitest';
import { chooseShell, chromiumKioskArgs } from '../../../main/start/choose-shell.js';
import { parseStartArgs } from '../../../main/start/cli-args.js';

const base = { electronBinary: null, display: false, chromium: null, noBrowser: false };

describe('npm start picks a shell and says why', () => {
  it('Electron when its binary and a display exist', () => {
    expect(chooseShell({ ...base, electronBinary: '/x/electron', display: true })).toMatchObject({ shell: 'electron' });
  });
  it('browser host in Chromium kiosk mode when Electron is missing but a display and Chromium exist', () => {
    const c = chooseShell({ ...base, display: true, chromium: '/usr/bin/chromium' });
    expect(c).toMatchObject({ shell: 'browser-host', browser: 'chromium-kiosk' });
    expect(c.reason).toContain('not installed');
  });
  it('browser host alone without a display', () => {
    expect(chooseShell({ ...base, chromium: '/usr/bin/chromium' })).toMatchObject({ shell: 'browser-host', browser: 'none' });
    expect(chooseShell({ ...base, electronBinary: '/x/electron' })).toMatchObject({ shell: 'browser-host', browser: 'none' });
  });
  it('browser host alone when headless is asked for, even with Electron and a display', () => {
    expect(chooseShell({ ...base, electronBinary: '/x/electron', display: true, chromium: '/c', noBrowser: true })).toMatchObject({ shell: 'browser-host', browser: 'none' });
  });
  it('a forced Electron without its binary falls back and says so', () => {
    const c = chooseShell({ ...base, forced: 'electron' });
    expect(c.shell).toBe('browser-host');
    expect(c.reason).toContain('--shell=electron');
  });
  it('Chromium runs as a kiosk app, without sandbox only as root', () => {
    expect(chromiumKioskArgs('http://127.0.0.1:1/#token=t', '/p', false)).toEqual(expect.arrayContaining(['--kiosk', '--app=http://127.0.0.1:1/#token=t']));
    expect(chromiumKioskArgs('u', '/p', false)).not.toContain('--no-sandbox');
    expect(chromiumKioskArgs('u', '/p', true)).toContain('--no-sandbox');
  });
});

describe('start arguments', () => {
  it('parses both forms', () => {
    expect(parseStartArgs(['--site=a.json', '--port', '0', '--headless', '--shell=browser-host'])).toEqual({
      ok: true,
      args: { site: 'a.json', port: 0, noBrowser: true, shell: 'browser-host' },
    });
  });
  it.each([[['--prot=1']], [['--port=99999']], [['--shell=qt']]])('refuses %j', (argv) => {
    expect(parseStartArgs(argv).ok).toBe(false);
  });
});
