import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

export interface WindowOptionsInput {
  /** absolute path of the bundled preload (dist/electron/preload.cjs) */
  preloadPath: string;
  /** the screen the kiosk fills; the primary display when absent */
  display?: { bounds: Rectangle };
  /** only an unpackaged build started with KIOSK_DEVTOOLS=1 sets this */
  devTools?: boolean;
}

/** Painted before the first frame, so a reload never flashes another colour at the resident. */
export const kioskBackgroundColor = '#ffffff';

/** The one kiosk window: fullscreen and frameless, with every renderer privilege off. */
export const buildWindowOptions = ({ preloadPath, display, devTools = false }: WindowOptionsInput): BrowserWindowConstructorOptions => ({
  ...(display ? { x: display.bounds.x, y: display.bounds.y, width: display.bounds.width, height: display.bounds.height } : {}),
  fullscreen: true,
  kiosk: true,
  frame: false,
  autoHideMenuBar: true,
  backgroundColor: kioskBackgroundColor,
  // shown on ready-to-show: no white frame or half-drawn page at startup
  show: false,
  // resizable and maximizable stay default: on Linux a fixed-size hint can stop the WM from
  // making the window fullscreen
  movable: false,
  minimizable: false,
  skipTaskbar: true,
  title: 'Kiosk dịch vụ công',
  webPreferences: {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: undefined,
    // middle and right clicks must not open links anywhere (window.open is denied as well)
    disableBlinkFeatures: 'Auxclick',
    enableWebSQL: false,
    spellcheck: false,
    devTools,
    // the attract loop and timers must keep running when nothing is touched
    backgroundThrottling: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // alert/confirm/prompt would put a native dialog in front of a resident that only a
    // keyboard can dismiss; the React UI words every message, so the page gets none
    disableDialogs: true,
    // guidance audio and attract video start without a tap
    autoplayPolicy: 'no-user-gesture-required',
  },
});
