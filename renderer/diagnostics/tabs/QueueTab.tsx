import type { QueueState } from '../../../common/kiosk-api/contract-parts.js';
import type { QueueItem } from '../../../common/kiosk-api/diagnostics-contract.js';
import { formatAge, formatBytes, formatDateTime, oldestView } from '../diagnostics-format.js';
import { retryKindOf } from '../diagnostics-rules.js';
import { queueFilters } from '../diagnostics-types.js';
import { ExportForm } from './ExportForm.js';
import { Fact, TabBody } from './TabFrame.js';
import type { DiagTabProps } from './tab-props.js';

const queueStates: readonly QueueState[] = ['submitted', 'uploading', 'dead', 'delivered', 'tracked', 'purged'];

export const procedureName = ({ catalog, locale }: Pick<DiagTabProps, 'catalog' | 'locale'>, code: string): string | null =>
  catalog?.procedures.find((p) => p.code === code)?.name[locale] ?? null;

/** The outbox as the forwarder sees it: counts, the oldest wait, the breaker, and the dossiers. */
export function QueueTab(props: DiagTabProps) {
  const { snapshot, act, tr } = props;
  if (snapshot.matches({ queue: 'export' })) return <ExportForm kind="queue" {...props} />;
  const c = snapshot.context;
  const idle = snapshot.matches({ queue: 'idle' });
  return (
    <>
      <TabBody title={tr('diag.tab.queue')} snapshot={snapshot} tr={tr}>
        <QueueSummaryView {...props} />
        {c.retried && (
          <p className="diag-note" role="status" data-retried={c.retried.localCode}>
            {tr('diag.queue.retried', { code: c.retried.localCode, from: tr(`diag.qstate.${c.retried.previousState}`), to: tr(`diag.qstate.${c.retried.state}`) })}
          </p>
        )}
        <h2 className="subtitle">{tr('diag.queue.list')}</h2>
        <div className="diag-toggles" role="group" aria-label={tr('diag.queue.filter')}>
          {queueFilters.map((filter) => (
            <button
              key={filter}
              type="button"
              className={c.queueFilter === filter ? 'button button--toggle button--on diag-button' : 'button button--toggle diag-button'}
              aria-pressed={c.queueFilter === filter}
              disabled={!idle}
              onClick={() => act({ type: 'diag.queue.filter', filter })}
            >
              {tr(`diag.filter.${filter}`)}
            </button>
          ))}
        </div>
        {c.queueItems && (
          <p className="hint">
            {tr('diag.queue.showing', { shown: c.queueItems.length, total: c.queueTotal })}
            {' · '}
            {tr('diag.queue.selected', { count: c.selected.length })}
          </p>
        )}
        {c.queueItems?.length === 0 && <p className="hint">{tr('diag.queue.empty')}</p>}
        {c.queueItems && c.queueItems.length > 0 && (
          <ul className="diag-rows">
            {c.queueItems.map((item) => (
              <QueueRow key={item.id} item={item} selected={c.selected.includes(item.id)} idle={idle} {...props} />
            ))}
          </ul>
        )}
      </TabBody>
      <div className="actions diag-actions">
        <button type="button" className="button button--secondary" disabled={!idle} onClick={() => act({ type: 'diag.refresh' })}>
          {tr('diag.refresh')}
        </button>
        {c.selected.length > 0 ? (
          <button type="button" className="button button--secondary" disabled={!idle} onClick={() => act({ type: 'diag.queue.selectNone' })}>
            {tr('diag.queue.selectNone')}
          </button>
        ) : (
          <button type="button" className="button button--secondary" disabled={!idle || !c.queueItems?.length} onClick={() => act({ type: 'diag.queue.selectAll' })}>
            {tr('diag.queue.selectAll')}
          </button>
        )}
        <button
          type="button"
          className="button button--primary"
          disabled={!idle || c.selected.length === 0}
          aria-describedby={c.selected.length === 0 ? 'diag-export-hint' : undefined}
          onClick={() => act({ type: 'diag.queue.export' })}
        >
          {tr('diag.queue.export')}
        </button>
      </div>
      {c.selected.length === 0 && (
        <p className="hint diag-actions__hint" id="diag-export-hint">
          {tr('diag.queue.exportHint')}
        </p>
      )}
    </>
  );
}

