import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const sitePath = (id: string): string => join(repoRoot, 'kiosk-config', 'sites', `${id}.json`);

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A fresh, mutable copy of a site file as parsed JSON. */
export async function readSite(id: string): Promise<Record<string, Json>> {
  return JSON.parse(await readFile(sitePath(id), 'utf8')) as Record<string, Json>;
}

export const DELETE = Symbol('delete');

/** Sets (or deletes) the value at a dotted path such as `attract.slides.0.title.vi`. */
export function setAt(root: Record<string, Json>, dotted: string, value: Json | typeof DELETE): void {
  const keys = dotted.split('.');
  const last = keys.pop();
  if (last === undefined) throw new Error('empty path');
  let here: Json = root;
  for (const key of keys) {
    if (typeof here !== 'object' || here === null) throw new Error(`no object at ${key} in ${dotted}`);
    here = (here as Record<string, Json>)[key] ?? null;
  }
  if (typeof here !== 'object' || here === null) throw new Error(`no object to hold ${dotted}`);
  const holder = here as Record<string, Json>;
  if (value === DELETE) delete holder[last];
  else holder[last] = value;
}

export async function withTmpDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'kiosk-config-test-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
