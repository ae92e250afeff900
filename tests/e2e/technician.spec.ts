import { e2ePins } from './e2e-env.js';
import { expect, test } from './kiosk-fixture.js';
import { vi } from './journey-steps.js';

test('5 corner taps → PIN pad → wrong PIN → right PIN → diagnostics → Exit → attract', async ({ kiosk, page }) => {
  await kiosk.open();
  const hotspot = page.getByRole('button', { name: 'Khu vực dành cho kỹ thuật viên' });
  const box = await hotspot.boundingBox();
  expect(box?.x).toBe(0);
  expect(box?.y).toBe(0);
  expect(box?.height).toBeGreaterThanOrEqual(64);
  expect(box?.width).toBeGreaterThanOrEqual(64);

  for (let i = 0; i < 5; i++) await hotspot.tap();
  const pad = kiosk.screen('pinPad');
  await expect(pad).toBeVisible();

  const typePin = async (pin: string) => {
    for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).tap();
  };
  await typePin('1111');
  await expect(pad.getByTestId('pin-dots')).toHaveText('●●●●');
  await expect(pad.getByText('1111')).toHaveCount(0);
  await kiosk.snap('pin-pad');
  await pad.getByRole('button', { name: 'Xác nhận' }).tap();
  await expect(pad.getByRole('alert')).toHaveText('Mã PIN không đúng. Vui lòng thử lại.');
  await expect(pad.getByTestId('pin-dots')).not.toContainText('●');

  await typePin(e2ePins.technician);
  await pad.getByRole('button', { name: 'Xác nhận' }).tap();
  const diagnostics = kiosk.screen('diag.devices');
  await expect(diagnostics).toBeVisible();
  await expect(diagnostics.locator('[data-operator="tech-e2e"]')).toBeVisible();
  await expect(diagnostics.getByText(/TEST01/)).toBeVisible();
  await expect(diagnostics.locator('[data-device]').first()).toBeVisible();

  await diagnostics.getByRole('button', { name: vi('diag.exit'), exact: true }).tap();
  await expect(kiosk.screen('attract')).toBeVisible();
});

test('Cancel on the PIN pad returns to the screen it was opened from', async ({ kiosk, page }) => {
  await kiosk.open();
  await kiosk.startSession();
  await page.getByRole('button', { name: /^Hỗ trợ/ }).tap();
  await expect(kiosk.screen('help.topics')).toBeVisible();
  const hotspot = page.getByRole('button', { name: 'Khu vực dành cho kỹ thuật viên' });
  for (let i = 0; i < 5; i++) await hotspot.tap();
  await expect(kiosk.screen('pinPad')).toBeVisible();
  await page.getByRole('button', { name: 'Hủy' }).tap();
  await expect(kiosk.screen('help.topics')).toBeVisible();
  await page.getByRole('button', { name: 'Quay lại' }).tap();
  await page.getByRole('button', { name: 'Kết thúc' }).tap();
  await expect(kiosk.screen('attract')).toBeVisible();
});
