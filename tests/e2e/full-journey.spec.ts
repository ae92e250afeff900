import { e2ePins } from './e2e-env.js';
import { expect, test } from './kiosk-fixture.js';
import {
  action,
  confirmDossier,
  deliverAndConsent,
  fillForm,
  formNext,
  presentCard,
  scanComponents,
  scanOnePage,
  startSubmit,
  submitWithCard,
  typeDigits,
  typeOnKeyboard,
  vi,
} from './journey-steps.js';

// A resident's whole visit, as issue #5 tells it: a dossier with the CCCD on the reader, one
// typed by hand with Telex on the on-screen keyboard, the receipt, the rating, tracking the
// code; then an officer's assisted dossier, which carries channel kiosk-assisted.

test.setTimeout(180_000);

test('attract → CCCD on the reader → form → scan → postal → consent → review (edit) → receipt → rating → end; track it', async ({ kiosk, page }) => {
  await kiosk.open();
  await kiosk.snap('attract', { curated: true });
  await kiosk.startSession();
  await kiosk.snap('home', { curated: true });

  await startSubmit(kiosk);
  await kiosk.snap('identify', { curated: true });
  await presentCard(kiosk, 0);
  const form = kiosk.screen('submit.form');
  await expect(form.getByTestId('identity-facts')).toContainText('Nguyễn Văn An');
  await expect(form.getByTestId('identity-facts')).toContainText('001090123456');
  await fillForm(kiosk);
  // the on-screen keyboard docks under the field being typed
  await form.locator('#form-guardianshipRegistrationPlace').tap();
  await expect(form.locator('.osk')).toBeVisible();
  await kiosk.snap('form-keyboard', { curated: true });
  await form.locator('.osk [data-key="done"]').tap();
  await formNext(kiosk);

  // the optional paper is skipped, the required one scanned: its thumbnail shows
  const scan = kiosk.screen('submit.scan');
  await scan.getByRole('button', { name: vi('scan.skip'), exact: true }).tap();
  await expect(scan).toHaveAttribute('data-state', 'ready');
  await scanOnePage(kiosk);
  await scanOnePage(kiosk);
  await expect(scan.locator('img.scan__thumb')).toHaveCount(2);
  await kiosk.snap('scan-thumbnails', { curated: true });
  await scan.getByRole('button', { name: vi('scan.done'), exact: true }).tap();
  await expect(kiosk.screen('submit.delivery')).toBeVisible();

  // by public postal service: name and address come from the card
  const delivery = kiosk.screen('submit.delivery');
  await delivery.locator('[data-method="postal"]').tap();
  await expect(delivery.locator('#delivery-recipientName')).toHaveValue('Nguyễn Văn An');
  await expect(delivery.locator('#delivery-phone')).toHaveValue('0912345678');
  await action(kiosk, 'next').tap();
  const consent = kiosk.screen('submit.consent');
  await expect(consent).toBeVisible();
  // nothing ticked beforehand; "I agree" waits for every purpose
  await expect(consent.locator('input[type="checkbox"]:checked')).toHaveCount(0);
  await expect(action(kiosk, 'agree')).toBeDisabled();
  for (const box of await consent.locator('[data-purpose]').all()) await box.tap();
  await kiosk.snap('consent', { curated: true });
  await action(kiosk, 'agree').tap();

  // review, then edit one step: the phone, and back to review with the change
  const review = kiosk.screen('submit.review');
  await expect(review).toBeVisible();
  await expect(review.locator('[data-section="delivery"]')).toContainText(vi('submit.delivery.postal'));
  await review.locator('[data-edit="form"]').tap();
  await expect(form).toBeVisible();
  await form.locator('#contact-phone').fill('0987654321');
  await action(kiosk, 'next').tap();
  await expect(review).toBeVisible();
  await expect(review.locator('[data-section="form"]')).toContainText('0987654321');
  await kiosk.snap('review', { curated: true });

  const printedBefore = (await kiosk.sim.receipts()).length;
  const code = await confirmDossier(kiosk);
  expect(code).toMatch(/^TEST01-\d{6}-\d{4}$/);
  await kiosk.snap('receipt-printed');
  // the printer simulator decoded what it received: the receipt carries the code
  await expect.poll(async () => (await kiosk.sim.receipts()).length).toBe(printedBefore + 1);
  expect((await kiosk.sim.receipts()).at(-1)?.text).toContain(code);

  // rating: one of three levels, sent; the thank-you; the session ends
  const receipt = kiosk.screen('submit.receipt');
  await receipt.getByRole('button', { name: vi('receipt.rate'), exact: true }).tap();
  const rating = kiosk.screen('submit.rating');
  await expect(rating).toHaveAttribute('data-state', 'choosing');
  await rating.locator('[data-level="1"]').tap();
  await expect(rating.locator('[data-level="1"]')).toHaveAttribute('aria-pressed', 'true');
  await rating.getByRole('button', { name: vi('rating.send'), exact: true }).tap();
  await expect(rating).toHaveAttribute('data-state', 'thanks');
  await rating.getByRole('button', { name: vi('rating.continue'), exact: true }).tap();
  await expect(kiosk.screen('attract')).toBeVisible();

  // a new visit: track the code (the kiosk holds it; the city may not have it yet)
  await kiosk.startSession();
  await kiosk.screen('home').locator('[data-choice="track"]').tap();
  const track = kiosk.screen('track.code');
  for (const ch of code) await track.locator(`[data-key="${ch}"]`).tap();
  await expect(track.locator('input')).toHaveValue(code);
  await track.getByRole('button', { name: vi('track.code.check'), exact: true }).tap();
  const result = kiosk.screen('track.result');
  await expect(result).toBeVisible({ timeout: 15_000 });
  await expect(result).toContainText(code);
  await kiosk.snap('track-result', { curated: true });
  await result.getByRole('button', { name: vi('track.home'), exact: true }).tap();
  await page.getByRole('button', { name: vi('home.end'), exact: true }).tap();
  await expect(kiosk.screen('attract')).toBeVisible();
});

