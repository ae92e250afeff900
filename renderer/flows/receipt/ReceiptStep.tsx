import { useSelector } from '@xstate/react';
import type { ActorRefFrom } from 'xstate';
import type { ErrorKind, KioskError } from '../../../common/errors.js';
import type { ScreenProps, Translate } from '../../app/screen-props.js';
import { QrCode } from '../../components/qr/QrCode.js';
import { errorMessageKey, type MessageKey } from '../../i18n/index.js';
import '../../styles/scan-receipt.css';
import { formatDay, formatSubmittedAt } from './receipt-format.js';
import type { receiptMachine } from './receipt-machine.js';

/** Printer errors worded with what to do; other kinds get the kiosk-wide words. */
const printErrorKeys: Partial<Record<ErrorKind, MessageKey>> = {
  PaperOut: 'receipt.error.PaperOut',
  PaperJam: 'receipt.error.PaperJam',
  CoverOpen: 'receipt.error.CoverOpen',
  DeviceOffline: 'receipt.error.DeviceOffline',
  NoDevice: 'receipt.error.NoDevice',
};
const printErrorText = (error: KioskError, tr: Translate): string => tr(printErrorKeys[error.kind] ?? errorMessageKey(error.kind));

/**
 * The dossier is kept: its receipt (data-screen `submit.receipt`; `data-state` printing / printed /
 * failed). When the printer fails, the code and its QR fill the screen so the resident can
 * photograph or copy them; "print again" stays until a print works.
 */
export function ReceiptStep({ actor, context: root, tr }: ScreenProps & { actor: ActorRefFrom<typeof receiptMachine> }) {
  const snapshot = useSelector(actor, (s) => s);
  const { input, error, printerReady } = snapshot.context;
  const locale = root.locale;
  const printing = snapshot.matches('printing');
  const printed = snapshot.matches('printed');
  // a reprint after a failure keeps the code and QR on screen until it works
  const large = error !== null;
  const submitted = formatSubmittedAt(input.submittedAt, locale);
  const appointment = input.appointmentDate ? formatDay(input.appointmentDate, locale) : null;
  const qrLabel = tr('receipt.qr.label', { code: input.localCode });

  return (
    <main className={large ? 'screen receipt receipt--large' : 'screen receipt'} data-screen="submit.receipt" data-state={String(snapshot.value)} aria-busy={printing}>
      {/* focusable: this part scrolls when the QR fills the screen (axe: scrollable-region-focusable) */}
      <header className="screen__top receipt__top" tabIndex={0}>
        <h1 className="title">{tr('receipt.title')}</h1>
        <p className="lead">{tr('receipt.lead')}</p>

        <p className="receipt__status" role="status" aria-live="polite">
          {printing && <span className="busy-dot" aria-hidden="true" />}
          {printing ? tr('receipt.printing') : printed ? tr('receipt.printed') : ''}
        </p>

        {error && !printing && (
          <section className="problem" role="alert" data-error={error.kind}>
            <h2 className="subtitle">{tr('receipt.failed.title')}</h2>
            <p className="problem__text">{printErrorText(error, tr)}</p>
            <p className="problem__text">{tr('receipt.failed.keep')}</p>
            {printerReady && (
              <p className="problem__text receipt__ready" data-testid="printer-ready">
                {tr('receipt.printerReady')}
              </p>
            )}
          </section>
        )}

        <div className="receipt__code-block">
          <p className="receipt__code-label">{tr('receipt.code')}</p>
          <p className="receipt__code" data-testid="receipt-code">
            {input.localCode}
          </p>
          {large && <QrCode className="receipt__qr" value={input.trackingQr} label={qrLabel} />}
        </div>

        <dl className="facts receipt__facts">
          <dt>{tr('receipt.procedure')}</dt>
          <dd>{input.procedure.name[locale]}</dd>
          <dt>{tr('receipt.submittedAt')}</dt>
          <dd>{submitted ? tr('receipt.dateTime', submitted) : input.submittedAt}</dd>
          <dt>{tr('receipt.appointment')}</dt>
          <dd data-testid="receipt-appointment">
            {appointment ?? tr('receipt.appointment.tbc')}
            {appointment && <span className="receipt__fact-hint">{tr('receipt.appointment.hint')}</span>}
          </dd>
          <dt>{tr('receipt.result')}</dt>
          <dd>{input.procedure.result[locale]}</dd>
        </dl>

        <section aria-labelledby="receipt-next-title">
          <h2 className="subtitle" id="receipt-next-title">
            {tr('receipt.next.title')}
          </h2>
          <ul className="receipt__next">
            <li>{tr('receipt.next.forward')}</li>
            <li>{tr('receipt.next.track')}</li>
            <li>{tr('receipt.next.collect')}</li>
          </ul>
          <p className="hotline">{tr('receipt.hotline', { phone: input.config.hotline.phone, hours: input.config.hotline.hours[locale] })}</p>
        </section>
      </header>

      <div className="actions receipt__actions">
        <button
          type="button"
          className={large ? 'button button--primary' : 'button button--secondary'}
          disabled={printing}
          onClick={() => actor.send({ type: 'receipt.reprint' })}
        >
          {tr('receipt.reprint')}
        </button>
        <button type="button" className="button button--secondary" disabled={printing} onClick={() => actor.send({ type: 'receipt.rate' })}>
          {tr('receipt.rate')}
        </button>
        <button
          type="button"
          className={large ? 'button button--secondary' : 'button button--primary'}
          disabled={printing}
          onClick={() => actor.send({ type: 'receipt.finish' })}
        >
          {tr('receipt.finish')}
        </button>
      </div>
    </main>
  );
}
