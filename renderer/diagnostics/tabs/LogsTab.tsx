import type { LogLevel } from '../../../common/kiosk-api/diagnostics-contract.js';
import { formatTime } from '../diagnostics-format.js';
import { ExportForm } from './ExportForm.js';
import { TabBody } from './TabFrame.js';
import type { DiagTabProps } from './tab-props.js';

const levels: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
const allComponents = '';

/** The newest log lines, filtered by level and component, refreshing by itself if asked; and their export. */
export function LogsTab(props: DiagTabProps) {
  const { snapshot, act, tr, locale } = props;
  if (snapshot.matches({ logs: 'export' })) return <ExportForm kind="logs" {...props} />;
  const c = snapshot.context;
  const idle = snapshot.matches({ logs: 'idle' });
  const components = c.logComponent !== null && !c.logComponents.includes(c.logComponent) ? [c.logComponent, ...c.logComponents] : c.logComponents;
  return (
    <>
      <TabBody title={tr('diag.tab.logs')} snapshot={snapshot} tr={tr}>
        <div className="diag-filters">
          <div className="diag-toggles" role="group" aria-label={tr('diag.logs.level')}>
            {levels.map((level) => (
              <button
                key={level}
                type="button"
                className={c.logLevel === level ? 'button button--toggle button--on diag-button' : 'button button--toggle diag-button'}
                aria-pressed={c.logLevel === level}
                onClick={() => act({ type: 'diag.logs.level', level })}
              >
                {tr(`diag.level.${level}`)}
              </button>
            ))}
          </div>
          <div className="field diag-select">
            <label className="field__label" htmlFor="diag-log-component">
              {tr('diag.logs.component')}
            </label>
            <select
              id="diag-log-component"
              className="field__input"
              value={c.logComponent ?? allComponents}
              onChange={(e) => act({ type: 'diag.logs.component', component: e.target.value === allComponents ? null : e.target.value })}
            >
              <option value={allComponents}>{tr('diag.logs.allComponents')}</option>
              {components.map((component) => (
                <option key={component} value={component}>
                  {component}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className={c.logsAuto ? 'button button--toggle button--on diag-button' : 'button button--toggle diag-button'}
            aria-pressed={c.logsAuto}
            onClick={() => act({ type: 'diag.logs.auto' })}
          >
            {tr('diag.logs.auto')}
          </button>
        </div>
        {c.logs && <p className="hint">{tr('diag.logs.count', { count: c.logs.length })}</p>}
        {c.logs?.length === 0 && <p className="hint">{tr('diag.logs.empty')}</p>}
        {c.logs && c.logs.length > 0 && (
          <ol className="diag-logs">
            {c.logs.map((line, i) => (
              <li key={`${line.at}:${i}`} className={`diag-log diag-log--${line.level}`} data-level={line.level}>
                <span className="diag-log__at">{formatTime(line.at, locale)}</span>
                <span className="diag-log__level">{`${line.level === 'error' ? '✗' : line.level === 'warn' ? '⚠' : '·'} ${tr(`diag.level.${line.level}`)}`}</span>
                <span className="diag-log__component">{line.component}</span>
                <span className="diag-log__message">{line.message}</span>
                {line.detail && <code className="diag-log__detail">{line.detail}</code>}
              </li>
            ))}
          </ol>
        )}
      </TabBody>
      <div className="actions">
        <button type="button" className="button button--secondary" disabled={!idle} onClick={() => act({ type: 'diag.refresh' })}>
          {tr('diag.refresh')}
        </button>
        <button type="button" className="button button--primary" disabled={!idle} onClick={() => act({ type: 'diag.logs.export' })}>
          {tr('diag.logs.export')}
        </button>
      </div>
    </>
  );
}
