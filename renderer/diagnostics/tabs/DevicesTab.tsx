import type { DeviceId, DeviceState, DeviceStatus } from '../../../common/domain/device-status.js';
import type { Translate } from '../../app/screen-props.js';
import { formatDateTime, formatNumber } from '../diagnostics-format.js';
import { useWedgeScan } from '../../components/wedge/use-wedge-scan.js';
import { Fact, FailureNotice, TabBody } from './TabFrame.js';
import type { DiagTabProps } from './tab-props.js';

const deviceIds: readonly DeviceId[] = ['printer', 'scanner', 'idReader'];

/** the device a failed test was about: its failure shows on its card, beside the button */
const failedDevice = ({ context }: DiagTabProps['snapshot']): DeviceId | null => {
  switch (context.failure?.action) {
    case 'diag.printTest':
      return 'printer';
    case 'diag.scanTest':
      return 'scanner';
    case 'diag.cardTest':
      return 'idReader';
    case 'devices.selfTest':
      return context.selfTestDevice;
    default:
      return null;
  }
};

/** a sign beside the words, so a state never shows by colour alone */
const stateSign = (state: DeviceState): string => (state === 'online' ? '✓' : state === 'userError' || state === 'deviceBusy' ? '⚠' : '✗');
const stateTone = (state: DeviceState): 'ok' | 'warn' | 'bad' => (state === 'online' ? 'ok' : state === 'userError' || state === 'deviceBusy' ? 'warn' : 'bad');

export function DeviceStateLine({ status, tr }: { status: DeviceStatus; tr: Translate }) {
  return (
    <p className={`diag-state diag-state--${stateTone(status.state)}`} data-state={status.state}>
      <span aria-hidden="true">{`${stateSign(status.state)} `}</span>
      {tr(`diag.state.${status.state}`)} <code>{`(${status.state})`}</code>
    </p>
  );
}

/** Each device live (core.deviceStatus), its counters, and its tests with their results. */
export function DevicesTab(props: DiagTabProps) {
  const { snapshot, act, tr } = props;
  const idle = snapshot.matches({ devices: 'idle' });
  useWedgeScan((text) => act({ type: 'diag.device.cardPayload', text }), idle);
  const { devices } = snapshot.context;
  const failed = failedDevice(snapshot);
  return (
    <>
      <TabBody title={tr('diag.tab.devices')} snapshot={snapshot} tr={tr} failureShown={failed === null}>
        {devices.length === 0 && <p className="hint">{tr('diag.devices.none')}</p>}
        <div className="diag-cards">
          {deviceIds.map((id) => (
            <DeviceCard key={id} id={id} status={devices.find((d) => d.id === id) ?? null} idle={idle} {...props} />
          ))}
        </div>
      </TabBody>
      <div className="actions">
        <button type="button" className="button button--secondary" disabled={!idle} onClick={() => act({ type: 'diag.refresh' })}>
          {tr('diag.refresh')}
        </button>
      </div>
    </>
  );
}

