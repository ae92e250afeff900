import type { Locator } from '@playwright/test';
import { t, type MessageKey, type MessageParams } from '../../renderer/i18n/index.js';
import { expect, type Kiosk } from './kiosk-fixture.js';
import { formValues, submitProcedure } from './model/journey-models.js';

// The resident's journey as a person does it, step by step, for the named specs (full journey,
// device failures, idle wipe, accessibility). Words are the screens' own (renderer/i18n).

export const vi = (key: MessageKey, params?: MessageParams) => t('vi', key, params);
export const en = (key: MessageKey, params?: MessageParams) => t('en', key, params);

export const shown = (kiosk: Kiosk): Locator => kiosk.page.locator('[data-screen]').first();
export const action = (kiosk: Kiosk, name: string): Locator => shown(kiosk).locator(`[data-action="${name}"]`).first();

/** home → Nộp hồ sơ → the procedure → the identify screen (devices checked on the way) */
export const startSubmit = async (kiosk: Kiosk, procedure = submitProcedure) => {
  await kiosk.screen('home').locator('[data-choice="submit"]').tap();
  await kiosk.screen('submit.choose').locator(`[data-procedure="${procedure}"]`).tap();
  await expect(kiosk.screen('submit.identify')).toBeVisible();
};

/** the CCCD (row `sample` of the samples) shown to the simulated QR reader → the form */
export const presentCard = async (kiosk: Kiosk, sample = 0) => {
  await kiosk.sim.presentSample(sample);
  await expect(kiosk.screen('submit.form')).toBeVisible();
};

/** what the card does not fill, typed straight into the fields (a hardware keyboard) */
export const fillForm = async (kiosk: Kiosk) => {
  const form = kiosk.screen('submit.form');
  for (const [kind, id, value] of formValues) await form.locator(`#${kind}-${id}`).fill(value);
};

/** Continue from the form to the first component's scan */
export const formNext = async (kiosk: Kiosk) => {
  await action(kiosk, 'next').tap();
  await expect(kiosk.screen('submit.scan')).toBeVisible();
};

/** On the scan screen: one page on the glass, wait for its thumbnail. */
export const scanOnePage = async (kiosk: Kiosk) => {
  const scan = kiosk.screen('submit.scan');
  await scan.locator('[data-source="flatbed"]').tap();
  const pages = await scan.locator('[data-page]').count();
  await scan.getByRole('button', { name: pages === 0 ? vi('scan.start') : vi('scan.add'), exact: true }).tap();
  await expect(scan.locator('[data-page]')).toHaveCount(pages + 1);
  await expect(scan).toHaveAttribute('data-state', 'ready');
};

/** Every component of the procedure: the optional first one skipped, the required one scanned. */
export const scanComponents = async (kiosk: Kiosk) => {
  const scan = kiosk.screen('submit.scan');
  for (let i = 0; i < 5 && (await scan.isVisible()); i++) {
    const title = await scan.locator('h1').textContent();
    const skip = scan.getByRole('button', { name: vi('scan.skip'), exact: true });
    if (await skip.isVisible()) await skip.tap();
    else {
      await scanOnePage(kiosk);
      await scan.getByRole('button', { name: vi('scan.done'), exact: true }).tap();
    }
    // the next component's scan, or the next step
    await expect.poll(async () => ((await scan.count()) === 0 ? null : await scan.locator('h1').textContent())).not.toBe(title);
  }
  await expect(kiosk.screen('submit.delivery')).toBeVisible();
};

/** delivery (`counter` or `postal`, prefilled from the card) → consent, every purpose ticked → review */
export const deliverAndConsent = async (kiosk: Kiosk, method: 'counter' | 'postal' = 'counter') => {
  const delivery = kiosk.screen('submit.delivery');
  await delivery.locator(`[data-method="${method}"]`).tap();
  if (method === 'postal') await expect(delivery.getByTestId('postage-note')).toBeVisible();
  await action(kiosk, 'next').tap();
  const consent = kiosk.screen('submit.consent');
  await expect(consent).toBeVisible();
  for (const box of await consent.locator('[data-purpose]').all()) await box.tap();
  await action(kiosk, 'agree').tap();
  await expect(kiosk.screen('submit.review')).toBeVisible();
};

/** review → Submit → the receipt; returns the code on it */
export const confirmDossier = async (kiosk: Kiosk, printed: 'printed' | 'failed' = 'printed'): Promise<string> => {
  await action(kiosk, 'confirm').tap();
  const receipt = kiosk.screen('submit.receipt');
  await expect(receipt).toHaveAttribute('data-state', printed);
  return ((await receipt.getByTestId('receipt-code').textContent()) ?? '').trim();
};

/** The whole submission with a card, up to the receipt. */
export const submitWithCard = async (kiosk: Kiosk, opts: { printed?: 'printed' | 'failed'; method?: 'counter' | 'postal' } = {}): Promise<string> => {
  await startSubmit(kiosk);
  await presentCard(kiosk);
  await fillForm(kiosk);
  await formNext(kiosk);
  await scanComponents(kiosk);
  await deliverAndConsent(kiosk, opts.method ?? 'counter');
  return confirmDossier(kiosk, opts.printed ?? 'printed');
};

/** Taps keys of the on-screen keyboard one by one (Telex composes as it goes). */
export const typeOnKeyboard = async (kiosk: Kiosk, text: string) => {
  const osk = shown(kiosk).locator('.osk');
  for (const ch of text) {
    if (ch === ' ') await osk.locator('[data-key="space"]').tap();
    else if (/[A-Z]/.test(ch)) {
      // names capitalise each word by themselves: shift may already be on
      const shift = osk.locator('[data-key="shift"]');
      if ((await shift.getAttribute('aria-pressed')) !== 'true') await shift.tap();
      await osk.locator(`[data-key="${ch.toLowerCase()}"]`).tap();
    } else await osk.locator(`[data-key="${ch}"]`).tap();
  }
};

/** Taps digits on a numeric keypad (dates, phone, ID numbers). */
export const typeDigits = async (kiosk: Kiosk, digits: string) => {
  for (const d of digits.replace(/[^0-9]/g, '')) await shown(kiosk).locator(`.osk [data-key="${d}"]`).tap();
};
