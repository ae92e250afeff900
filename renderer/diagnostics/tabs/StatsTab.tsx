import type { StatsSummary } from '../../../common/kiosk-api/diagnostics-contract.js';
import type { Translate } from '../../app/screen-props.js';
import { formatDay, formatMonth, formatNumber, percent } from '../diagnostics-format.js';
import { procedureName } from './QueueTab.js';
import { Fact, TabBody } from './TabFrame.js';
import type { DiagTabProps } from './tab-props.js';

const sessionEnds = ['completed', 'timeout', 'user', 'cancelled'] as const;
const ratings = ['1', '2', '3'] as const;
const identitySources = ['qr', 'manual', 'chip'] as const;

const endLabel = (end: string, tr: Translate): string =>
  (sessionEnds as readonly string[]).includes(end) ? tr(`diag.end.${end as (typeof sessionEnds)[number]}`) : end;

/** This month's figures so far, and the city's monthly report for a chosen month with its chart. */
export function StatsTab(props: DiagTabProps) {
  const { snapshot, act, tr, locale } = props;
  const c = snapshot.context;
  const idle = snapshot.matches({ stats: 'idle' });
  const s = c.stats;
  return (
    <>
      <TabBody title={tr('diag.tab.stats')} snapshot={snapshot} tr={tr}>
        {s && (
          <>
            <h2 className="subtitle">{tr('diag.stats.current', { from: formatDay(s.from, locale), to: formatDay(s.to, locale) })}</h2>
            <Figures summary={s} {...props} />
          </>
        )}
        {c.month && (
          <section className="diag-month" aria-labelledby="diag-month-title" data-month={c.month}>
            <h2 className="subtitle diag-month__title" id="diag-month-title">
              {tr('diag.stats.month', { month: formatMonth(c.month, locale) })}
            </h2>
            <div className="diag-month__nav">
              <button type="button" className="button button--secondary diag-button" disabled={!idle} onClick={() => act({ type: 'diag.stats.prevMonth' })}>
                <span aria-hidden="true">{'← '}</span>
                {tr('diag.stats.prevMonth')}
              </button>
              <button
                type="button"
                className="button button--secondary diag-button"
                disabled={!idle || c.thisMonth === null || c.month >= c.thisMonth}
                onClick={() => act({ type: 'diag.stats.nextMonth' })}
              >
                {tr('diag.stats.nextMonth')}
                <span aria-hidden="true">{' →'}</span>
              </button>
            </div>
            {c.monthly && c.monthly.month === c.month && (
              <>
                <Figures summary={c.monthly.summary} compact {...props} />
                <SubmissionsChart summary={c.monthly.summary} month={c.month} {...props} />
              </>
            )}
          </section>
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

/** A period's figures; `compact`: only the headline ones (the monthly report's chart says the rest). */
function Figures({ summary: s, tr, locale, compact = false }: DiagTabProps & { summary: StatsSummary; compact?: boolean }) {
  const submitted = s.selfService + s.assisted;
  const n = (x: number) => formatNumber(x, locale);
  return (
    <dl className="facts diag-figures">
      <Fact label={tr('diag.stats.sessions')} name="sessions">
        {n(s.sessions)}
      </Fact>
      <Fact label={tr('diag.stats.submissions')} name="submissions">
        {`${n(submitted)} (${tr('diag.stats.selfService')} ${n(s.selfService)} · ${tr('diag.stats.assisted')} ${n(s.assisted)})`}
      </Fact>
      <Fact label={tr('diag.stats.assistedShare')} name="assistedShare">
        {tr('diag.stats.percent', { percent: percent(s.assisted, submitted) })}
      </Fact>
      {!compact && <MoreFigures summary={s} tr={tr} locale={locale} />}
    </dl>
  );
}

function MoreFigures({ summary: s, tr, locale }: Pick<DiagTabProps, 'tr' | 'locale'> & { summary: StatsSummary }) {
  const n = (x: number) => formatNumber(x, locale);
  const ends = Object.entries(s.sessionEnds);
  return (
    <>
      <Fact label={tr('diag.stats.satisfaction')}>{ratings.map((r) => `${tr(`diag.rating.${r}`)} ${n(s.satisfaction[r])}`).join(' · ')}</Fact>
      <Fact label={tr('diag.stats.identity')}>{identitySources.map((k) => `${tr(`diag.source.${k}`)} ${n(s.identitySource[k] ?? 0)}`).join(' · ')}</Fact>
      <Fact label={tr('diag.stats.ends')}>{ends.length === 0 ? tr('diag.none') : ends.map(([end, count]) => `${endLabel(end, tr)} ${n(count)}`).join(' · ')}</Fact>
      {s.steps.length > 0 && (
        <Fact label={tr('diag.stats.steps')}>
          <table className="diag-table">
            <thead>
              <tr>
                <th scope="col">{tr('diag.stats.step')}</th>
                <th scope="col">{tr('diag.stats.reached')}</th>
                <th scope="col">{tr('diag.stats.abandoned')}</th>
              </tr>
            </thead>
            <tbody>
              {s.steps.map((step) => (
                <tr key={step.step}>
                  <th scope="row">
                    <code>{step.step}</code>
                  </th>
                  <td>{n(step.reached)}</td>
                  <td>{n(step.abandoned)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Fact>
      )}
      <Fact label={tr('diag.stats.deviceErrors')}>
        {s.deviceErrors.length === 0 ? tr('diag.none') : s.deviceErrors.map((e) => `${tr(`diag.device.${e.device}`)}: ${e.kind} × ${n(e.count)}`).join(' · ')}
      </Fact>
      <Fact label={tr('diag.stats.deviceFaults')}>
        {s.deviceFaults.length === 0 ? tr('diag.none') : s.deviceFaults.map((e) => `${tr(`diag.device.${e.device}`)}: ${e.kind} × ${n(e.count)}`).join(' · ')}
      </Fact>
    </>
  );
}

// the chart's drawing units (the SVG scales to the screen's width)
const chartWidth = 1000;
const barLeft = 400;
const barRight = 900;
const rowHeight = 56;
const barHeight = 36;
const labelChars = 28;

const shorten = (text: string): string => ([...text].length > labelChars ? `${[...text].slice(0, labelChars - 1).join('')}…` : text);

/**
 * Submissions per procedure as stacked bars: self-service solid, assisted hatched (so the two
 * differ by more than colour), with the figures written beside each bar and in a table.
 */
export function SubmissionsChart({ summary, month, tr, locale, catalog }: DiagTabProps & { summary: StatsSummary; month: string }) {
  const rows = summary.submissions.map((r) => ({ ...r, total: r.selfService + r.assisted, name: procedureName({ catalog, locale }, r.procedureCode) }));
  const max = Math.max(1, ...rows.map((r) => r.total));
  const scale = (barRight - barLeft) / max;
  const height = Math.max(1, rows.length) * rowHeight + 8;
  const title = tr('diag.stats.chartTitle', { month: formatMonth(month, locale) });
  if (rows.length === 0) return <p className="hint">{tr('diag.stats.chartEmpty')}</p>;
  return (
    <figure className="diag-chart" data-chart="submissions">
      <svg viewBox={`0 0 ${chartWidth} ${height}`} role="img" aria-labelledby="diag-chart-title diag-chart-desc" className="diag-chart__svg">
        <title id="diag-chart-title">{title}</title>
        <desc id="diag-chart-desc">
          {rows.map((r) => tr('diag.stats.bar', { procedure: r.name ?? r.procedureCode, self: r.selfService, assisted: r.assisted })).join('; ')}
        </desc>
        <defs>
          <pattern id="diag-hatch" width="12" height="12" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="12" height="12" className="diag-chart__assisted-bg" />
            <line x1="0" y1="0" x2="0" y2="12" className="diag-chart__hatch" strokeWidth="6" />
          </pattern>
        </defs>
        {rows.map((r, i) => {
          const y = i * rowHeight + 8;
          const selfWidth = r.selfService * scale;
          const assistedWidth = r.assisted * scale;
          return (
            <g key={r.procedureCode} data-procedure={r.procedureCode}>
              <text x={0} y={y + barHeight * 0.72} className="diag-chart__label">
                {shorten(r.name ?? r.procedureCode)}
              </text>
              <rect x={barLeft} y={y} width={selfWidth} height={barHeight} className="diag-chart__self" />
              <rect x={barLeft + selfWidth} y={y} width={assistedWidth} height={barHeight} fill="url(#diag-hatch)" className="diag-chart__assisted" />
              <text x={barLeft + selfWidth + assistedWidth + 10} y={y + barHeight * 0.72} className="diag-chart__value">
                {formatNumber(r.total, locale)}
              </text>
            </g>
          );
        })}
        <line x1={barLeft} y1={0} x2={barLeft} y2={height} className="diag-chart__axis" />
      </svg>
      <figcaption className="diag-chart__legend">
        <span className="diag-legend diag-legend--self">{tr('diag.stats.selfService')}</span>
        <span className="diag-legend diag-legend--assisted">{tr('diag.stats.assisted')}</span>
      </figcaption>
      <table className="diag-table">
        <thead>
          <tr>
            <th scope="col">{tr('diag.queue.procedure')}</th>
            <th scope="col">{tr('diag.stats.selfService')}</th>
            <th scope="col">{tr('diag.stats.assisted')}</th>
            <th scope="col">{tr('diag.stats.assistedShare')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.procedureCode} data-procedure={r.procedureCode}>
              <th scope="row">{r.name ? `${r.procedureCode} · ${r.name}` : r.procedureCode}</th>
              <td>{formatNumber(r.selfService, locale)}</td>
              <td>{formatNumber(r.assisted, locale)}</td>
              <td>{tr('diag.stats.percent', { percent: percent(r.assisted, r.total) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
