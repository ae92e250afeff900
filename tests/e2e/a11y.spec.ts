import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { artifactsDir, e2ePins } from './e2e-env.js';
import { expect, test, type AxeFinding, type Kiosk } from './kiosk-fixture.js';
import { action, en, fillForm, formNext, presentCard, vi } from './journey-steps.js';
import type { MessageKey } from '../../renderer/i18n/index.js';
import { submitProcedure } from './model/journey-models.js';

// axe-core on every screen a resident reaches, in Vietnamese and English, with large text and
// with high contrast; and on every diagnostics screen. No rule is turned off: a finding is
// either fixed or reported (tests/artifacts/axe-<mode>.json lists them, with axe's own words).

test.setTimeout(240_000);

type Mode = 'vi' | 'en' | 'vi-large-text' | 'vi-high-contrast' | 'en-large-text';
const findings: AxeFinding[] = [];
const checked: string[] = [];

/** tests/artifacts/axe-<mode>.json: what was checked and found (a failed test restarts the worker: one file per test) */
const report = async (mode: string) => {
  await mkdir(artifactsDir, { recursive: true });
  const body = { checked: checked.filter((c) => c.startsWith(`${mode}:`)), findings: findings.filter((f) => f.mode === mode) };
  await writeFile(join(artifactsDir, `axe-${mode}.json`), `${JSON.stringify(body, null, 2)}\n`);
};

const check = async (kiosk: Kiosk, mode: string, what?: string) => {
  const screen = what ?? (await kiosk.page.locator('[data-screen]').first().getAttribute('data-screen')) ?? 'unknown';
  const overlays = await kiosk.page.locator('[data-overlay]').evaluateAll((els) => els.map((e) => e.getAttribute('data-overlay')));
  const name = overlays.length ? `${screen}+${overlays.join('+')}` : screen;
  await kiosk.page.evaluate(() => document.fonts.ready.then(() => undefined));
  findings.push(...(await kiosk.axe(name, mode)));
  // axe takes a while on a big screen: the resident is still there
  await kiosk.touch();
  checked.push(`${mode}:${name}`);
};

const setMode = async (kiosk: Kiosk, mode: Mode) => {
  const toolbar = kiosk.page.getByTestId('a11y-toolbar');
  if (mode.startsWith('en')) await kiosk.screen('home').getByRole('button', { name: 'English', exact: true }).tap();
  if (mode.endsWith('large-text')) await toolbar.locator('[data-pref="largeText"]').tap();
  if (mode === 'vi-high-contrast') await toolbar.locator('[data-pref="highContrast"]').tap();
  if (mode.endsWith('large-text') || mode.endsWith('high-contrast')) await expect(toolbar.locator('[aria-pressed="true"]')).toHaveCount(1);
};

