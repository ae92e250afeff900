import { expect, test } from './kiosk-fixture.js';

// test-fast.json: idleSeconds 15, warningSeconds 10, so the warning shows 5 s after the last
// touch and the session ends 10 s later. The core owns that clock; we only watch the screen.

test('attract → touch → home → idle warning counts down → expires → attract, wiped', async ({ kiosk, page }) => {
  await kiosk.open();
  expect(await page.evaluate(() => performance.getEntriesByName('kiosk:attract-painted').length)).toBe(1);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await kiosk.snap('attract');

  await kiosk.startSession();
  // something to wipe: the language is part of the session
  await page.getByRole('button', { name: 'English' }).tap();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  const warning = kiosk.overlay('idleWarning');
  await expect(warning).toBeVisible({ timeout: 10_000 });
  await expect(warning.getByTestId('idle-countdown')).toContainText(/\d+/);
  const first = await kiosk.countdownSeconds();
  expect(first).toBeGreaterThan(0);
  expect(first).toBeLessThanOrEqual(10);
  await expect.poll(() => kiosk.countdownSeconds(), { timeout: 5_000 }).toBeLessThan(first);

  await expect(kiosk.screen('attract')).toBeVisible({ timeout: 15_000 });
  await expect(warning).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByText('Chạm vào màn hình để bắt đầu')).toBeVisible();
});

test('“Tôi vẫn đang sử dụng” keeps the session and restarts the countdown; End returns to attract', async ({ kiosk, page }) => {
  await kiosk.open();
  await kiosk.startSession();
  const warning = kiosk.overlay('idleWarning');
  await expect(warning).toBeVisible({ timeout: 10_000 });
  await expect(warning.getByTestId('idle-countdown')).toHaveText(/Phiên sẽ kết thúc sau \d+ giây/);
  await expect(warning).toHaveAttribute('role', 'alertdialog');
  await kiosk.snap('idle-warning');

  await warning.getByRole('button', { name: 'Tôi vẫn đang sử dụng' }).tap();
  await expect(warning).toBeHidden();
  await expect(kiosk.screen('home')).toBeVisible();

  // the core pushed the deadline back: the warning returns with a fresh countdown, not an expiry
  await expect(warning).toBeVisible({ timeout: 10_000 });
  expect(await kiosk.countdownSeconds()).toBeGreaterThanOrEqual(9);
  await expect(kiosk.screen('home')).toBeVisible();

  await warning.getByRole('button', { name: 'Tôi vẫn đang sử dụng' }).tap();
  await expect(warning).toBeHidden();
  await page.getByRole('button', { name: 'Kết thúc' }).tap();
  await expect(kiosk.screen('attract')).toBeVisible();
});
