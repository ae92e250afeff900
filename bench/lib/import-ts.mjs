// Benchmarks run our TypeScript directly: the named exports are bundled with esbuild into a
// file under node_modules/.cache (so the bundle's bare imports of sharp, sqlite3… resolve) and
// imported from there.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { repoRoot } from './results.mjs';

/** `exports`: lines like `export { encodeReceipt } from './hardware/printer/escpos-encoder.ts';` */
export const importTs = async (name, exports) => {
  const out = await build({ stdin: { contents: exports, resolveDir: repoRoot, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', packages: 'external', write: false, logLevel: 'warning' });
  const dir = join(repoRoot, 'node_modules', '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${process.pid}.mjs`);
  writeFileSync(file, out.outputFiles[0].text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(file, { force: true });
  }
};
