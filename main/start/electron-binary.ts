import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Electron's binary path when its (non-downloadable here) dist is present, else null. */
export const findElectronBinary = (repoRoot: string): string | null => {
  const pkg = join(repoRoot, 'node_modules', 'electron');
  try {
    const rel = readFileSync(join(pkg, 'path.txt'), 'utf8').trim();
    const bin = join(pkg, 'dist', rel);
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
};

export const findExecutable = (name: string, pathEnv = process.env.PATH ?? ''): string | null => {
  for (const dir of pathEnv.split(':')) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
};
