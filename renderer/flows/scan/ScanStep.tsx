import { useSelector } from '@xstate/react';
import type { ActorRefFrom } from 'xstate';
import type { ErrorKind, KioskError } from '../../../common/errors.js';
import type { PageView } from '../../../common/kiosk-api/contract.js';
import type { ScreenProps, Translate } from '../../app/screen-props.js';
import { errorMessageKey, type MessageKey } from '../../i18n/index.js';
import { mayRetry } from '../../machines/kiosk-failure.js';
import '../../styles/scan-receipt.css';
import { minPages, pagesOnScreen, type ScanContext, type ScanSource, type scanMachine } from './scan-machine.js';

const sources: readonly ScanSource[] = ['feeder', 'flatbed'];

/** Scanner errors worded with what to do about them; other kinds get the kiosk-wide words. */
const scanErrorKeys: Partial<Record<ErrorKind, MessageKey>> = {
  FeederEmpty: 'scan.error.FeederEmpty',
  ScanJam: 'scan.error.ScanJam',
  CoverOpen: 'scan.error.CoverOpen',
  DeviceOffline: 'scan.error.DeviceOffline',
  DeviceTimeout: 'scan.error.DeviceTimeout',
  DeviceBusy: 'scan.error.DeviceBusy',
};

const errorText = (error: KioskError, c: ScanContext, tr: Translate): string => {
  // rememberError already switched to the glass when the feeder was missing
  if (error.kind === 'NotAvailable' && c.request?.kind === 'scan' && c.request.source === 'feeder') return tr('scan.error.noFeeder');
  return tr(scanErrorKeys[error.kind] ?? errorMessageKey(error.kind));
};

const expectedKey = (c: ScanContext, tr: Translate): string => {
  const { min, max } = c.component.pages;
  if (min === 0) return tr('scan.expected.upTo', { max });
  return min === max ? tr('scan.expected.exact', { count: min }) : tr('scan.expected.range', { min, max });
};

const indexList = (pages: readonly PageView[]): string => pages.map((p) => String(p.index)).join(', ');

/** One page's quality flags, as words (never colour alone). */
const flagsOf = (p: PageView): MessageKey[] =>
  [p.blank ? 'scan.page.blank' : null, p.tooDark ? 'scan.page.tooDark' : null, p.tooLight ? 'scan.page.tooLight' : null].filter(
    (k): k is MessageKey => k !== null,
  );

