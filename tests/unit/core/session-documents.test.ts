import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../common/kiosk-api/events.js';
import { startTestApp } from '../../helpers/test-app.js';

type App = Awaited<ReturnType<typeof startTestApp>>;
let app: App;
const events: KioskEvent[] = [];
beforeAll(async () => {
  app = await startTestApp();
  app.core.onEvent((e) => events.push(e));
});
afterAll(async () => {
  await app?.close();
});

const start = async () => {
  const r = await app.core.dispatch('session.start', { locale: 'vi' });
  if (!r.ok) throw new Error('session.start failed');
  return (r.value as { sessionId: string }).sessionId;
};
const scanFiles = async () => {
  const dirs = await readdir(join(app.dataDir, 'scans')).catch(() => [] as string[]);
  return dirs;
};

describe('scanning into a session (simulated scanner)', () => {
  it('scans pages per component with a progress event per page, retakes and removes pages', async () => {
    const sessionId = await start();
    const r = await app.core.dispatch('scan.pages', { sessionId, componentId: 'to-khai', source: 'feeder', maxPages: 3 });
    expect(r).toMatchObject({ ok: true, value: { componentId: 'to-khai', pages: [{ index: 1 }, { index: 2 }, { index: 3 }] } });
    const pageEvents = events.filter((e) => e.type === 'scan.page' && e.sessionId === sessionId);
    expect(pageEvents.map((e) => (e.type === 'scan.page' ? e.page.index : 0))).toEqual([1, 2, 3]);
    if (r.ok) expect((r.value as { pages: { thumbnail: string }[] }).pages[0]?.thumbnail).toMatch(/^data:image\/jpeg;base64,/);

    const more = await app.core.dispatch('scan.pages', { sessionId, componentId: 'to-khai', source: 'flatbed' });
    expect(more).toMatchObject({ ok: true, value: { pages: [{}, {}, {}, { index: 4 }] } });
    const retake = await app.core.dispatch('scan.pages', { sessionId, componentId: 'to-khai', source: 'flatbed', replaceIndex: 2 });
    expect(retake).toMatchObject({ ok: true, value: { pages: [{}, {}, {}, {}] } });
    expect(await app.core.dispatch('scan.pages', { sessionId, componentId: 'to-khai', source: 'flatbed', replaceIndex: 9 })).toMatchObject({
      ok: false,
      error: { kind: 'InvalidArguments' },
    });
    const removed = await app.core.dispatch('scan.removePage', { sessionId, componentId: 'to-khai', index: 1 });
    expect(removed).toMatchObject({ ok: true, value: { pages: [{ index: 1 }, { index: 2 }, { index: 3 }] } });
    await app.core.dispatch('session.end', { sessionId, reason: 'user' });
  });

  it('refuses a scan for a session that is not live', async () => {
    expect(await app.core.dispatch('scan.pages', { sessionId: 'x'.repeat(24), componentId: 'a', source: 'flatbed' })).toMatchObject({
      ok: false,
      error: { kind: 'SessionNotFound' },
    });
  });

  it('the session end deletes every scanned page file', async () => {
    const sessionId = await start();
    await app.core.dispatch('scan.pages', { sessionId, componentId: 'giay-to', source: 'feeder', maxPages: 2 });
    expect((await scanFiles()).length).toBeGreaterThan(0);
    await app.core.dispatch('session.end', { sessionId, reason: 'timeout' });
    expect(await scanFiles()).toEqual([]);
  });
});
