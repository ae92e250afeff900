// Benchmarks run our TypeScript directly: the given exports are bundled with esbuild into a
// file under node_modules/.cache (so the bundle's bare imports of sharp, sqlite3… resolve).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { repoRoot } from './results.mjs';

/** Bundles `contents` (TS, e.g. `export { x } from './main/…/x.ts';`) to a file; returns its path. */
export const bundleTs = async (name, contents) => {
  const out = await build({ stdin: { contents, resolveDir: repoRoot, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', packages: 'external', write: false, logLevel: 'warning' });
  const dir = join(repoRoot, 'node_modules', '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${process.pid}.mjs`);
  writeFileSync(file, out.outputFiles[0].text);
  return file;
};

/** Bundles and imports in one go; the file is removed once loaded. */
export const importTs = async (name, contents) => {
  const file = await bundleTs(name, contents);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(file, { force: true });
  }
};
