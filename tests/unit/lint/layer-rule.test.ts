import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Lints snippets through the real eslint.config.js, so these tests also prove the config
// loads the plugin and turns `kiosk/layers` on for .ts, .tsx, .js and .mjs files.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot });
});

async function layerMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error('ESLint returned no result');
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`parse error in snippet: ${fatal[0]?.message}`);
  return result.messages.filter((m) => m.ruleId === 'kiosk/layers').map((m) => m.message);
}

const forbidden: Array<[string, string, string, RegExp]> = [
  ['renderer → main', 'renderer/screens/x.ts', "import { createApp } from '../../main/app.js';\nvoid createApp;", /^renderer\/ may not import main\/ \(main\/app\.js\); renderer may import only common\/.*see DESIGN\.md 'Layers'$/],
  ['renderer → node:fs', 'renderer/x.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;", /renderer\/ may not import Node builtin \(node:fs\)/],
  ['renderer → fs (no prefix)', 'renderer/x.tsx', "import fs from 'fs';\nvoid fs;", /renderer\/ may not import Node builtin \(fs\)/],
  ['renderer → electron', 'renderer/x.ts', "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;", /renderer\/ may not import the electron package \(electron\)/],
  ['renderer → ws', 'renderer/x.ts', "import WebSocket from 'ws';\nvoid WebSocket;", /renderer\/ may not import Node-only package \(ws\)/],
  ['renderer → dynamic import of main', 'renderer/x.ts', "export const load = () => import('../main/app.js');", /renderer\/ may not import main\/ \(main\/app\.js\)/],
  ['renderer → main via export-from', 'renderer/x.ts', "export { createApp } from '../main/app.js';", /renderer\/ may not import main\/ \(main\/app\.js\)/],
  ['renderer → main via export *', 'renderer/x.ts', "export * from '../main/app.js';", /renderer\/ may not import main\/ \(main\/app\.js\)/],
  ['renderer → mixed type and value specifiers', 'renderer/x.ts', "import { type App, createApp } from '../main/app.js';\nexport const f = (a: App) => createApp(a as never);", /renderer\/ may not import main\/ \(main\/app\.js\)/],
  ['common → hardware', 'common/domain/x.ts', "import { p } from '../../hardware/printer.js';\nvoid p;", /^common\/ may not import hardware\/ \(hardware\/printer\.js\); common may import nothing of ours/],
  ['common → main', 'common/x.ts', "import { p } from '../main/app.js';\nvoid p;", /^common\/ may not import main\/ \(main\/app\.js\)/],
  ['common → node:path', 'common/x.ts', "import { join } from 'node:path';\nvoid join;", /common\/ may not import Node builtin \(node:path\)/],
  ['common → fs/promises', 'common/x.ts', "import { readFile } from 'fs/promises';\nvoid readFile;", /common\/ may not import Node builtin \(fs\/promises\)/],
  ['common → electron', 'common/x.ts', "import { app } from 'electron';\nvoid app;", /common\/ may not import the electron package \(electron\)/],
  ['common → react', 'common/x.tsx', "import { useState } from 'react';\nvoid useState;", /common\/ may not import react \(react\)/],
  ['common → require', 'common/x.js', "const fs = require('fs');\nvoid fs;", /common\/ may not import Node builtin \(fs\)/],
  ['hardware → main', 'hardware/printer/x.ts', "import { x } from '../../main/core/kiosk-core.js';\nvoid x;", /^hardware\/ may not import main\/ \(main\/core\/kiosk-core\.js\); hardware may import only common\//],
  ['hardware → electron', 'hardware/x.ts', "import { app } from 'electron';\nvoid app;", /hardware\/ may not import the electron package/],
  ['main → main/electron', 'main/app.ts', "import { start } from './electron/main.js';\nvoid start;", /^main\/ may not import main\/electron\/ \(main\/electron\/main\.js\)/],
  ['main → renderer', 'main/core/x.ts', "import { x } from '../../renderer/app.js';\nvoid x;", /^main\/ may not import renderer\/ \(renderer\/app\.js\)/],
  ['main/browser-host → main/electron', 'main/browser-host/x.ts', "import { x } from '../electron/preload.js';\nvoid x;", /^main\/ may not import main\/electron\//],
  ['main → electron', 'main/core/x.ts', "import { app } from 'electron';\nvoid app;", /^main\/ may not import the electron package \(electron\)/],
  ['main → electron/main subpath', 'main/x.ts', "import { app } from 'electron/main';\nvoid app;", /main\/ may not import the electron package \(electron\/main\)/],
  ['main/electron → renderer', 'main/electron/x.ts', "import { x } from '../../renderer/app.js';\nvoid x;", /^main\/electron\/ may not import renderer\//],
  ['main → outside the repo', 'main/x.ts', "import { x } from '../../elsewhere/y.js';\nvoid x;", /^main\/ may not import outside the repo/],
  ['renderer → kiosk-config file', 'renderer/x.ts', "import site from '../kiosk-config/sites/embedded.json';\nvoid site;", /renderer\/ may not import kiosk-config\//],
  ['renderer → package.json', 'renderer/x.ts', "import pkg from '../package.json';\nvoid pkg;", /^renderer\/ may not import the repo root \(package\.json\)/],
  ['common → package.json', 'common/x.ts', "import pkg from '../package.json';\nvoid pkg;", /^common\/ may not import the repo root \(package\.json\)/],
  ['main → another root file', 'main/x.ts', "import cfg from '../tsconfig.json';\nvoid cfg;", /^main\/ may not import the repo root \(tsconfig\.json\)/],
  ['require of main in common', 'common/x.mjs', "export const load = () => require('../main/app.js');", /common\/ may not import main\//],
];

const allowed: Array<[string, string, string]> = [
  ['renderer → common', 'renderer/x.ts', "import { ok } from '../common/result.js';\nvoid ok;"],
  ['renderer → renderer', 'renderer/screens/x.ts', "import { App } from '../app.js';\nvoid App;"],
  ['renderer → react and xstate', 'renderer/x.tsx', "import { useState } from 'react';\nimport { createMachine } from 'xstate';\nvoid useState; void createMachine;"],
  ['renderer → import type from main', 'renderer/x.ts', "import type { App } from '../main/app.js';\nexport type A = App;"],
  ['renderer → inline all-type import from main', 'renderer/x.ts', "import { type App, type AppDeps } from '../main/app.js';\nexport type A = App | AppDeps;"],
  ['renderer → export type from main', 'renderer/x.ts', "export type { App } from '../main/app.js';"],
  ['common → common', 'common/kiosk-api/x.ts', "import { ok } from '../result.js';\nvoid ok;"],
  ['common → zod', 'common/x.ts', "import { z } from 'zod';\nvoid z;"],
  ['common → import type from node:fs', 'common/x.ts', "import type { Stats } from 'node:fs';\nexport type S = Stats;"],
  ['hardware → common and Node', 'hardware/x.ts', "import { ok } from '../common/result.js';\nimport { Socket } from 'node:net';\nvoid ok; void Socket;"],
  ['main → hardware and common', 'main/devices/x.ts', "import { p } from '../../hardware/printer.js';\nimport { ok } from '../../common/result.js';\nvoid p; void ok;"],
  ['main → package.json (name and version)', 'main/app.ts', "import pkg from '../package.json' with { type: 'json' };\nvoid pkg;"],
  ['main/browser-host → main core', 'main/browser-host/x.ts', "import { EventBus } from '../core/event-bus.js';\nvoid EventBus;"],
  ['main/electron → electron and main', 'main/electron/main.ts', "import { app } from 'electron';\nimport { createApp } from '../app.js';\nvoid app; void createApp;"],
  ['main → import type from main/electron', 'main/app.ts', "import type { Shell } from './electron/shell.js';\nexport type S = Shell;"],
  ['scripts → anything', 'scripts/x.mjs', "import { app } from 'electron';\nimport { createApp } from '../main/app.js';\nimport { x } from '../renderer/x.js';\nvoid app; void createApp; void x;"],
  ['tests → anything', 'tests/unit/x.test.ts', "import { createApp } from '../../main/app.js';\nimport { start } from '../../main/electron/main.js';\nvoid createApp; void start;"],
  ['bench → anything', 'bench/x.mjs', "import { createApp } from '../main/app.js';\nimport fs from 'node:fs';\nvoid createApp; void fs;"],
  ['dynamic import with a computed specifier is left alone', 'renderer/x.ts', "export const load = (name: string) => import(name);"],
];

describe('kiosk/layers through eslint.config.js', () => {
  it.each(forbidden)('rejects %s', async (_name, filePath, code, expected) => {
    const messages = await layerMessages(filePath, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(expected);
  });

  it.each(allowed)('allows %s', async (_name, filePath, code) => {
    expect(await layerMessages(filePath, code)).toEqual([]);
  });

  it('reports each forbidden import in a file, not just the first', async () => {
    const code = "import { a } from '../main/app.js';\nimport fs from 'node:fs';\nvoid a; void fs;";
    expect(await layerMessages('renderer/x.ts', code)).toHaveLength(2);
  });

  it('flags `import { type X }` so it becomes `import type { X }` (no empty import left at runtime)', async () => {
    const [result] = await eslint.lintText("import { type App } from '../main/app.js';\nexport type A = App;\n", { filePath: 'renderer/x.ts' });
    const rules = result?.messages.map((m) => m.ruleId) ?? [];
    expect(rules).toContain('@typescript-eslint/no-import-type-side-effects');
    expect(rules).not.toContain('kiosk/layers');
  });
});

describe('eslint.config.js', () => {
  it('ignores build output and test artifacts', async () => {
    for (const file of ['dist/x.js', 'release/x.js', 'node_modules/x/index.js', 'tests/artifacts/x.js', 'var/x.js', 'test-results/x.js', 'playwright-report/x.js']) {
      expect(await eslint.isPathIgnored(file), file).toBe(true);
    }
    expect(await eslint.isPathIgnored('main/app.ts')).toBe(false);
  });

  it('checks site files under kiosk-config as JSON', async () => {
    const [bad] = await eslint.lintText('{\n  "schemaVersion": 1,\n}\n', { filePath: 'kiosk-config/sites/x.json' });
    expect(bad?.messages[0]?.fatal).toBe(true);
    expect(bad?.messages[0]?.line).toBe(3);
    const [good] = await eslint.lintText('{ "schemaVersion": 1 }\n', { filePath: 'kiosk-config/sites/x.json' });
    expect(good?.messages).toEqual([]);
  });
});
