import { certificateHealth, formatDateTime } from '../diagnostics-format.js';
import { Fact, TabBody } from './TabFrame.js';
import type { DiagTabProps } from './tab-props.js';

/** Can the kiosk reach the city now: one light request, the certificates, the last delivery. */
export function NetworkTab({ snapshot, act, tr, locale }: DiagTabProps) {
  const n = snapshot.context.network;
  const idle = snapshot.matches({ network: 'idle' });
  return (
    <>
      <TabBody title={tr('diag.tab.network')} snapshot={snapshot} tr={tr}>
        {n && (
          <>
            <p className={n.reachable ? 'diag-state diag-state--ok' : 'diag-state diag-state--bad'} data-reachable={n.reachable}>
              {tr(n.reachable ? 'diag.net.up' : 'diag.net.down')}
            </p>
            <dl className="facts">
              <Fact label={tr('diag.net.baseUrl')}>
                <code>{n.baseUrl}</code>
              </Fact>
              <Fact label={tr('diag.net.auth')}>{tr(`diag.auth.${n.auth}`)}</Fact>
              {n.latencyMs !== null && <Fact label={tr('diag.net.latency')}>{tr('diag.net.latencyValue', { ms: Math.round(n.latencyMs) })}</Fact>}
              {n.error && (
                <Fact label={tr('diag.net.error')} name="networkError">
                  {n.error}
                </Fact>
              )}
              <Fact label={tr('diag.net.checkedAt')}>{formatDateTime(n.checkedAt, locale)}</Fact>
              <Fact label={tr('diag.net.lastDelivered')}>{n.lastDeliveredAt ? formatDateTime(n.lastDeliveredAt, locale) : tr('diag.never')}</Fact>
              <Fact label={tr('diag.queue.breaker')}>{`${n.breaker === 'closed' ? '✓' : '⚠'} ${tr(`diag.breaker.${n.breaker}`)}`}</Fact>
            </dl>
            <h2 className="subtitle">{tr('diag.net.certs')}</h2>
            {n.certificates.length === 0 && <p className="hint">{tr('diag.net.noCerts')}</p>}
            <ul className="diag-rows">
              {n.certificates.map((cert) => {
                const health = certificateHealth(cert);
                return (
                  <li key={`${cert.which}:${cert.subject}`} className="diag-row" data-certificate={cert.which} data-health={health}>
                    <p className="diag-row__title">{tr(`diag.cert.${cert.which}`)}</p>
                    <dl className="facts">
                      <Fact label={tr('diag.cert.subject')}>
                        <code>{cert.subject}</code>
                      </Fact>
                      {cert.notAfter && <Fact label={tr('diag.cert.notAfter')}>{formatDateTime(cert.notAfter, locale)}</Fact>}
                      <Fact label={tr('diag.device.state')} name="certificateHealth">
                        <span className={health === 'ok' ? 'diag-state--ok' : health === 'soon' ? 'diag-state--warn' : health === 'unknown' ? '' : 'diag-state--bad'}>
                          {health === 'unreadable'
                            ? `${tr('diag.cert.unreadable')}: ${cert.error ?? ''}`
                            : health === 'expired'
                              ? tr('diag.cert.expired')
                              : health === 'soon'
                                ? tr('diag.cert.expiringSoon', { days: Math.floor(cert.daysLeft ?? 0) })
                                : health === 'ok'
                                  ? tr('diag.cert.daysLeft', { days: Math.floor(cert.daysLeft ?? 0) })
                                  : tr('diag.notLoaded')}
                        </span>
                      </Fact>
                    </dl>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </TabBody>
      <div className="actions">
        <button type="button" className="button button--primary" disabled={!idle} onClick={() => act({ type: 'diag.refresh' })}>
          {tr('diag.net.check')}
        </button>
      </div>
    </>
  );
}