function DeviceCard({ id, status, idle, snapshot, act, tr, locale }: DiagTabProps & { id: DeviceId; status: DeviceStatus | null; idle: boolean }) {
  const c = snapshot.context;
  const counters = Object.entries(c.counters[id] ?? {});
  const selfTest = c.selfTests[id];
  const name = tr(`diag.device.${id}`);
  const headingId = `diag-device-${id}`;
  return (
    <section className="diag-card" data-device={id} data-state={status?.state} aria-labelledby={headingId}>
      <h2 className="subtitle diag-card__title" id={headingId}>
        {name}
      </h2>
      {status ? (
        <>
          <DeviceStateLine status={status} tr={tr} />
          <dl className="facts">
            <Fact label={tr('diag.device.implementation')}>{tr(`diag.impl.${status.implementation}`)}</Fact>
            {status.media && <Fact label={tr('diag.device.media')}>{tr(`diag.media.${status.media}`)}</Fact>}
            {status.lastError && (
              <Fact label={tr('diag.device.lastError')} name="lastError">
                {status.lastError}
              </Fact>
            )}
            <Fact label={tr('diag.device.since')}>{formatDateTime(status.since, locale)}</Fact>
            {counters.length > 0 && (
              <Fact label={tr('diag.device.counters')}>
                <ul className="diag-inline">
                  {counters.map(([counter, value]) => (
                    <li key={counter}>
                      <code>{counter}</code>
                      {`: ${formatNumber(value, locale)}`}
                    </li>
                  ))}
                </ul>
              </Fact>
            )}
          </dl>
        </>
      ) : (
        <p className="hint">{tr('diag.notLoaded')}</p>
      )}

      <div className="diag-card__actions" role="group" aria-label={tr('diag.device.tests', { device: name })}>
        {id === 'printer' && (
          <button type="button" className="button diag-button" disabled={!idle} onClick={() => act({ type: 'diag.device.printTest' })}>
            {tr('diag.print.run')}
          </button>
        )}
        {id === 'scanner' && (
          <button type="button" className="button diag-button" disabled={!idle} onClick={() => act({ type: 'diag.device.scanTest' })}>
            {tr('diag.scan.run')}
          </button>
        )}
        {id === 'idReader' && (
          <>
            <button type="button" className="button diag-button" disabled={!idle} onClick={() => act({ type: 'diag.device.cardTest' })}>
              {tr('diag.card.run')}
            </button>
            {status?.implementation === 'simulator' && (
              <button type="button" className="button diag-button" disabled={!idle} onClick={() => act({ type: 'diag.device.cardTestSimulated' })}>
                {tr('diag.card.simulate')}
              </button>
            )}
          </>
        )}
        <button type="button" className="button button--secondary diag-button" disabled={!idle} onClick={() => act({ type: 'diag.device.selfTest', device: id })}>
          {tr('diag.selfTest.run')}
        </button>
      </div>

      {id === 'idReader' && (snapshot.matches({ devices: 'readingCard' }) || snapshot.matches({ devices: 'simulatingCard' })) && (
        <p className="diag-note" data-waiting="card">
          {tr('diag.card.waiting')}
        </p>
      )}
      {id === 'idReader' && idle && <p className="hint">{tr('diag.card.wedgeHint')}</p>}
      {c.failure && failedDevice(snapshot) === id && <FailureNotice failure={c.failure} tr={tr} />}

      {id === 'printer' && <PrintResult {...{ snapshot, tr, locale }} />}
      {id === 'scanner' && <ScanResult {...{ snapshot, tr, locale }} />}
      {id === 'idReader' && <CardResult {...{ snapshot, tr }} />}
      {selfTest && (
        <div className="diag-result" data-result="selfTest" data-passed={selfTest.passed}>
          <p className={selfTest.passed ? 'diag-state diag-state--ok' : 'diag-state diag-state--bad'}>{tr(selfTest.passed ? 'diag.selfTest.passed' : 'diag.selfTest.failed')}</p>
          <ul className="diag-list diag-mono">
            {selfTest.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function PrintResult({ snapshot, tr, locale }: Pick<DiagTabProps, 'snapshot' | 'tr' | 'locale'>) {
  const r = snapshot.context.printResult;
  if (!r) return null;
  return (
    <div className="diag-result" data-result="print">
      <p>{tr('diag.print.sent', { bytes: formatNumber(r.bytes, locale) })}</p>
      {r.preview ? (
        <img className="diag-receipt" src={r.preview.png} alt={tr('diag.print.previewAlt')} />
      ) : (
        <p className="hint">{tr('diag.print.checkPaper')}</p>
      )}
    </div>
  );
}

function ScanResult({ snapshot, tr, locale }: Pick<DiagTabProps, 'snapshot' | 'tr' | 'locale'>) {
  const r = snapshot.context.scanResult;
  if (!r) return null;
  const flags = [r.blank && tr('diag.scan.blank'), r.tooDark && tr('diag.scan.tooDark'), r.tooLight && tr('diag.scan.tooLight')].filter((f): f is string => typeof f === 'string');
  return (
    <div className="diag-result" data-result="scan">
      <p>
        {tr('diag.scan.summary', { width: r.widthPx, height: r.heightPx, dpi: r.dpi, seconds: formatNumber(r.durationMs / 1000, locale) })}
        {' · '}
        {tr(`diag.impl.${r.implementation}`)}
      </p>
      <dl className="facts">
        <Fact label={tr('diag.scan.checks')} name="scanChecks">
          {flags.length === 0 ? tr('diag.scan.good') : flags.join(' · ')}
        </Fact>
      </dl>
      <img className="diag-page" src={r.image} alt={tr('diag.scan.alt')} />
    </div>
  );
}

function CardResult({ snapshot, tr }: Pick<DiagTabProps, 'snapshot' | 'tr'>) {
  const r = snapshot.context.cardResult;
  if (!r) return null;
  return (
    <div className="diag-result" data-result="card">
      <dl className="facts">
        <Fact label={tr('diag.card.idNumber')} name="idNumberMasked">
          <code>{r.idNumberMasked}</code>
        </Fact>
        <Fact label={tr('diag.card.initials')}>{r.initials}</Fact>
        <Fact label={tr('diag.card.source')}>{`${tr(`diag.source.${r.source}`)} · ${tr(`diag.impl.${r.implementation}`)}`}</Fact>
        <Fact label={tr('diag.card.warnings')}>{r.warnings.length === 0 ? tr('diag.none') : r.warnings.map((w) => tr(`diag.warning.${w}`)).join(' · ')}</Fact>
      </dl>
    </div>
  );
}
