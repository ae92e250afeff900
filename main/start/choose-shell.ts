export interface ShellFacts {
  /** --shell=… from the command line */
  forced?: 'electron' | 'browser-host';
  /** path of Electron's binary when it is installed, else null */
  electronBinary: string | null;
  /** an X11 or Wayland display is available */
  display: boolean;
  /** Debian's Chromium, when installed */
  chromium: string | null;
  /** --no-browser / --headless */
  noBrowser: boolean;
}

export type ShellChoice =
  | { shell: 'electron'; reason: string }
  | { shell: 'browser-host'; browser: 'chromium-kiosk' | 'none'; reason: string };

/** `npm start`'s rule, in one place so it can be tested and explained to the technician. */
export const chooseShell = (f: ShellFacts): ShellChoice => {
  if (f.forced === 'electron') {
    return f.electronBinary
      ? { shell: 'electron', reason: '--shell=electron was given' }
      : { shell: 'browser-host', browser: 'none', reason: "--shell=electron was given but Electron's binary is not installed; serving the browser host instead" };
  }
  if (f.forced !== 'browser-host' && f.electronBinary && f.display && !f.noBrowser) {
    return { shell: 'electron', reason: `Electron's binary is installed (${f.electronBinary}) and a display is available` };
  }
  const why = f.forced === 'browser-host' ? '--shell=browser-host was given' : f.electronBinary ? 'no display for Electron' : "Electron's binary is not installed (it cannot be downloaded here)";
  if (f.noBrowser) return { shell: 'browser-host', browser: 'none', reason: `${why}; --no-browser: open the URL yourself` };
  if (f.display && f.chromium) return { shell: 'browser-host', browser: 'chromium-kiosk', reason: `${why}; showing it in ${f.chromium} in kiosk mode` };
  if (!f.display) return { shell: 'browser-host', browser: 'none', reason: `${why}; no display (DISPLAY/WAYLAND_DISPLAY unset): open the URL in a browser` };
  return { shell: 'browser-host', browser: 'none', reason: `${why}; Chromium is not installed (apt-get install chromium): open the URL in a browser` };
};

export const chromiumKioskArgs = (url: string, profileDir: string, asRoot: boolean): string[] => [
  '--kiosk',
  `--app=${url}`,
  `--user-data-dir=${profileDir}`,
  '--no-first-run',
  '--noerrdialogs',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-translate',
  '--disable-pinch',
  '--overscroll-history-navigation=0',
  '--autoplay-policy=no-user-gesture-required',
  // Chromium refuses to run its sandbox as root; a production kiosk runs as a plain user
  ...(asRoot ? ['--no-sandbox'] : []),
];
