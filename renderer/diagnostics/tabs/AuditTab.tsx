import { formatDateTime } from '../diagnostics-format.js';
import { Fact, TabBody } from './TabFrame.js';
import type { DiagTabProps } from './tab-props.js';

/** The append-only trail: who did what, to what, and how it ended; newest first. */
export function AuditTab({ snapshot, act, tr, locale }: DiagTabProps) {
  const rows = snapshot.context.audit;
  const idle = snapshot.matches({ audit: 'idle' });
  return (
    <>
      <TabBody title={tr('diag.tab.audit')} snapshot={snapshot} tr={tr}>
        {rows && <p className="hint">{tr('diag.audit.count', { count: rows.length })}</p>}
        {rows?.length === 0 && <p className="hint">{tr('diag.audit.empty')}</p>}
        {rows && rows.length > 0 && (
          <ol className="diag-rows">
            {rows.map((row) => (
              <li key={row.id} className="diag-row" data-audit={row.action} data-result={row.result}>
                <p className="diag-row__title">
                  <code>{row.action}</code>
                  {' · '}
                  <span className={row.result === 'ok' ? 'diag-state--ok' : 'diag-state--bad'}>{row.result === 'ok' ? tr('diag.audit.ok') : `✗ ${row.result}`}</span>
                </p>
                <dl className="facts diag-row__facts">
                  <Fact label={tr('diag.audit.at')}>{formatDateTime(row.at, locale)}</Fact>
                  <Fact label={tr('diag.audit.who')}>{`${row.operatorId} · ${tr(`diag.role.${row.role}`)}`}</Fact>
                  {row.target && (
                    <Fact label={tr('diag.audit.target')}>
                      <code>{row.target}</code>
                    </Fact>
                  )}
                  {row.detail && <Fact label={tr('diag.audit.detail')}>{row.detail}</Fact>}
                </dl>
              </li>
            ))}
          </ol>
        )}
      </TabBody>
      <div className="actions">
        <button type="button" className="button button--secondary" disabled={!idle} onClick={() => act({ type: 'diag.refresh' })}>
          {tr('diag.refresh')}
        </button>
      </div>
    </>
  );
}