test('manual entry on the on-screen keyboard with Telex: "Nguyeenx Vawn An" → "Nguyễn Văn An", then submitted', async ({ kiosk }) => {
  await kiosk.open();
  await kiosk.startSession();
  await startSubmit(kiosk);
  await action(kiosk, 'manual').tap();
  const manual = kiosk.screen('submit.manual');
  await expect(manual).toBeVisible();
  // the keyboard opens on the first field (the ID number: digits)
  await typeDigits(kiosk, '001090123456');
  await expect(manual.locator('#manual-idNumber')).toHaveValue('001090123456');
  await manual.locator('#manual-fullName').tap();
  await expect(manual.locator('.osk [data-key="telex"]')).toHaveAttribute('aria-pressed', 'true');
  await typeOnKeyboard(kiosk, 'Nguyeenx Vawn An');
  await expect(manual.locator('#manual-fullName')).toHaveValue('Nguyễn Văn An');
  await manual.locator('#manual-dateOfBirth').tap();
  await typeDigits(kiosk, '01011990');
  await expect(manual.locator('#manual-dateOfBirth')).toHaveValue('01/01/1990');
  await manual.locator('[data-sex="male"]').tap();
  await manual.locator('#manual-address').tap();
  await typeOnKeyboard(kiosk, 'So 12 phoos Hangf Bacj');
  await expect(manual.locator('#manual-address')).toHaveValue('So 12 phố Hàng Bạc');
  await manual.locator('#manual-issueDate').tap();
  await typeDigits(kiosk, '15042021');
  await kiosk.snap('manual-entry');
  await action(kiosk, 'next').tap();

  const form = kiosk.screen('submit.form');
  await expect(form).toBeVisible();
  await expect(form.getByTestId('identity-facts')).toContainText('Nguyễn Văn An');
  await fillForm(kiosk);
  await formNext(kiosk);
  await scanComponents(kiosk);
  await deliverAndConsent(kiosk, 'counter');
  const code = await confirmDossier(kiosk);
  expect(code).toMatch(/^TEST01-/);
  await kiosk.screen('submit.receipt').getByRole('button', { name: vi('receipt.finish'), exact: true }).tap();
  await expect(kiosk.screen('attract')).toBeVisible();
});

test('assisted mode: the officer PIN opens assisted mode (banner), its dossier is marked assisted in the queue', async ({ kiosk, page }) => {
  await kiosk.open();
  await kiosk.unlock(e2ePins.officer, 'officer');
  // the officer's PIN does not open diagnostics: the kiosk goes back to the resident side, with a banner
  await expect(kiosk.screen('attract')).toBeVisible();
  const banner = page.getByTestId('assisted-mode');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('officer-e2e');
  await kiosk.startSession();
  await expect(banner).toBeVisible();
  await startSubmit(kiosk);
  await presentCard(kiosk, 2);
  await fillForm(kiosk);
  await formNext(kiosk);
  await scanComponents(kiosk);
  await deliverAndConsent(kiosk, 'counter');
  await expect(kiosk.screen('submit.review').getByTestId('review-assisted')).toContainText('officer-e2e');
  await kiosk.snap('review-assisted');
  const code = await confirmDossier(kiosk);
  await kiosk.screen('submit.receipt').getByRole('button', { name: vi('receipt.finish'), exact: true }).tap();
  await expect(kiosk.screen('attract')).toBeVisible();
  await expect(banner).toBeVisible();

  // the officer ends assisted mode; a technician finds the dossier in the queue, marked assisted
  await banner.getByRole('button', { name: vi('assisted.end'), exact: true }).tap();
  await expect(banner).toBeHidden();
  await expect(kiosk.screen('attract')).toBeVisible();
  await kiosk.unlock(e2ePins.technician);
  await expect(kiosk.screen('diag.devices')).toBeVisible();
  await page.locator('[data-tab="queue"]').tap();
  const queue = kiosk.screen('diag.queue');
  await expect(queue).toBeVisible();
  const row = queue.locator(`[data-dossier="${code}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(vi('diag.queue.assisted'));
  await page.getByRole('button', { name: vi('diag.exit'), exact: true }).tap();
  await expect(kiosk.screen('attract')).toBeVisible();
  void submitWithCard;
});
