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
//
// One walk per language (the language is chosen on the home screen only): on each screen,
// each variant of that language is checked in turn, large text and high contrast switched
// there through the accessibility toolbar, as a resident would.

test.setTimeout(240_000);

type Mode = 'vi' | 'en' | 'vi-large-text' | 'vi-high-contrast' | 'en-large-text';
type Prefs = { largeText: boolean; highContrast: boolean };
const prefsOf = (mode: Mode): Prefs => ({ largeText: mode.endsWith('large-text'), highContrast: mode.endsWith('high-contrast') });
const findings: AxeFinding[] = [];
const checked: string[] = [];

/** tests/artifacts/axe-<mode>.json: what was checked and found (a failed test restarts the worker: one file per test) */
const report = async (mode: string) => {
  await mkdir(artifactsDir, { recursive: true });
  const body = { checked: checked.filter((c) => c.startsWith(`${mode}:`)), findings: findings.filter((f) => f.mode === mode) };
  await writeFile(join(artifactsDir, `axe-${mode}.json`), `${JSON.stringify(body, null, 2)}\n`);
};

/**
 * What shows, once the web fonts are in (one round trip): the screen's name in the reports (its
 * data-screen, and the overlays over it), and what must stay the same while the toolbar
 * switches a variant (its state, overlays, keyboard and messages).
 */
const shows = (kiosk: Kiosk) =>
  kiosk.page.evaluate(async () => {
    await document.fonts.ready;
    const top = document.querySelector<HTMLElement>('[data-screen]');
    return {
      screen: top?.dataset.screen ?? null,
      state: top?.dataset.state ?? null,
      overlays: [...document.querySelectorAll<HTMLElement>('[data-overlay]')].map((o) => o.dataset.overlay ?? ''),
      keyboard: document.querySelector('.osk') !== null,
      alerts: [...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent ?? ''),
    };
  });
type Shown = Awaited<ReturnType<typeof shows>>;

/** axe-core on what shows now, reported under each of `modes` (one run: the page is the same for all of them); returns what showed. */
const check = async (kiosk: Kiosk, modes: readonly string[], what?: string): Promise<Shown> => {
  const now = await shows(kiosk);
  const screen = what ?? now.screen ?? 'unknown';
  const name = now.overlays.length ? `${screen}+${now.overlays.join('+')}` : screen;
  const found = await kiosk.axe(name, modes[0]);
  for (const mode of modes) {
    findings.push(...found.map((f) => ({ ...f, mode })));
    checked.push(`${mode}:${name}`);
  }
  // axe takes a while on a big screen: the resident is still there
  await kiosk.touch();
  return now;
};

