import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// js-yaml ships with electron-builder and has no type declarations of its own.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const root = join(import.meta.dirname, '..', '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

interface TargetList {
  target?: (string | { target: string })[];
}
interface BuilderConfig {
  appId?: string;
  productName?: string;
  directories?: { output?: string };
  files?: string[];
  extraResources?: { from: string; to: string }[];
  asar?: boolean;
  asarUnpack?: string[];
  npmRebuild?: boolean;
  nodeGypRebuild?: boolean;
  electronFuses?: Record<string, boolean>;
  linux?: TargetList & { category?: string; maintainer?: string };
  deb?: { depends?: string[] };
  win?: TargetList;
  nsis?: { oneClick?: boolean; perMachine?: boolean; deleteAppDataOnUninstall?: boolean };
}

const config = yaml.load(read('electron-builder.yml')) as BuilderConfig;
const targetNames = (t: TargetList | undefined): string[] => (t?.target ?? []).map((x) => (typeof x === 'string' ? x : x.target));

describe('electron-builder.yml', () => {
  it("matches electron-builder's own configuration schema", { timeout: 30_000 }, () => {
    const schema = JSON.parse(read('node_modules/app-builder-lib/scheme.json')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 1)).toBe(true);
    // a misspelt fuse is caught, so the assertion above can fail
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNodee: false } })).toBe(false);
  });

  it('packs the app into an asar and unpacks the native addons', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node', 'node_modules/sqlite3/**/*.node', 'node_modules/@serialport/**/*.node', 'node_modules/usb/**/*.node', 'node_modules/@node-usb/**/*.node']));
  });

  it('flips every fuse to its locked-down value', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage and deb for Linux, a per-machine NSIS installer for Windows', () => {
    expect(targetNames(config.linux).sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBeTruthy();
    expect(config.linux?.maintainer).toBeTruthy();
    expect(config.deb?.depends).toEqual(expect.arrayContaining(['libnss3', 'sane-utils']));
    expect(targetNames(config.win)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, deleteAppDataOnUninstall: false });
  });

  it('ships the built app, not its sources, with kiosk-config beside it', () => {
    const pkg = JSON.parse(read('package.json')) as { main: string };
    expect(config.directories?.output).toBe('release');
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json']));
    expect(pkg.main.startsWith('dist/')).toBe(true);
    const excluded = (config.files ?? []).filter((f) => f.startsWith('!')).join(' ');
    for (const dir of ['main', 'common', 'tests', 'bench', 'renderer', 'scripts']) expect(excluded).toContain(dir);
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'kiosk-config', to: 'kiosk-config' }));
  });

  it('does not rebuild the Node-API addons against Electron headers', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
  });
});
