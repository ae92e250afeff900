import type { ScreenProps } from '../app/screen-props.js';

/** A placeholder until diagnostics arrives: what the kiosk already knows about itself. */
export function DiagnosticsScreen({ context, send, tr, busy }: ScreenProps & { busy: boolean }) {
  const info = context.appInfo;
  const operator = context.operator;
  return (
    <main className="screen diagnostics" data-screen={busy ? 'locking' : 'diagnostics'} aria-busy={busy}>
      <section className="screen__top">
        <h1 className="title">{tr('diagnostics.title')}</h1>
        {operator && <p className="lead">{tr('diagnostics.signedInAs', { role: tr(`pin.role.${operator.role}`), operator: operator.operatorId })}</p>}
        <h2 className="subtitle">{tr('diagnostics.appInfo')}</h2>
        {info && (
          <dl className="facts">
            <dt>{tr('diagnostics.app.version')}</dt>
            <dd>
              {info.name} {info.version}
            </dd>
            <dt>{tr('diagnostics.app.shell')}</dt>
            <dd>{info.shell}</dd>
            <dt>{tr('diagnostics.app.site')}</dt>
            <dd>{info.siteId}</dd>
            <dt>{tr('diagnostics.app.kiosk')}</dt>
            <dd>{info.kioskId}</dd>
            <dt>{tr('diagnostics.app.startedAt')}</dt>
            <dd>{info.startedAt}</dd>
          </dl>
        )}
        <h2 className="subtitle">{tr('diagnostics.devices')}</h2>
        {context.devices.length === 0 ? (
          <p className="hint">{tr('diagnostics.noDevices')}</p>
        ) : (
          <ul className="devices">
            {context.devices.map((d) => (
              <li key={d.id} className={`device device--${d.state}`} data-device={d.id} data-state={d.state}>
                <span className="device__name">{tr(`diagnostics.device.${d.id}`)}</span>
                <span className="device__state">
                  {d.state} · {d.implementation}
                  {d.media ? ` · ${d.media}` : ''}
                </span>
                {d.lastError && <span className="device__error">{d.lastError}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => send({ type: 'user.exitDiagnostics' })}>
          {tr('diagnostics.exit')}
        </button>
      </div>
    </main>
  );
}