/** Every resident screen of a visit: the flows, the submission to its receipt and rating, the overlays. */
const residentTour = async (kiosk: Kiosk, mode: Mode) => {
  const { page } = kiosk;
  const home = kiosk.screen('home');
  const L = (key: MessageKey, params?: Record<string, string | number>) => (mode.startsWith('en') ? en(key, params) : vi(key, params));
  const press = (screen: string, key: MessageKey, params?: Record<string, string | number>) => kiosk.screen(screen).getByRole('button', { name: L(key, params), exact: true }).tap();
  const back = (screen: string) => press(screen, 'common.back');
  const scanPage = async () => {
    const scan = kiosk.screen('submit.scan');
    const n = await scan.locator('[data-page]').count();
    await scan.locator('[data-source="flatbed"]').tap();
    await press('submit.scan', n === 0 ? 'scan.start' : 'scan.add');
    await expect(scan.locator('[data-page]')).toHaveCount(n + 1);
    await expect(scan).toHaveAttribute('data-state', 'ready');
  };
  await kiosk.open();
  await check(kiosk, mode, 'attract');
  await kiosk.startSession();
  await setMode(kiosk, mode);
  await check(kiosk, mode);

  // guide: categories (and its keyboard), list, detail
  await home.locator('[data-choice="guide"]').tap();
  await check(kiosk, mode);
  await kiosk.screen('guide.categories').locator('input').first().tap();
  await check(kiosk, mode, 'guide.categories+keyboard');
  await kiosk.screen('guide.categories').locator('input').first().fill('giam ho');
  await kiosk.screen('guide.categories').locator('button[type="submit"]').tap();
  await expect(kiosk.screen('guide.list')).toBeVisible();
  await check(kiosk, mode);
  await kiosk.screen('guide.list').locator(`[data-procedure="${submitProcedure}"]`).tap();
  await expect(kiosk.screen('guide.detail')).toBeVisible();
  await check(kiosk, mode);
  if (mode === 'vi') await kiosk.snap('guide-detail', { curated: true });
  // help: that procedure's answers, then the topics
  await press('guide.detail', 'guide.detail.questions');
  await expect(kiosk.screen('help.procedure')).toBeVisible();
  await check(kiosk, mode);
  await back('help.procedure');
  await expect(kiosk.screen('help.topics')).toBeVisible();
  await check(kiosk, mode);
  await back('help.topics');

  // track: the code screen, a hint after a card, not found
  await home.locator('[data-choice="track"]').tap();
  await kiosk.sim.presentSample(0);
  await expect(kiosk.screen('track.code').locator('[data-hint]')).toBeVisible();
  await check(kiosk, mode);
  await kiosk.screen('track.code').locator('input').fill('TEST01-200101-9999');
  await kiosk.screen('track.code').locator('button[type="submit"]').tap();
  await expect(kiosk.screen('track.notFound')).toBeVisible();
  await check(kiosk, mode);
  await press('track.notFound', 'track.home');
  await expect(home).toBeVisible();

  // rate: the code screen with its keyboard and an error
  await home.locator('[data-choice="rate"]').tap();
  await kiosk.screen('rate.code').locator('#rate-code').fill('TEST01-200101-9999');
  await press('rate.code', 'rate.code.check');
  await expect(kiosk.screen('rate.code').locator('[role="alert"]')).toBeVisible();
  await check(kiosk, mode);
  await back('rate.code');

  // submit: every step, the cancel dialog, a failed print (code and QR large), the rating
  await home.locator('[data-choice="submit"]').tap();
  await check(kiosk, mode);
  await kiosk.screen('submit.choose').locator(`[data-procedure="${submitProcedure}"]`).tap();
  await expect(kiosk.screen('submit.identify')).toBeVisible();
  await kiosk.sim.presentGarbage();
  await expect(kiosk.screen('submit.identify').locator('.problem')).toBeVisible();
  await check(kiosk, mode);
  await action(kiosk, 'cancel').tap();
  await check(kiosk, mode);
  await page.locator('[data-overlay="submitCancel"] [data-action="keep"]').tap();
  await action(kiosk, 'manual').tap();
  await expect(kiosk.screen('submit.manual')).toBeVisible();
  await action(kiosk, 'next').tap();
  await check(kiosk, mode, 'submit.manual+errors');
  await action(kiosk, 'back').tap();
  await presentCard(kiosk);
  await action(kiosk, 'next').tap();
  await check(kiosk, mode, 'submit.form+errors');
  await fillForm(kiosk);
  await kiosk.screen('submit.form').locator('#form-reason').tap();
  await check(kiosk, mode, 'submit.form+keyboard');
  await formNext(kiosk);
  await check(kiosk, mode);
  await kiosk.screen('submit.scan').locator('[data-source="feeder"]').tap();
  await kiosk.sim.scanner({ feederSheets: 0 });
  await press('submit.scan', 'scan.start');
  await expect(kiosk.screen('submit.scan')).toHaveAttribute('data-state', 'failed');
  await check(kiosk, mode, 'submit.scan+failed');
  await kiosk.sim.scanner({ feederSheets: 50 });
  await press('submit.scan', 'scan.dismiss');
  await scanPage();
  await check(kiosk, mode, 'submit.scan+pages');
  await press('submit.scan', 'scan.done');
  await expect(kiosk.screen('submit.scan').locator('[data-page]')).toHaveCount(0);
  await scanPage();
  await press('submit.scan', 'scan.done');
  await expect(kiosk.screen('submit.delivery')).toBeVisible();
  await kiosk.screen('submit.delivery').locator('[data-method="postal"]').tap();
  await check(kiosk, mode, 'submit.delivery+postal');
  await action(kiosk, 'next').tap();
  await expect(kiosk.screen('submit.consent')).toBeVisible();
  await check(kiosk, mode);
  for (const box of await kiosk.screen('submit.consent').locator('[data-purpose]').all()) await box.tap();
  await action(kiosk, 'agree').tap();
  await expect(kiosk.screen('submit.review')).toBeVisible();
  await check(kiosk, mode);
  await kiosk.sim.printer({ paper: 'out' });
  await action(kiosk, 'confirm').tap();
  await expect(kiosk.screen('submit.receipt')).toHaveAttribute('data-state', 'failed');
  await check(kiosk, mode, 'submit.receipt+failed');
  if (mode === 'vi') await kiosk.snap('receipt-qr', { curated: true });
  await kiosk.sim.printer({ paper: 'ok' });
  await press('submit.receipt', 'receipt.reprint');
  await expect(kiosk.screen('submit.receipt')).toHaveAttribute('data-state', 'printed');
  await check(kiosk, mode);
  await press('submit.receipt', 'receipt.rate');
  await expect(kiosk.screen('submit.rating')).toBeVisible();
  await kiosk.screen('submit.rating').locator('#rating-comment').tap();
  await check(kiosk, mode, 'submit.rating+keyboard');
  await kiosk.screen('submit.rating').locator('[data-level="2"]').tap();
  await press('submit.rating', 'rating.send');
  await expect(kiosk.screen('submit.rating')).toHaveAttribute('data-state', 'thanks');
  await check(kiosk, mode, 'submit.rating+thanks');
  // the idle warning over a screen
  await press('submit.rating', 'rating.continue');
  await expect(kiosk.screen('attract')).toBeVisible();
  await kiosk.startSession();
  await expect(kiosk.overlay('idleWarning')).toBeVisible({ timeout: 10_000 });
  await check(kiosk, mode);
  await kiosk.keepAlive();
  await kiosk.screen('home').getByRole('button', { name: vi('home.end'), exact: true }).tap();
  await expect(kiosk.screen('attract')).toBeVisible();
};

