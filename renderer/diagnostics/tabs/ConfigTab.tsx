import { formatDateTime } from '../diagnostics-format.js';
import { Fact, TabBody } from './TabFrame.js';
import type { DiagTabProps } from './tab-props.js';

/** What runs (site, kiosk, versions), and reloading the site file: applied, or refused with why. */
export function ConfigTab({ snapshot, act, tr, locale }: DiagTabProps) {
  const { config, configReload: reload } = snapshot.context;
  const idle = snapshot.matches({ config: 'idle' });
  return (
    <>
      <TabBody title={tr('diag.tab.config')} snapshot={snapshot} tr={tr}>
        {reload && (
          <div className={reload.applied ? 'diag-result' : 'diag-result diag-result--bad'} data-result="configReload" data-applied={reload.applied} role={reload.applied ? 'status' : 'alert'}>
            {reload.applied ? (
              <>
                <p className="diag-state diag-state--ok">{tr(reload.changed ? 'diag.cfg.applied' : 'diag.cfg.unchanged')}</p>
                {reload.restartNeeded && <p className="diag-state diag-state--warn">{tr('diag.cfg.restartNeeded')}</p>}
              </>
            ) : (
              <>
                <p className="diag-state diag-state--bad">{tr('diag.cfg.refused')}</p>
                <dl className="facts">
                  <Fact label={tr('diag.cfg.reason')} name="reason">
                    {reload.reason ?? tr('diag.none')}
                  </Fact>
                </dl>
                {reload.issues.length > 0 && (
                  <table className="diag-table">
                    <thead>
                      <tr>
                        <th scope="col">{tr('diag.cfg.issueFile')}</th>
                        <th scope="col">{tr('diag.cfg.issueField')}</th>
                        <th scope="col">{tr('diag.cfg.issueRule')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {reload.issues.map((issue) => (
                        <tr key={`${issue.path}:${issue.rule}`} data-issue={issue.path}>
                          <td>
                            <code>{reload.config.sitePath}</code>
                          </td>
                          <td>
                            <code>{issue.path}</code>
                          </td>
                          <td>{issue.rule}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </>
            )}
          </div>
        )}
        {config && (
          <dl className="facts">
            <Fact label={tr('diag.cfg.site')}>{`${config.siteName} (${config.siteId})`}</Fact>
            <Fact label={tr('diag.cfg.kiosk')} name="kioskId">
              {config.kioskId}
            </Fact>
            <Fact label={tr('diag.cfg.appVersion')}>{config.appVersion}</Fact>
            <Fact label={tr('diag.cfg.catalogVersion')}>{config.catalogVersion ?? tr('diag.cfg.catalogUnreadable')}</Fact>
            <Fact label={tr('diag.cfg.sitePath')}>
              <code>{config.sitePath}</code>
            </Fact>
            <Fact label={tr('diag.cfg.shell')}>{config.shell}</Fact>
            <Fact label={tr('diag.cfg.startedAt')}>{formatDateTime(config.startedAt, locale)}</Fact>
          </dl>
        )}
      </TabBody>
      <div className="actions">
        <button type="button" className="button button--secondary" disabled={!idle} onClick={() => act({ type: 'diag.refresh' })}>
          {tr('diag.refresh')}
        </button>
        <button type="button" className="button button--primary" disabled={!idle} onClick={() => act({ type: 'diag.config.reload' })}>
          {tr('diag.cfg.reload')}
        </button>
      </div>
    </>
  );
}
