import { formatBytes, formatSeconds, percent } from '../diagnostics-format.js';
import { Fact, TabBody } from './TabFrame.js';
import type { DiagTabProps } from './tab-props.js';

/** Disk, memory, uptime; restarting the app and leaving kiosk mode, each confirmed first. */
export function SystemTab({ snapshot, act, tr, locale }: DiagTabProps) {
  const c = snapshot.context;
  const s = c.system;
  const idle = snapshot.matches({ system: 'idle' });
  const confirmRestart = snapshot.matches({ system: 'confirmRestart' });
  const confirmExit = snapshot.matches({ system: 'confirmExit' });
  const restarted = snapshot.matches({ system: 'restarted' });
  const exitUnavailable = s !== null && !s.canExitKiosk;
  return (
    <>
      <TabBody title={tr('diag.tab.system')} snapshot={snapshot} tr={tr}>
        {restarted && c.restart && (
          <p className="diag-note" role="status" data-restarting="true">
            {tr('diag.sys.restarting', { seconds: Math.ceil(c.restart.inMs / 1000), code: c.restart.exitCode })}
          </p>
        )}
        {c.exitingKiosk && (
          <p className="diag-note" role="status">
            {tr('diag.sys.exiting')}
          </p>
        )}
        {(confirmRestart || confirmExit) && (
          <p className="diag-confirm" role="alert" id="diag-confirm">
            <span aria-hidden="true">{'⚠ '}</span>
            {tr(confirmRestart ? 'diag.sys.restartConfirm' : 'diag.sys.exitConfirm')}
          </p>
        )}
        {s && (
          <dl className="facts">
            <Fact label={tr('diag.sys.disk')} name="disk">
              {tr('diag.sys.diskValue', {
                free: formatBytes(s.diskFreeBytes, locale),
                total: formatBytes(s.diskTotalBytes, locale),
                percent: percent(s.diskFreeBytes, s.diskTotalBytes),
              })}
            </Fact>
            <Fact label={tr('diag.sys.dataDir')}>
              <code>{s.dataDir}</code>
            </Fact>
            <Fact label={tr('diag.sys.memory')}>
              {tr('diag.sys.memoryValue', {
                rss: formatBytes(s.memory.rssBytes, locale),
                heap: formatBytes(s.memory.heapUsedBytes, locale),
                free: formatBytes(s.memory.systemFreeBytes, locale),
                total: formatBytes(s.memory.systemTotalBytes, locale),
              })}
            </Fact>
            <Fact label={tr('diag.sys.uptime')}>{tr('diag.sys.uptimeValue', { app: formatSeconds(s.uptimeSeconds.app, tr), system: formatSeconds(s.uptimeSeconds.system, tr) })}</Fact>
            <Fact label={tr('diag.sys.platform')}>{`${s.platform} · Node ${s.nodeVersion} · ${s.shell}`}</Fact>
          </dl>
        )}
        {exitUnavailable && (
          <p className="diag-note" id="diag-exit-unavailable" data-exit-kiosk="unavailable">
            {tr('diag.sys.exitUnavailable', { shell: s.shell })}
          </p>
        )}
      </TabBody>
      <div className="actions diag-actions">
        {confirmRestart || confirmExit ? (
          <>
            <button type="button" className="button button--secondary" onClick={() => act({ type: 'diag.cancel' })}>
              {tr('diag.cancel')}
            </button>
            <button type="button" className="button button--primary diag-button--danger" aria-describedby="diag-confirm" onClick={() => act({ type: 'diag.confirm' })}>
              {tr(confirmRestart ? 'diag.sys.restartYes' : 'diag.sys.exitYes')}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button button--secondary" disabled={!idle} onClick={() => act({ type: 'diag.refresh' })}>
              {tr('diag.refresh')}
            </button>
            <button type="button" className="button button--secondary" disabled={!idle} onClick={() => act({ type: 'diag.system.restart' })}>
              {tr('diag.sys.restart')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={!idle || exitUnavailable}
              aria-describedby={exitUnavailable ? 'diag-exit-unavailable' : undefined}
              onClick={() => act({ type: 'diag.system.exitKiosk' })}
            >
              {tr('diag.sys.exitKiosk')}
            </button>
          </>
        )}
      </div>
    </>
  );
}
