import { expect, test } from './kiosk-fixture.js';

const choices = ['Nộp hồ sơ', 'Tra cứu hồ sơ', 'Hướng dẫn thủ tục', 'Đánh giá', 'Hỗ trợ'];

test('every home choice says it is not available yet, what still works, and Back returns home', async ({ kiosk, page }) => {
  await kiosk.open();
  await kiosk.startSession();
  const home = kiosk.screen('home');
  const notAvailable = kiosk.screen('notAvailable');
  await expect(home.locator('[data-choice]')).toHaveCount(choices.length);

  for (const [i, label] of choices.entries()) {
    await home.getByRole('button', { name: new RegExp(`^${label}`) }).tap();
    await expect(notAvailable).toBeVisible();
    await expect(notAvailable.getByRole('heading', { name: 'Chức năng này chưa có trên ki-ốt này' })).toBeVisible();
    await expect(notAvailable.getByText(label, { exact: true })).toBeVisible();
    await expect(notAvailable.getByText('dichvucong.gov.vn')).toBeVisible();
    // the hotline from kiosk-config/sites/test-fast.json
    await expect(notAvailable.getByText(/1022/)).toBeVisible();
    if (i === 0) await kiosk.snap('not-available');
    await notAvailable.getByRole('button', { name: 'Quay lại' }).tap();
    await expect(home).toBeVisible();
  }
  await page.getByRole('button', { name: 'Kết thúc' }).tap();
  await expect(kiosk.screen('attract')).toBeVisible();
});
