import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above this module holding package.json: the same from sources and dist/. */
export const repoRootFrom = (metaUrl: string): string => {
  let dir = dirname(fileURLToPath(metaUrl));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
};

/** `--site FILE` anywhere in args, else KIOSK_SITE, else the embedded default; the rest returned. */
export const takeSiteArg = (args: readonly string[], repoRoot: string, env: NodeJS.ProcessEnv = process.env): { site: string; rest: string[] } => {
  const rest: string[] = [];
  let site: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--site') site = args[++i];
    else if (a.startsWith('--site=')) site = a.slice('--site='.length);
    else rest.push(a);
  }
  return { site: resolve(site ?? env.KIOSK_SITE ?? join(repoRoot, 'kiosk-config', 'sites', 'embedded.json')), rest };
};
