import { expect, test } from './kiosk-fixture.js';

// Each home choice opens its flow on the flow's first screen; Back (or Home) returns home.
const choices = [
  { label: 'Nộp hồ sơ', screen: 'submit.choose' },
  { label: 'Tra cứu hồ sơ', screen: 'track.code' },
  { label: 'Hướng dẫn thủ tục', screen: 'guide.categories' },
  { label: 'Đánh giá', screen: 'rate.code' },
  { label: 'Hỗ trợ', screen: 'help.topics' },
] as const;

test('every home choice opens its flow, and Back returns home', async ({ kiosk, page }) => {
  await kiosk.open();
  await kiosk.startSession();
  const home = kiosk.screen('home');
  await expect(home.locator('[data-choice]')).toHaveCount(choices.length);

  for (const { label, screen } of choices) {
    await home.getByRole('button', { name: new RegExp(`^${label}`) }).tap();
    const flow = kiosk.screen(screen);
    await expect(flow).toBeVisible();
    await expect(flow.getByRole('heading', { level: 1 })).toHaveCount(1);
    await flow.getByRole('button', { name: /^Quay lại$/ }).tap();
    await expect(home).toBeVisible();
  }
  await page.getByRole('button', { name: 'Kết thúc' }).tap();
  await expect(kiosk.screen('attract')).toBeVisible();
});
