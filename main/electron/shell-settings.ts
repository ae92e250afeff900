import { join } from 'node:path';

export interface ShellFacts {
  env: Record<string, string | undefined>;
  isPackaged: boolean;
  /** app.getAppPath(): the repo root in development, resources/app.asar when packaged */
  appPath: string;
  /** process.resourcesPath */
  resourcesPath: string;
  /** app.getPath('userData') */
  userDataPath: string;
}

export interface ShellSettings {
  sitePath: string;
  /** kiosk-config/: site files, samples for the simulators */
  configRoot: string;
  dataDir: string;
  /** the built renderer served as app://kiosk/ */
  rendererDir: string;
  preloadPath: string;
  devTools: boolean;
}

const nonEmpty = (value: string | undefined): string | undefined => (value && value.trim() !== '' ? value : undefined);

/**
 * Where the shell finds things. Packaged, kiosk-config is an extraResource beside app.asar so
 * the city's IT staff can replace a site file without rebuilding; in development it is the repo's.
 */
export const resolveShellSettings = (f: ShellFacts): ShellSettings => {
  const configRoot = f.isPackaged ? join(f.resourcesPath, 'kiosk-config') : join(f.appPath, 'kiosk-config');
  return {
    sitePath: nonEmpty(f.env.KIOSK_SITE) ?? join(configRoot, 'sites', 'embedded.json'),
    configRoot,
    dataDir: nonEmpty(f.env.KIOSK_DATA_DIR) ?? f.userDataPath,
    rendererDir: join(f.appPath, 'dist', 'renderer'),
    preloadPath: join(f.appPath, 'dist', 'electron', 'preload.cjs'),
    // a packaged kiosk never opens DevTools, whatever its environment says
    devTools: !f.isPackaged && f.env.KIOSK_DEVTOOLS === '1',
  };
};
