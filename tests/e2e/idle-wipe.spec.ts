import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type Kiosk } from './kiosk-fixture.js';
import { fillForm, formNext, presentCard, scanOnePage, startSubmit, vi } from './journey-steps.js';

// When a session ends (the idle timeout, or the resident's own "end"), nothing of the resident
// stays: not in the page's storage or DOM, not in the scan folder on disk, not as a live
// session in the core. test-fast.json: idle 15 s, warning for the last 10 s.

const resident = ['Nguyễn Văn An', '001090123456', 'Hàng Bạc', '0912345678', 'Nguyễn Minh Khang'];

/** Every file under the data dir's scans/ (the scanner's work folders). */
const scanFiles = async (dataDir: string): Promise<string[]> => {
  const root = join(dataDir, 'scans');
  try {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
};

/** What the page keeps: storage of every kind, caches, IndexedDB. */
const pageStorage = (page: Page) =>
  page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    caches: 'caches' in window ? (await caches.keys()).length : 0,
    indexedDb: 'databases' in indexedDB ? (await indexedDB.databases()).length : 0,
    cookies: document.cookie,
  }));

/** A resident well into a dossier: card read, form typed, a page scanned (files on disk). */
const residentAtScan = async (kiosk: Kiosk) => {
  await kiosk.open();
  await kiosk.startSession();
  await startSubmit(kiosk);
  await presentCard(kiosk);
  await fillForm(kiosk);
  await formNext(kiosk);
  await scanOnePage(kiosk);
  expect((await scanFiles(kiosk.env.dataDir)).length, 'a scanned page is on disk during the session').toBeGreaterThan(0);
  await expect(kiosk.page.locator('body')).toContainText('Tờ khai');
};

const expectWiped = async (kiosk: Kiosk, sessionId: string | null) => {
  const { page } = kiosk;
  await expect(kiosk.screen('attract')).toBeVisible();
  expect(await pageStorage(page)).toEqual({ local: 0, session: 0, caches: 0, indexedDb: 0, cookies: '' });
  const text = (await page.locator('body').innerText()) + (await page.content());
  for (const pii of resident) expect(text, `"${pii}" left in the page`).not.toContain(pii);
  await expect(page.locator('input, textarea')).toHaveCount(0);
  await expect(page.locator('img[src^="data:"]')).toHaveCount(0);
  // the core wiped the session's scans and no longer knows the session
  await expect.poll(() => scanFiles(kiosk.env.dataDir)).toEqual([]);
  if (sessionId) {
    const probe = await kiosk.probe();
    const r = await probe.call('session.activity', { sessionId });
    expect(r.ok ? 'alive' : r.error.kind).toBe('SessionNotFound');
  }
};

test('idle timeout in the middle of a dossier: renderer memory, scans on disk and the core session wiped', async ({ kiosk }) => {
  const probe = await kiosk.probe();
  await residentAtScan(kiosk);
  // no touch from now on: the warning, then the end
  await expect(kiosk.overlay('idleWarning')).toBeVisible({ timeout: 10_000 });
  const timer = probe.log.find((l) => l.event.type === 'session.timer');
  const sessionId = timer?.event.type === 'session.timer' ? timer.event.sessionId : null;
  expect(sessionId).not.toBeNull();
  await expect(kiosk.screen('attract')).toBeVisible({ timeout: 15_000 });
  await expectWiped(kiosk, sessionId);
});

test('the resident ends it (cancel → confirm → home → end): the same wipe', async ({ kiosk, page }) => {
  const probe = await kiosk.probe();
  await residentAtScan(kiosk);
  await kiosk.screen('submit.scan').getByRole('button', { name: vi('common.back'), exact: true }).tap();
  await kiosk.screen('submit.form').locator('[data-action="cancel"]').tap();
  await page.locator('[data-overlay="submitCancel"] [data-action="confirmCancel"]').tap();
  await expect(kiosk.screen('home')).toBeVisible();
  // the cancelled dossier is already gone from the page while the session goes on
  for (const pii of resident) await expect(page.locator('body')).not.toContainText(pii);
  await page.getByRole('button', { name: vi('home.end'), exact: true }).tap();
  const ended = probe.log.some((l) => l.event.type === 'session.timer');
  void ended;
  await expectWiped(kiosk, null);
});