/** Scan one dossier component (data-screen `submit.scan`; `data-state` says ready/scanning/removing/failed). */
export function ScanStep({ actor, context: root, tr }: ScreenProps & { actor: ActorRefFrom<typeof scanMachine> }) {
  const snapshot = useSelector(actor, (s) => s);
  const c = snapshot.context;
  const locale = root.locale;
  const state = String(snapshot.value);
  const busy = snapshot.matches('scanning') || snapshot.matches('removing');
  const failed = snapshot.matches('failed');
  const placing = snapshot.matches('placing');
  const idle = !busy && !failed && !placing;
  const pages = pagesOnScreen(c);
  const need = minPages(c.component);
  const scanner = c.devices.find((d) => d.id === 'scanner');
  const scannerDown = scanner !== undefined && scanner.state !== 'online';
  const retaking = c.request?.kind === 'scan' ? c.request.replaceIndex : undefined;
  const removing = c.request?.kind === 'remove' ? c.request.index : undefined;
  const blank = c.pages.filter((p) => p.blank);
  const dark = c.pages.filter((p) => p.tooDark);
  const light = c.pages.filter((p) => p.tooLight);
  const canSkip = !c.component.required && c.pages.length === 0;

  const progress = snapshot.matches('scanning')
    ? retaking !== undefined
      ? tr('scan.retaking', { index: retaking })
      : `${tr('scan.scanning')} ${tr('scan.progress', { count: c.live.length })}`
    : snapshot.matches('removing') && removing !== undefined
      ? tr('scan.removing', { index: removing })
      : pages.length === 0
        ? tr('scan.none')
        : tr('scan.count', { count: pages.length });

  return (
    <main className="screen scan" data-screen="submit.scan" data-state={state} aria-busy={busy}>
      {/* focusable: many pages make this part scroll (axe: scrollable-region-focusable) */}
      <header className="screen__top scan__top" tabIndex={0}>
        <p className="eyebrow">{c.component.required ? tr('scan.required') : tr('scan.optional')}</p>
        <h1 className="title">{c.component.name[locale]}</h1>
        <p className="lead">{expectedKey(c, tr)}</p>
        {c.component.note && <p className="hint">{c.component.note[locale]}</p>}
        {scannerDown && <p className="notice">{tr('scan.scannerDown')}</p>}

        <p className="scan__progress" role="status" aria-live="polite" data-testid="scan-progress">
          {busy && <span className="busy-dot" aria-hidden="true" />}
          {progress}
        </p>

        {failed && c.error && (
          <section className="problem" role="alert" data-error={c.error.kind}>
            <h2 className="subtitle">{c.request?.kind === 'remove' ? tr('scan.error.removeTitle') : tr('scan.error.title')}</h2>
            <p className="problem__text">{errorText(c.error, c, tr)}</p>
          </section>
        )}

        {placing && retaking !== undefined && (
          <section className="problem problem--info" data-testid="retake-prompt">
            <h2 className="subtitle">{tr('scan.retake.title', { index: retaking })}</h2>
            <p className="problem__text">{tr('scan.retake.hint', { index: retaking })}</p>
          </section>
        )}

        {!busy && c.feederEmpty && (
          <p className="notice notice--info" data-testid="feeder-empty">
            {tr('scan.feederEmpty', { count: c.pages.length })}
          </p>
        )}
        {!busy && blank.length > 0 && <p className="notice notice--info">{tr('scan.warning.blank', { pages: indexList(blank) })}</p>}
        {!busy && dark.length > 0 && <p className="notice notice--info">{tr('scan.warning.tooDark', { pages: indexList(dark) })}</p>}
        {!busy && light.length > 0 && <p className="notice notice--info">{tr('scan.warning.tooLight', { pages: indexList(light) })}</p>}
        {!busy && c.pages.length > 0 && c.pages.length < need && <p className="hint">{tr('scan.needMore', { count: need - c.pages.length })}</p>}
        {!busy && c.pages.length > c.component.pages.max && (
          <p className="hint">{tr('scan.moreThanExpected', { count: c.pages.length, max: c.component.pages.max })}</p>
        )}

        {pages.length > 0 && (
          <section aria-labelledby="scan-pages-title">
            <h2 className="subtitle" id="scan-pages-title">
              {tr('scan.pages')}
            </h2>
            <ol className="scan__pages">
              {pages.map((p) => {
                const flags = flagsOf(p);
                return (
                  <li key={p.index} className={flags.length > 0 ? 'scan__page scan__page--warn' : 'scan__page'} data-page={p.index}>
                    <img className="scan__thumb" src={p.thumbnail} alt={tr('scan.page.alt', { index: p.index })} />
                    <p className="scan__page-number">{tr('scan.page', { index: p.index })}</p>
                    {flags.map((k) => (
                      <p key={k} className="scan__flag">
                        {tr(k)}
                      </p>
                    ))}
                    <div className="scan__page-actions">
                      <button
                        type="button"
                        className="button button--small"
                        disabled={!idle}
                        onClick={() => actor.send({ type: 'scan.retake', index: p.index })}
                      >
                        {tr('scan.page.retake', { index: p.index })}
                      </button>
                      <button
                        type="button"
                        className="button button--small button--secondary"
                        disabled={!idle}
                        onClick={() => actor.send({ type: 'scan.remove', index: p.index })}
                      >
                        {tr('scan.page.remove', { index: p.index })}
                      </button>
                    </div>
                  </li>
                );
              })}
            </ol>
          </section>
        )}
      </header>

      <fieldset className="scan__sources" disabled={busy || placing}>
        <legend className="scan__legend">{tr('scan.source.label')}</legend>
        <div className="scan__source-choices">
          {sources.map((source) => (
            <button
              key={source}
              type="button"
              className={source === c.source ? 'button button--toggle button--on' : 'button button--toggle'}
              aria-pressed={source === c.source}
              data-source={source}
              onClick={() => actor.send({ type: 'scan.setSource', source })}
            >
              {tr(source === 'feeder' ? 'scan.source.feeder' : 'scan.source.flatbed')}
            </button>
          ))}
        </div>
        <p className="hint">{tr(c.source === 'feeder' ? 'scan.source.feeder.hint' : 'scan.source.flatbed.hint')}</p>
      </fieldset>

      <div className="actions scan__actions">
        {failed ? (
          <>
            <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'scan.back' })}>
              {tr('common.back')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'scan.dismiss' })}>
              {tr('scan.dismiss')}
            </button>
            {mayRetry(c.error) && (
              <button type="button" className="button button--primary" onClick={() => actor.send({ type: 'scan.retry' })}>
                {tr('scan.retry')}
              </button>
            )}
          </>
        ) : placing && retaking !== undefined ? (
          <>
            <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'scan.back' })}>
              {tr('common.back')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'scan.dismiss' })}>
              {tr('scan.cancel')}
            </button>
            <button type="button" className="button button--primary" onClick={() => actor.send({ type: 'scan.start' })}>
              {tr('scan.retake.title', { index: retaking })}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => actor.send({ type: 'scan.back' })}>
              {tr('common.back')}
            </button>
            {canSkip && (
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => actor.send({ type: 'scan.skip' })}>
                {tr('scan.skip')}
              </button>
            )}
            <button
              type="button"
              className={c.pages.length >= need && c.pages.length > 0 ? 'button button--secondary' : 'button button--primary'}
              disabled={busy}
              onClick={() => actor.send({ type: 'scan.start' })}
            >
              {c.pages.length === 0 ? tr('scan.start') : tr('scan.add')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={busy || c.pages.length < need || (c.pages.length === 0 && need === 0)}
              onClick={() => actor.send({ type: 'scan.done' })}
            >
              {tr('scan.done')}
            </button>
          </>
        )}
      </div>
    </main>
  );
}
