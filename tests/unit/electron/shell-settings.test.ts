import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKioskSwitches, kioskSwitches } from '../../../main/electron/command-line.js';
import { buildFallbackPage } from '../../../main/electron/fallback-page.js';
import { resolveShellSettings } from '../../../main/electron/shell-settings.js';

const packaged = { env: {}, isPackaged: true, appPath: '/opt/Kiosk/resources/app.asar', resourcesPath: '/opt/Kiosk/resources', userDataPath: '/home/kiosk/.config/kiosk-dvc' };

describe('resolveShellSettings', () => {
  it('reads the embedded site from resources and keeps data in userData when packaged', () => {
    expect(resolveShellSettings(packaged)).toEqual({
      sitePath: join('/opt/Kiosk/resources', 'kiosk-config', 'sites', 'embedded.json'),
      configRoot: join('/opt/Kiosk/resources', 'kiosk-config'),
      dataDir: '/home/kiosk/.config/kiosk-dvc',
      rendererDir: join('/opt/Kiosk/resources/app.asar', 'dist', 'renderer'),
      preloadPath: join('/opt/Kiosk/resources/app.asar', 'dist', 'electron', 'preload.cjs'),
      devTools: false,
    });
  });

  it('takes KIOSK_SITE and KIOSK_DATA_DIR from the environment', () => {
    const s = resolveShellSettings({ ...packaged, env: { KIOSK_SITE: '/etc/kiosk/site.json', KIOSK_DATA_DIR: '/var/lib/kiosk' } });
    expect(s.sitePath).toBe('/etc/kiosk/site.json');
    expect(s.dataDir).toBe('/var/lib/kiosk');
    expect(resolveShellSettings({ ...packaged, env: { KIOSK_SITE: ' ' } }).sitePath).toContain('embedded.json');
  });

  it('uses the repo in development and allows DevTools there only', () => {
    const dev = resolveShellSettings({ ...packaged, isPackaged: false, appPath: '/src/kiosk', env: { KIOSK_DEVTOOLS: '1' } });
    expect(dev.sitePath).toBe(join('/src/kiosk', 'kiosk-config', 'sites', 'embedded.json'));
    expect(dev.devTools).toBe(true);
    expect(resolveShellSettings({ ...packaged, env: { KIOSK_DEVTOOLS: '1' } }).devTools).toBe(false);
  });
});

describe('kiosk command-line switches', () => {
  it('turn off pinch zoom and swipe history navigation', () => {
    const seen: [string, string | undefined][] = [];
    applyKioskSwitches({ appendSwitch: (name, value) => seen.push([name, value]) });
    expect(seen).toContainEqual(['disable-pinch', undefined]);
    expect(seen).toContainEqual(['overscroll-history-navigation', '0']);
    expect(seen.find(([n]) => n === 'disable-features')?.[1]).toContain('HardwareMediaKeyHandling');
    expect(seen).toHaveLength(kioskSwitches.length);
  });
});

describe('buildFallbackPage', () => {
  it('speaks Vietnamese first and carries no script or inline style', () => {
    const html = buildFallbackPage();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Kiosk tạm ngừng phục vụ');
    expect(html).not.toMatch(/<script|<style|style=|on\w+=/i);
  });
  it('escapes the technician detail', () => {
    const html = buildFallbackPage({ detail: 'site.json: <script>alert("x")</script> & more' });
    expect(html).toContain('site.json: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(html).not.toContain('<script>');
  });
});
