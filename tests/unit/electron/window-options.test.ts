import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from '../../../main/electron/window-options.js';

describe('buildWindowOptions', () => {
  const options = buildWindowOptions({ preloadPath: '/opt/kiosk/dist/electron/preload.cjs' });
  const prefs = options.webPreferences ?? {};

  it('makes one fullscreen, frameless kiosk window that appears only when painted', () => {
    expect(options).toMatchObject({ fullscreen: true, kiosk: true, frame: false, autoHideMenuBar: true, show: false });
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('turns every renderer privilege off', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: false,
      backgroundThrottling: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableDialogs: true,
      enableWebSQL: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.preload).toBe('/opt/kiosk/dist/electron/preload.cjs');
  });

  it('sets no option that would widen the renderer', () => {
    for (const key of ['additionalArguments', 'partition', 'session', 'plugins', 'offscreen'] as const) expect(prefs[key]).toBeUndefined();
  });

  it('opens DevTools only when asked explicitly', () => {
    expect(buildWindowOptions({ preloadPath: 'p', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('covers the chosen display', () => {
    const o = buildWindowOptions({ preloadPath: 'p', display: { bounds: { x: 1920, y: 0, width: 1080, height: 1920 } } });
    expect(o).toMatchObject({ x: 1920, y: 0, width: 1080, height: 1920 });
  });
});