// English with large text, Vietnamese with high contrast: each language and each mode, three tours
for (const mode of (process.env.E2E_A11Y_MODES?.split(',') ?? ['vi', 'en-large-text', 'vi-high-contrast']) as Mode[])
  test(`axe: every resident screen, ${mode}`, async ({ kiosk }) => {
    await residentTour(kiosk, mode);
    const mine = findings.filter((f) => f.mode === mode);
    await report(mode);
    expect(mine, `axe violations in ${mode}: ${JSON.stringify(mine, null, 1)}`).toEqual([]);
  });

test('axe: the PIN pad and every diagnostics screen', async ({ kiosk, page }) => {
  await kiosk.open();
  const hotspot = page.getByTestId('corner-hotspot');
  for (let i = 0; i < 5; i++) await hotspot.tap();
  await expect(kiosk.screen('pinPad')).toBeVisible();
  await check(kiosk, 'diagnostics');
  await page.getByRole('button', { name: vi('pin.cancel'), exact: true }).tap();
  await kiosk.unlock(e2ePins.technician);
  await expect(kiosk.screen('diag.devices')).toBeVisible();
  for (const tab of ['devices', 'queue', 'network', 'config', 'logs', 'system', 'stats', 'audit']) {
    await page.locator(`[data-tab="${tab}"]`).tap();
    await expect(kiosk.screen(`diag.${tab}`)).not.toHaveAttribute('aria-busy', 'true', { timeout: 15_000 });
    await check(kiosk, 'diagnostics');
  }
  await page.getByRole('button', { name: vi('diag.exit'), exact: true }).tap();
  await expect(kiosk.screen('attract')).toBeVisible();
  const mine = findings.filter((f) => f.mode === 'diagnostics');
  await report('diagnostics');
  expect(mine, `axe violations: ${JSON.stringify(mine, null, 1)}`).toEqual([]);
});

