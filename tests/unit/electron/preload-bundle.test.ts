import { build } from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

// Bundled the way scripts/build.mjs does it: the sandboxed preload can require only 'electron'.
const bundle = async (entry: string, external: string[]): Promise<string> => {
  const out = await build({ entryPoints: [join(root, entry)], bundle: true, write: false, platform: 'node', format: 'cjs', target: 'node20', external, logLevel: 'silent' });
  return out.outputFiles[0]?.text ?? '';
};

describe('the preload bundle', () => {
  it('requires nothing but electron and stays free of the validation library', async () => {
    const code = await bundle('main/electron/preload.ts', ['electron']);
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/zod|ZodError/);
    expect(code).toContain('exposeInMainWorld');
    expect(code.length).toBeLessThan(16_000);
  });
});

describe('the main-process bundle', () => {
  it('builds with npm packages external and electron loaded at run time', async () => {
    const out = await build({ entryPoints: [join(root, 'main/electron/main.ts')], bundle: true, write: false, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'silent' });
    const code = out.outputFiles[0]?.text ?? '';
    expect(code).toContain('require("electron")');
    expect(code).toContain('registerSchemesAsPrivileged');
  });
});
