import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { formatDay, formatSubmittedAt } from '../../../../renderer/flows/receipt/receipt-format.js';
import { ReceiptStep } from '../../../../renderer/flows/receipt/ReceiptStep.js';
import { receiptMachine, type PrintReceiptInput } from '../../../../renderer/flows/receipt/receipt-machine.js';
import type { ReceiptStepInput } from '../../../../renderer/flows/step-types.js';
import { t, type MessageKey, type MessageParams } from '../../../../renderer/i18n/index.js';
import { initialContext } from '../../../../renderer/machines/root-machine.js';
import { FakePrinter, receiptInput } from './receipt-fixture.js';

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;').replace(/</g, '&lt;');

const shown = async (printer: FakePrinter, input: ReceiptStepInput = receiptInput(), locale: 'vi' | 'en' = 'vi') => {
  const actor = createActor(
    receiptMachine.provide({
      actors: { printReceipt: fromPromise<{ printed: true }, PrintReceiptInput>(({ input }) => printer.print(input.localCode)) },
    }),
    { input },
  );
  actor.start();
  await waitFor(actor, (s) => !s.matches('printing'), { timeout: 1000 });
  const render = () =>
    renderToStaticMarkup(
      createElement(ReceiptStep, {
        actor,
        context: { ...initialContext(), locale },
        send: () => undefined,
        tr: (key: MessageKey, params?: MessageParams) => t(locale, key, params),
      }),
    );
  return { actor, render };
};

describe('receipt dates', () => {
  it('gives the submitted time in Vietnam time, whatever the instant’s zone', () => {
    expect(formatSubmittedAt('2026-01-05T02:30:00.000Z', 'vi')).toEqual({ date: 'Thứ Hai, 05/01/2026', time: '09:30' });
    // 17:30 UTC is already the next day in Vietnam
    expect(formatSubmittedAt('2026-01-04T17:30:00.000Z', 'vi')).toEqual({ date: 'Thứ Hai, 05/01/2026', time: '00:30' });
    expect(formatSubmittedAt('2026-01-05T02:30:00.000Z', 'en')).toEqual({ date: 'Monday, 05/01/2026', time: '09:30' });
    expect(formatSubmittedAt('not a date', 'vi')).toBeNull();
  });

  it('keeps an appointment day as it is, with its weekday', () => {
    expect(formatDay('2026-01-12', 'vi')).toBe('Thứ Hai, 12/01/2026');
    expect(formatDay('2026-02-06', 'en')).toBe('Friday, 06/02/2026');
    expect(formatDay('12/01/2026', 'vi')).toBeNull();
  });
});

describe('receipt screen', () => {
  it('confirms the dossier with its code, procedure, times, what happens next and the hotline', async () => {
    const { render } = await shown(new FakePrinter());
    const page = render();
    expect(page).toContain('data-screen="submit.receipt"');
    expect(page).toContain('data-state="printed"');
    expect(page.match(/<h1/g)).toHaveLength(1);
    expect(page).toContain(`>${t('vi', 'receipt.title')}</h1>`);
    expect(page).toContain('KT01-260105-0007');
    expect(page).toContain('Đăng ký kết hôn');
    expect(page).toContain('09:30, Thứ Hai, 05/01/2026');
    expect(page).toContain('Thứ Hai, 12/01/2026');
    expect(page).toContain(t('vi', 'receipt.next.forward'));
    expect(page).toContain(html(t('vi', 'receipt.hotline', { phone: '1900 1234', hours: '7:30–17:00' })));
    expect(page).toContain(t('vi', 'receipt.printed'));
    // printed: no need for the large QR
    expect(page).not.toContain('<svg');
  });

  it('says the appointment is to be confirmed at the counter when there is none', async () => {
    const { render } = await shown(new FakePrinter(), receiptInput({ appointmentDate: null }), 'en');
    expect(render()).toContain('To be confirmed at the counter');
  });

  it('out of paper: says what to do, shows the code large and its QR, and offers to print again', async () => {
    const printer = new FakePrinter();
    printer.media = 'out';
    const { actor, render } = await shown(printer);
    const page = render();
    expect(page).toContain('class="screen receipt receipt--large"');
    expect(page).toContain('data-error="PaperOut"');
    expect(page).toContain(html(t('vi', 'receipt.error.PaperOut')));
    expect(page).toContain(t('vi', 'receipt.failed.keep'));
    expect(page).toContain(`aria-label="${t('vi', 'receipt.qr.label', { code: 'KT01-260105-0007' })}"`);
    expect(page).toContain(`class="button button--primary">${t('vi', 'receipt.reprint')}</button>`);

    printer.loadPaper();
    actor.send({ type: 'core.deviceStatus', devices: printer.status() });
    expect(render()).toContain(html(t('vi', 'receipt.printerReady')));
    actor.send({ type: 'receipt.reprint' });
    await waitFor(actor, (s) => s.matches('printed'), { timeout: 1000 });
    expect(render()).not.toContain('receipt--large');
  });
});