/** Every resident screen of a visit: the flows, the submission to its receipt and rating, the overlays. */
const residentTour = async (kiosk: Kiosk, lang: 'vi' | 'en', modes: readonly Mode[]) => {
  const { page } = kiosk;
  const home = kiosk.screen('home');
  const toolbar = page.getByTestId('a11y-toolbar');
  const L = (key: MessageKey, params?: Record<string, string | number>) => (lang === 'en' ? en(key, params) : vi(key, params));
  const press = (screen: string, key: MessageKey, params?: Record<string, string | number>) => kiosk.screen(screen).getByRole('button', { name: L(key, params), exact: true }).tap();
  const back = (screen: string) => press(screen, 'common.back');

  // the session's preferences as the toolbar shows them (a new session starts without any)
  let prefs: Prefs = { largeText: false, highContrast: false };
  const setPrefs = async (want: Prefs) => {
    for (const pref of ['largeText', 'highContrast'] as const) {
      if (prefs[pref] === want[pref]) continue;
      await toolbar.locator(`[data-pref="${pref}"]`).tap();
      await expect(toolbar.locator(`[data-pref="${pref}"]`)).toHaveAttribute('aria-pressed', String(want[pref]));
      prefs = { ...prefs, [pref]: want[pref] };
    }
  };
  const same = (a: Prefs, b: Prefs) => a.largeText === b.largeText && a.highContrast === b.highContrast;
  /**
   * The screen that shows, checked in each variant: first the one in force (no switch needed),
   * then the others, switched on this screen. An overlay covers the toolbar: it is closed for
   * the switch and opened again (`reopen`).
   */
  const checkEach = async (what?: string, reopen?: { close: () => Promise<void>; open: () => Promise<void> }) => {
    const order = [...modes].sort((a, b) => Number(!same(prefsOf(a), prefs)) - Number(!same(prefsOf(b), prefs)));
    let first: Shown | null = null;
    for (const mode of order) {
      if (!same(prefsOf(mode), prefs)) {
        if (reopen) await reopen.close();
        await setPrefs(prefsOf(mode));
        if (reopen) await reopen.open();
      }
      const now = await check(kiosk, [mode], what);
      if (first) expect(now, `${mode}: the same screen as ${order[0]}`).toEqual(first);
      else first = now;
    }
  };
  /** the curated screenshots are of the plain Vietnamese screens */
  const curated = async (name: string) => {
    if (!modes.includes('vi')) return;
    await setPrefs(prefsOf('vi'));
    await kiosk.snap(name, { curated: true });
  };
  const scanPage = async () => {
    const scan = kiosk.screen('submit.scan');
    const n = await scan.locator('[data-page]').count();
    await scan.locator('[data-source="flatbed"]').tap();
    await press('submit.scan', n === 0 ? 'scan.start' : 'scan.add');
    await expect(scan.locator('[data-page]')).toHaveCount(n + 1);
    await expect(scan).toHaveAttribute('data-state', 'ready');
  };
  await kiosk.open();
  // no session, so no toolbar and no preferences: one run stands for every variant
  await check(kiosk, modes, 'attract');
  await kiosk.startSession();
  if (lang === 'en') {
    await home.getByRole('button', { name: 'English', exact: true }).tap();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
  await checkEach();

  // guide: categories (and its keyboard), list, detail
  await home.locator('[data-choice="guide"]').tap();
  await expect(kiosk.screen('guide.categories')).toBeVisible();
  await checkEach();
  await kiosk.screen('guide.categories').locator('input').first().tap();
  await expect(kiosk.screen('guide.categories').locator('.osk')).toBeVisible();
  await checkEach('guide.categories+keyboard');
  await kiosk.screen('guide.categories').locator('input').first().fill('giam ho');
  await kiosk.screen('guide.categories').locator('button[type="submit"]').tap();
  await expect(kiosk.screen('guide.list')).toBeVisible();
  await checkEach();
  await kiosk.screen('guide.list').locator(`[data-procedure="${submitProcedure}"]`).tap();
  await expect(kiosk.screen('guide.detail')).toBeVisible();
  await checkEach();
  await curated('guide-detail');
  // help: that procedure's answers, then the topics
  await press('guide.detail', 'guide.detail.questions');
  await expect(kiosk.screen('help.procedure')).toBeVisible();
  await checkEach();
  await back('help.procedure');
  await expect(kiosk.screen('help.topics')).toBeVisible();
  await checkEach();
  await back('help.topics');

  // track: the code screen, a hint after a card, not found
  await home.locator('[data-choice="track"]').tap();
  await kiosk.sim.presentSample(0);
  await expect(kiosk.screen('track.code').locator('[data-hint]')).toBeVisible();
  await checkEach();
  await kiosk.screen('track.code').locator('input').fill('TEST01-200101-9999');
  await kiosk.screen('track.code').locator('button[type="submit"]').tap();
  await expect(kiosk.screen('track.notFound')).toBeVisible();
  await checkEach();
  await press('track.notFound', 'track.home');
  await expect(home).toBeVisible();

  // rate: the code screen with its keyboard and an error
  await home.locator('[data-choice="rate"]').tap();
  await kiosk.screen('rate.code').locator('#rate-code').fill('TEST01-200101-9999');
  await press('rate.code', 'rate.code.check');
  await expect(kiosk.screen('rate.code').locator('[role="alert"]')).toBeVisible();
  await checkEach();
  await back('rate.code');

  // submit: every step, the cancel dialog, a failed print (code and QR large), the rating
  await home.locator('[data-choice="submit"]').tap();
  await expect(kiosk.screen('submit.choose')).toBeVisible();
  await checkEach();
  await kiosk.screen('submit.choose').locator(`[data-procedure="${submitProcedure}"]`).tap();
  await expect(kiosk.screen('submit.identify')).toBeVisible();
  await kiosk.sim.presentGarbage();
  await expect(kiosk.screen('submit.identify').locator('.problem')).toBeVisible();
  await checkEach();
  const cancelDialog = kiosk.overlay('submitCancel');
  const openCancel = async () => {
    await action(kiosk, 'cancel').tap();
    await expect(cancelDialog).toBeVisible();
  };
  const keepDossier = async () => {
    await cancelDialog.locator('[data-action="keep"]').tap();
    await expect(cancelDialog).toBeHidden();
  };
  await openCancel();
  await checkEach(undefined, { close: keepDossier, open: openCancel });
  await keepDossier();
  await action(kiosk, 'manual').tap();
  await expect(kiosk.screen('submit.manual')).toBeVisible();
  await action(kiosk, 'next').tap();
  await expect(kiosk.screen('submit.manual').locator('[role="alert"]').first()).toBeVisible();
  await checkEach('submit.manual+errors');
  await action(kiosk, 'back').tap();
  await presentCard(kiosk);
  await action(kiosk, 'next').tap();
  await expect(kiosk.screen('submit.form').locator('[role="alert"]').first()).toBeVisible();
  await checkEach('submit.form+errors');
  await fillForm(kiosk);
  await kiosk.screen('submit.form').locator('#form-reason').tap();
  await expect(kiosk.screen('submit.form').locator('.osk')).toBeVisible();
  await checkEach('submit.form+keyboard');
  await formNext(kiosk);
  await checkEach();
  await kiosk.screen('submit.scan').locator('[data-source="feeder"]').tap();
  await kiosk.sim.scanner({ feederSheets: 0 });
  await press('submit.scan', 'scan.start');
  await expect(kiosk.screen('submit.scan')).toHaveAttribute('data-state', 'failed');
  await checkEach('submit.scan+failed');
  await kiosk.sim.scanner({ feederSheets: 50 });
  await press('submit.scan', 'scan.dismiss');
  await scanPage();
  await checkEach('submit.scan+pages');
  await press('submit.scan', 'scan.done');
  await expect(kiosk.screen('submit.scan').locator('[data-page]')).toHaveCount(0);
  await scanPage();
  await press('submit.scan', 'scan.done');
  await expect(kiosk.screen('submit.delivery')).toBeVisible();
  await kiosk.screen('submit.delivery').locator('[data-method="postal"]').tap();
  await expect(kiosk.screen('submit.delivery').getByTestId('postage-note')).toBeVisible();
  await checkEach('submit.delivery+postal');
  await action(kiosk, 'next').tap();
  await expect(kiosk.screen('submit.consent')).toBeVisible();
  await checkEach();
  for (const box of await kiosk.screen('submit.consent').locator('[data-purpose]').all()) await box.tap();
  await action(kiosk, 'agree').tap();
  await expect(kiosk.screen('submit.review')).toBeVisible();
  await checkEach();
  await kiosk.sim.printer({ paper: 'out' });
  await action(kiosk, 'confirm').tap();
  await expect(kiosk.screen('submit.receipt')).toHaveAttribute('data-state', 'failed');
  await checkEach('submit.receipt+failed');
  await curated('receipt-qr');
  await kiosk.sim.printer({ paper: 'ok' });
  await press('submit.receipt', 'receipt.reprint');
  await expect(kiosk.screen('submit.receipt')).toHaveAttribute('data-state', 'printed');
  await checkEach();
  await press('submit.receipt', 'receipt.rate');
  await expect(kiosk.screen('submit.rating')).toBeVisible();
  await kiosk.screen('submit.rating').locator('#rating-comment').tap();
  await expect(kiosk.screen('submit.rating').locator('.osk')).toBeVisible();
  await checkEach('submit.rating+keyboard');
  await kiosk.screen('submit.rating').locator('[data-level="2"]').tap();
  await press('submit.rating', 'rating.send');
  await expect(kiosk.screen('submit.rating')).toHaveAttribute('data-state', 'thanks');
  // the thank-you moves on by itself after 8 s: the checks fit well within
  await checkEach('submit.rating+thanks');
  await press('submit.rating', 'rating.continue');
  await expect(kiosk.screen('attract')).toBeVisible();

  // the idle warning over a screen: a new session (no preferences), the language and each
  // variant chosen on home before the warning comes (it covers the toolbar)
  await kiosk.startSession();
  prefs = { largeText: false, highContrast: false };
  await expect(toolbar.locator('[aria-pressed="true"]')).toHaveCount(0);
  if (lang === 'en') await home.getByRole('button', { name: 'English', exact: true }).tap();
  for (const mode of modes) {
    await setPrefs(prefsOf(mode));
    await expect(kiosk.overlay('idleWarning')).toBeVisible({ timeout: 10_000 });
    await check(kiosk, [mode]);
    await kiosk.keepAlive();
  }
  await home.getByRole('button', { name: L('home.end'), exact: true }).tap();
  await expect(kiosk.screen('attract')).toBeVisible();
};

// Vietnamese, with and without high contrast; English with large text: each language and each mode
const modes = (process.env.E2E_A11Y_MODES?.split(',') ?? ['vi', 'vi-high-contrast', 'en-large-text']) as Mode[];
for (const lang of ['vi', 'en'] as const) {
  const walk = modes.filter((m) => m.startsWith(lang));
  if (walk.length === 0) continue;
  test(`axe: every resident screen, ${walk.join(', ')}`, async ({ kiosk }) => {
    await residentTour(kiosk, lang, walk);
    for (const mode of walk) {
      const mine = findings.filter((f) => f.mode === mode);
      await report(mode);
      expect.soft(mine, `axe violations in ${mode}: ${JSON.stringify(mine, null, 1)}`).toEqual([]);
    }
  });
}

test('axe: the PIN pad and every diagnostics screen', async ({ kiosk, page }) => {
  await kiosk.open();
  const hotspot = page.getByTestId('corner-hotspot');
  for (let i = 0; i < 5; i++) await hotspot.tap();
  await expect(kiosk.screen('pinPad')).toBeVisible();
  await check(kiosk, ['diagnostics']);
  await page.getByRole('button', { name: vi('pin.cancel'), exact: true }).tap();
  await kiosk.unlock(e2ePins.technician);
  await expect(kiosk.screen('diag.devices')).toBeVisible();
  for (const tab of ['devices', 'queue', 'network', 'config', 'logs', 'system', 'stats', 'audit']) {
    await page.locator(`[data-tab="${tab}"]`).tap();
    await expect(kiosk.screen(`diag.${tab}`)).not.toHaveAttribute('aria-busy', 'true', { timeout: 15_000 });
    await check(kiosk, ['diagnostics']);
  }
  await page.getByRole('button', { name: vi('diag.exit'), exact: true }).tap();
  await expect(kiosk.screen('attract')).toBeVisible();
  const mine = findings.filter((f) => f.mode === 'diagnostics');
  await report('diagnostics');
  expect(mine, `axe violations: ${JSON.stringify(mine, null, 1)}`).toEqual([]);
});

