import { expect, test } from './kiosk-fixture.js';
import { action, deliverAndConsent, fillForm, formNext, presentCard, scanComponents, startSubmit, vi } from './journey-steps.js';

// Devices failing in the middle of a resident's journey, driven through the simulators: the
// dossier is never lost and the screen says what to do.

test.afterEach(async ({ kiosk }) => {
  await kiosk.sim.printer({ paper: 'ok' });
  await kiosk.sim.scanner({ feederSheets: 50, fault: null });
  await kiosk.city.clearFaults();
});

test('printer out of paper at the receipt: code and QR shown large, reprint works once paper is loaded', async ({ kiosk }) => {
  await kiosk.open();
  await kiosk.startSession();
  await startSubmit(kiosk);
  await presentCard(kiosk);
  await fillForm(kiosk);
  await formNext(kiosk);
  await scanComponents(kiosk);
  await deliverAndConsent(kiosk);
  const before = (await kiosk.sim.receipts()).length;
  // the paper runs out after the devices check, while the resident reviews
  await kiosk.sim.printer({ paper: 'out' });
  await action(kiosk, 'confirm').tap();

  const receipt = kiosk.screen('submit.receipt');
  await expect(receipt).toHaveAttribute('data-state', 'failed');
  await expect(receipt.getByRole('alert')).toHaveAttribute('data-error', 'PaperOut');
  await expect(receipt).toHaveClass(/receipt--large/);
  const code = ((await receipt.getByTestId('receipt-code').textContent()) ?? '').trim();
  expect(code).toMatch(/^TEST01-\d{6}-\d{4}$/);
  const qr = receipt.locator('.receipt__qr');
  await expect(qr).toBeVisible();
  // "large": the QR takes a good part of the screen's width, so a phone can photograph it
  expect((await qr.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(300);
  await expect(qr).toHaveAccessibleName(new RegExp(code));
  await kiosk.snap('receipt-paper-out');
  expect(await kiosk.sim.receipts()).toHaveLength(before);

  await kiosk.sim.printer({ paper: 'ok' });
  await receipt.getByRole('button', { name: vi('receipt.reprint'), exact: true }).tap();
  await expect(receipt).toHaveAttribute('data-state', 'printed');
  await expect.poll(async () => (await kiosk.sim.receipts()).length).toBe(before + 1);
  expect((await kiosk.sim.receipts()).at(-1)?.text).toContain(code);
  await receipt.getByRole('button', { name: vi('receipt.finish'), exact: true }).tap();
  await expect(kiosk.screen('attract')).toBeVisible();
});

test('feeder empty while scanning: said so, then the pages that fit are kept and the rest asked for', async ({ kiosk }) => {
  await kiosk.open();
  await kiosk.startSession();
  await startSubmit(kiosk);
  await presentCard(kiosk);
  await fillForm(kiosk);
  await formNext(kiosk);
  const scan = kiosk.screen('submit.scan');
  // the first (optional) paper, through the feeder, which holds nothing
  await scan.locator('[data-source="feeder"]').tap();
  await kiosk.sim.scanner({ feederSheets: 0 });
  await scan.getByRole('button', { name: vi('scan.start'), exact: true }).tap();
  await expect(scan).toHaveAttribute('data-state', 'failed');
  await expect(scan.getByRole('alert')).toHaveAttribute('data-error', 'FeederEmpty');
  await kiosk.snap('scan-feeder-empty');
  // one sheet loaded for a two-page paper: one page kept, the missing one asked for
  await kiosk.sim.scanner({ feederSheets: 1 });
  await scan.getByRole('button', { name: vi('scan.retry'), exact: true }).tap();
  await expect(scan).toHaveAttribute('data-state', 'ready');
  await expect(scan.locator('[data-page]')).toHaveCount(1);
  await expect(scan.getByTestId('feeder-empty')).toBeVisible();
  await scan.getByRole('button', { name: vi('common.back'), exact: true }).tap();
  await expect(kiosk.screen('submit.form')).toBeVisible();
  await action(kiosk, 'cancel').tap();
  await kiosk.page.locator('[data-overlay="submitCancel"] [data-action="confirmCancel"]').tap();
  await expect(kiosk.screen('home')).toBeVisible();
});

test('the reader sends garbage: the identify screen says the card could not be read; a good card then works', async ({ kiosk }) => {
  await kiosk.open();
  await kiosk.startSession();
  await startSubmit(kiosk);
  const identify = kiosk.screen('submit.identify');
  await kiosk.sim.presentGarbage();
  const problem = identify.locator('.problem[role="alert"]');
  await expect(problem).toBeVisible();
  await expect(problem).toContainText(vi('submit.identify.readFailed'));
  await expect(identify).not.toHaveAttribute('aria-busy', 'true');
  await kiosk.snap('identify-unreadable');
  // a card whose data fails the rules (29 February 2001) is refused with the reason
  await kiosk.sim.presentSample(4);
  await expect(problem).toBeVisible();
  await expect(kiosk.screen('submit.form')).toHaveCount(0);
  await presentCard(kiosk, 1);
  await expect(kiosk.screen('submit.form').getByTestId('identity-facts')).toContainText('Trần Thị Bích Ngọc');
  await action(kiosk, 'cancel').tap();
  await kiosk.page.locator('[data-overlay="submitCancel"] [data-action="confirmCancel"]').tap();
  await expect(kiosk.screen('home')).toBeVisible();
});

test('the city down during track: the last known status is shown, and said to be the last known', async ({ kiosk, page }) => {
  await kiosk.open();
  await kiosk.startSession();
  // a dossier the city knows: submitted, then forwarded by the outbox
  const { submitWithCard } = await import('./journey-steps.js');
  const code = await submitWithCard(kiosk);
  await kiosk.screen('submit.receipt').getByRole('button', { name: vi('receipt.finish'), exact: true }).tap();
  await expect(kiosk.screen('attract')).toBeVisible();
  await kiosk.startSession();
  const track = async () => {
    await kiosk.screen('home').locator('[data-choice="track"]').tap();
    await kiosk.screen('track.code').locator('input').fill(code);
    await kiosk.screen('track.code').getByRole('button', { name: vi('track.code.check'), exact: true }).tap();
    await expect(kiosk.screen('track.result')).toBeVisible({ timeout: 15_000 });
  };
  // until the city has the dossier and answered once, there is no status to remember
  await expect
    .poll(
      async () => {
        await track();
        const city = await kiosk.screen('track.result').getAttribute('data-city');
        await kiosk.screen('track.result').getByRole('button', { name: vi('track.home'), exact: true }).tap();
        return city;
      },
      { timeout: 40_000, intervals: [1000, 2000, 3000] },
    )
    .toBe('current');
  const status = await kiosk.city.records();
  expect(status.dossiers.some((d) => d.localCode === code)).toBe(true);

  await kiosk.city.offline(true);
  await track();
  const result = kiosk.screen('track.result');
  await expect(result).toHaveAttribute('data-city', 'lastKnown');
  await expect(result.locator('[data-status]')).toBeVisible();
  await expect(result).toContainText(code);
  await kiosk.snap('track-city-down');
  await kiosk.city.offline(false);
  await result.getByRole('button', { name: vi('track.home'), exact: true }).tap();
  await page.getByRole('button', { name: vi('home.end'), exact: true }).tap();
});
