import { e2ePins } from './e2e-env.js';
import { expect, test } from './kiosk-fixture.js';
import { vi } from './journey-steps.js';

// The technician's diagnostics (issue #6) with the simulators: every tab, a device test, and the
// role split (the officer's PIN opens assisted mode, never diagnostics). The PIN lockout is in
// zz-pin-lockout.spec.ts: it locks PIN entry for the rest of the run.

const tabs = ['devices', 'queue', 'network', 'config', 'logs', 'system', 'stats', 'audit'] as const;

test('every diagnostics tab with the simulators: devices, queue, network, config, logs, system, stats, audit', async ({ kiosk, page }) => {
  await kiosk.open();
  await kiosk.unlock(e2ePins.technician);
  await expect(kiosk.screen('diag.devices')).toBeVisible();
  // the three simulated devices, each with its state in words
  const devices = kiosk.screen('diag.devices');
  for (const id of ['printer', 'scanner', 'idReader']) await expect(devices.locator(`[data-device="${id}"]`)).toBeVisible();
  await kiosk.snap('diag-devices', { curated: true });

  // a test print goes to the printer simulator
  const printed = (await kiosk.sim.receipts()).length;
  await devices.getByRole('button', { name: vi('diag.print.run'), exact: true }).tap();
  await expect(devices.locator('[data-result="print"]')).toBeVisible({ timeout: 15_000 });
  await expect.poll(async () => (await kiosk.sim.receipts()).length).toBeGreaterThan(printed);

  for (const tab of tabs) {
    await page.locator(`[data-tab="${tab}"]`).tap();
    const screen = kiosk.screen(`diag.${tab}`);
    await expect(screen).toBeVisible();
    await expect(page.locator(`[data-tab="${tab}"]`)).toHaveAttribute('aria-current', 'page');
    await expect(screen).not.toHaveAttribute('aria-busy', 'true', { timeout: 15_000 });
    await expect(screen.locator('.diag-failure')).toHaveCount(0);
    // the city simulator is up: the network tab says it is reachable
    if (tab === 'network') await expect(screen.locator('[data-reachable]')).toHaveAttribute('data-reachable', 'true');
    await kiosk.snap(`diag-${tab}`, { curated: tab === 'queue' });
  }

  await page.getByRole('button', { name: vi('diag.exit'), exact: true }).tap();
  await expect(kiosk.screen('attract')).toBeVisible();
});

test('role split: the officer PIN does not open diagnostics; it opens assisted mode, with its banner', async ({ kiosk, page }) => {
  await kiosk.open();
  await kiosk.unlock(e2ePins.officer, 'officer');
  await expect(kiosk.screen('attract')).toBeVisible();
  await expect(page.locator('[data-screen^="diag."]')).toHaveCount(0);
  const banner = page.getByTestId('assisted-mode');
  await expect(banner).toBeVisible();
  await kiosk.startSession();
  await expect(banner).toBeVisible();
  await kiosk.snap('assisted-home');
  // the technician's PIN under the officer role is refused: roles do not share PINs
  await banner.getByRole('button', { name: vi('assisted.end'), exact: true }).tap();
  await expect(banner).toBeHidden();
  await kiosk.unlock(e2ePins.technician, 'officer');
  await expect(kiosk.screen('pinPad').getByRole('alert')).toHaveText(vi('pin.rejected'));
  await page.getByRole('button', { name: vi('pin.cancel'), exact: true }).tap();
  await expect(kiosk.screen('attract')).toBeVisible();
});
