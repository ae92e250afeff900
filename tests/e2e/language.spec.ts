import { expect, test } from './kiosk-fixture.js';

test('language switch vi → en → vi changes the words and <html lang>', async ({ kiosk, page }) => {
  await kiosk.open();
  await kiosk.startSession();
  const html = page.locator('html');
  const home = kiosk.screen('home');

  await expect(html).toHaveAttribute('lang', 'vi');
  await expect(home.getByRole('heading', { name: 'Xin chào! Bạn cần làm gì?' })).toBeVisible();
  await expect(home.getByRole('button', { name: /Nộp hồ sơ/ })).toBeVisible();
  await expect(home.getByRole('button', { name: 'Tiếng Việt' })).toHaveAttribute('aria-pressed', 'true');
  await kiosk.snap('home-vi');

  await home.getByRole('button', { name: 'English' }).tap();
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(home.getByRole('heading', { name: 'Hello! What would you like to do?' })).toBeVisible();
  await expect(home.getByRole('button', { name: /Submit a dossier/ })).toBeVisible();
  await expect(home.getByText('Xin chào! Bạn cần làm gì?')).toHaveCount(0);
  await expect(home.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await kiosk.snap('home-en');

  await home.getByRole('button', { name: 'Tiếng Việt' }).tap();
  await expect(html).toHaveAttribute('lang', 'vi');
  await expect(home.getByRole('heading', { name: 'Xin chào! Bạn cần làm gì?' })).toBeVisible();
  await expect(home.getByText('Hello! What would you like to do?')).toHaveCount(0);

  await home.getByRole('button', { name: 'Kết thúc' }).tap();
  await expect(kiosk.screen('attract')).toBeVisible();
});

test('the page draws its words in the bundled Be Vietnam Pro, Vietnamese subset included', async ({ kiosk, page }) => {
  await kiosk.open();
  await kiosk.startSession();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const loaded = await page.evaluate(() =>
    [...document.fonts].filter((f) => f.status === 'loaded' && f.family.replace(/"/g, '') === 'Be Vietnam Pro').map((f) => f.unicodeRange),
  );
  // one face covering the Vietnamese letters (U+1EA0–1EF9) and one covering basic Latin
  expect(loaded.some((r) => /U\+1EA0-1EF9/i.test(r))).toBe(true);
  expect(loaded.some((r) => /U\+0-FF\b|U\+0000-00FF/i.test(r))).toBe(true);
  const family = await kiosk.screen('home').getByRole('heading').evaluate((el) => getComputedStyle(el).fontFamily);
  expect(family).toMatch(/^"?Be Vietnam Pro"?/);
  await kiosk.screen('home').getByRole('button', { name: 'Kết thúc' }).tap();
});