function QueueSummaryView({ snapshot, tr, locale }: DiagTabProps) {
  const { queueSummary: summary, queueCounts: live } = snapshot.context;
  const counts = live?.counts ?? summary?.counts;
  if (!summary && !counts) return null;
  const oldest = oldestView(summary, live);
  return (
    <>
      {counts && (
        <>
          <h2 className="subtitle">{tr('diag.queue.counts')}</h2>
          <ul className="diag-counts">
            {queueStates.map((state) => (
              <li key={state} className="diag-count" data-count={state}>
                <span className="diag-count__value">{counts[state] ?? 0}</span>
                <span className="diag-count__label">{tr(`diag.qstate.${state}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <dl className="facts">
        <Fact label={tr('diag.queue.oldest')} name="oldest">
          {oldest.kind === 'age'
            ? tr('diag.queue.oldestAge', { age: formatAge(oldest.ms, tr) })
            : oldest.kind === 'since'
              ? tr('diag.queue.oldestSince', { time: formatDateTime(oldest.at, locale) })
              : tr('diag.queue.noneWaiting')}
        </Fact>
        {summary && (
          <>
            <Fact label={tr('diag.queue.breaker')} name="breaker">
              {`${summary.breaker === 'closed' ? '✓' : '⚠'} ${tr(`diag.breaker.${summary.breaker}`)}`}
            </Fact>
            <Fact label={tr('diag.queue.lastError')} name="lastError">
              {summary.lastError ?? tr('diag.none')}
            </Fact>
            <Fact label={tr('diag.queue.lastDelivered')}>{summary.lastDeliveredAt ? formatDateTime(summary.lastDeliveredAt, locale) : tr('diag.never')}</Fact>
          </>
        )}
      </dl>
    </>
  );
}

function QueueRow({ item, selected, idle, act, tr, locale, catalog }: DiagTabProps & { item: QueueItem; selected: boolean; idle: boolean }) {
  const checkbox = `diag-select-${item.id}`;
  const retry = retryKindOf(item);
  const procedure = procedureName({ catalog, locale }, item.procedureCode);
  return (
    <li className={selected ? 'diag-row diag-row--selected' : 'diag-row'} data-dossier={item.localCode} data-state={item.state}>
      <div className="diag-row__head">
        <input className="diag-check" type="checkbox" id={checkbox} checked={selected} disabled={!idle} onChange={() => act({ type: 'diag.queue.toggle', id: item.id })} />
        <label className="diag-row__code" htmlFor={checkbox}>
          <span className="visually-hidden">{tr('diag.queue.select', { code: item.localCode })}</span>
          <span aria-hidden="true">{item.localCode}</span>
        </label>
        <span className={`diag-badge diag-badge--${item.state}`}>{tr(`diag.qstate.${item.state}`)}</span>
      </div>
      <dl className="facts diag-row__facts">
        <Fact label={tr('diag.queue.applicant')}>{item.applicant ? `${item.applicant.idNumberMasked} · ${item.applicant.initials}` : tr('diag.queue.applicantGone')}</Fact>
        {item.officialCode && <Fact label={tr('diag.queue.officialCode')}>{item.officialCode}</Fact>}
        <Fact label={tr('diag.queue.procedure')}>{procedure ? `${item.procedureCode} · ${procedure}` : item.procedureCode}</Fact>
        {item.assisted && <Fact label={tr('diag.queue.assisted')}>{'✓'}</Fact>}
        <Fact label={tr('diag.queue.created')}>{formatDateTime(item.createdAt, locale)}</Fact>
        <Fact label={tr('diag.queue.attempts')}>{tr('diag.queue.attemptsValue', { attempts: item.attempts, rejections: item.rejections })}</Fact>
        {item.lastError && (
          <Fact label={tr('diag.queue.itemError')} name="itemError">
            {item.lastError}
          </Fact>
        )}
        {item.nextAttemptAt && <Fact label={tr('diag.queue.nextAttempt')}>{formatDateTime(item.nextAttemptAt, locale)}</Fact>}
        <Fact label={tr('diag.queue.attachments')}>{tr('diag.files', { count: item.attachmentCount, size: formatBytes(item.attachmentBytes, locale) })}</Fact>
      </dl>
      {retry && (
        <button type="button" className="button diag-button" disabled={!idle} onClick={() => act({ type: 'diag.queue.retry', ref: item.id })}>
          {tr(retry === 'now' ? 'diag.queue.retryNow' : 'diag.queue.requeue', { code: item.localCode })}
        </button>
      )}
    </li>
  );
}
