import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { SiteConfig } from '../../../common/config/site-schema.js';
import { ConfigStore } from '../../../main/config/config-store.js';
import { readSite, setAt, withTmpDir, type Json } from './site-fixtures.js';

async function siteWith(edits: Array<[string, Json]>): Promise<string> {
  const site = await readSite('embedded');
  for (const [path, value] of edits) setAt(site, path, value);
  return JSON.stringify(site);
}

async function openStore(dir: string): Promise<{ store: ConfigStore; file: string }> {
  const file = join(dir, 'lobby.json');
  await writeFile(file, await siteWith([]));
  const opened = await ConfigStore.open(file);
  if (!opened.ok) throw new Error(opened.error.message);
  return { store: opened.value, file };
}

describe('ConfigStore', () => {
  it('refuses to open an invalid file', async () => {
    await withTmpDir(async (dir) => {
      const file = join(dir, 'bad.json');
      await writeFile(file, await siteWith([['kiosk.id', 'x']]));
      const opened = await ConfigStore.open(file);
      expect(opened.ok).toBe(false);
      if (!opened.ok) expect(opened.error.issues).toEqual([{ path: 'kiosk.id', rule: 'must be 2–12 upper-case letters or digits' }]);
    });
  });

  it('keeps the last good config when a reload is invalid, and does not notify', async () => {
    await withTmpDir(async (dir) => {
      const { store, file } = await openStore(dir);
      const listener = vi.fn();
      store.onChange(listener);
      await writeFile(file, await siteWith([['timeouts.idleSeconds', 5]]));
      const reloaded = await store.reload();
      expect(reloaded.ok).toBe(false);
      if (!reloaded.ok) expect(reloaded.error.message).toContain('timeouts.idleSeconds: must be at least 15 seconds');
      expect(store.current.timeouts.idleSeconds).toBe(90);
      expect(listener).not.toHaveBeenCalled();
    });
  });

  it('keeps the last good config when the file disappears', async () => {
    await withTmpDir(async (dir) => {
      const { store, file } = await openStore(dir);
      await rm(file);
      const reloaded = await store.reload();
      expect(reloaded.ok).toBe(false);
      expect(store.current.site.id).toBe('embedded');
    });
  });

  it('switches to a valid changed config and tells each listener the new and previous config', async () => {
    await withTmpDir(async (dir) => {
      const { store, file } = await openStore(dir);
      const seen: Array<[SiteConfig, SiteConfig]> = [];
      const other = vi.fn();
      store.onChange((next, previous) => seen.push([next, previous]));
      store.onChange(other);
      await writeFile(file, await siteWith([['timeouts.idleSeconds', 120], ['kiosk.id', 'LOBBY2']]));
      const reloaded = await store.reload();
      expect(reloaded.ok).toBe(true);
      expect(store.current.timeouts.idleSeconds).toBe(120);
      expect(store.current.kiosk.id).toBe('LOBBY2');
      expect(seen).toHaveLength(1);
      expect(seen[0]?.[0]).toBe(store.current);
      expect(seen[0]?.[1].kiosk.id).toBe('KIOSK01');
      expect(other).toHaveBeenCalledTimes(1);
    });
  });

  it('recovers after an invalid reload once the file is fixed', async () => {
    await withTmpDir(async (dir) => {
      const { store, file } = await openStore(dir);
      await writeFile(file, '{ broken');
      expect((await store.reload()).ok).toBe(false);
      await writeFile(file, await siteWith([['kiosk.id', 'FIXED1']]));
      expect((await store.reload()).ok).toBe(true);
      expect(store.current.kiosk.id).toBe('FIXED1');
    });
  });

  it('does not notify when the reloaded file says the same thing', async () => {
    await withTmpDir(async (dir) => {
      const { store, file } = await openStore(dir);
      const listener = vi.fn();
      store.onChange(listener);
      // same content, different formatting
      await writeFile(file, JSON.stringify(JSON.parse(await siteWith([])), null, 4));
      expect((await store.reload()).ok).toBe(true);
      expect(listener).not.toHaveBeenCalled();
    });
  });

  it('stops notifying a listener once it unsubscribes', async () => {
    await withTmpDir(async (dir) => {
      const { store, file } = await openStore(dir);
      const listener = vi.fn();
      const unsubscribe = store.onChange(listener);
      await writeFile(file, await siteWith([['timeouts.idleSeconds', 100]]));
      await store.reload();
      unsubscribe();
      await writeFile(file, await siteWith([['timeouts.idleSeconds', 110]]));
      await store.reload();
      expect(listener).toHaveBeenCalledTimes(1);
      expect(store.current.timeouts.idleSeconds).toBe(110);
    });
  });

  it('applies overlapping reloads in call order', async () => {
    await withTmpDir(async (dir) => {
      const { store, file } = await openStore(dir);
      const order: number[] = [];
      store.onChange((next) => order.push(next.timeouts.idleSeconds));
      await writeFile(file, await siteWith([['timeouts.idleSeconds', 100]]));
      const first = store.reload();
      const second = store.reload();
      await Promise.all([first, second]);
      expect(order).toEqual([100]);
    });
  });
});
