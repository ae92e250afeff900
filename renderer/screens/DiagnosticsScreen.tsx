import { useSelector } from '@xstate/react';
import type { ReactNode } from 'react';
import type { ActorRefFrom } from 'xstate';
import type { ScreenProps } from '../app/screen-props.js';
import type { DiagnosticsEvent, diagnosticsMachine } from '../diagnostics/diagnostics-machine.js';
import { diagTabs, type DiagTab } from '../diagnostics/diagnostics-types.js';
import { AuditTab } from '../diagnostics/tabs/AuditTab.js';
import { ConfigTab } from '../diagnostics/tabs/ConfigTab.js';
import { DevicesTab } from '../diagnostics/tabs/DevicesTab.js';
import { LogsTab } from '../diagnostics/tabs/LogsTab.js';
import { NetworkTab } from '../diagnostics/tabs/NetworkTab.js';
import { QueueTab } from '../diagnostics/tabs/QueueTab.js';
import { StatsTab } from '../diagnostics/tabs/StatsTab.js';
import { SystemTab } from '../diagnostics/tabs/SystemTab.js';
import type { DiagTabProps } from '../diagnostics/tabs/tab-props.js';
import { LanguageToggle } from './LanguageToggle.js';
import '../styles/diagnostics.css';

export type DiagnosticsActor = ActorRefFrom<typeof diagnosticsMachine>;

const tabViews: Record<DiagTab, (props: DiagTabProps) => ReactNode> = {
  devices: DevicesTab,
  queue: QueueTab,
  network: NetworkTab,
  config: ConfigTab,
  logs: LogsTab,
  system: SystemTab,
  stats: StatsTab,
  audit: AuditTab,
};

/**
 * The technician's diagnostics (root states `diagnostics` and `locking`): drawn from the
 * diagnostics machine the root invoked; while the root locks (the machine is gone), a
 * short "locking" screen.
 */
export function DiagnosticsScreen({ actor, busy, ...props }: ScreenProps & { actor: DiagnosticsActor | undefined; busy: boolean }) {
  if (busy || !actor) {
    return (
      <main className="screen screen--centered diag" data-screen="locking" aria-busy="true">
        <div className="spinner" aria-hidden="true" />
        <h1 className="title">{props.tr('diag.locking')}</h1>
      </main>
    );
  }
  return <Diagnostics key={actor.id} actor={actor} {...props} />;
}

function Diagnostics({ actor, context, send, tr }: ScreenProps & { actor: DiagnosticsActor }) {
  const snapshot = useSelector(actor, (s) => s);
  const tab = diagTabs.find((t) => snapshot.matches(t)) ?? 'devices';
  const holding = snapshot.hasTag('busy');
  const { operator } = snapshot.context.input;
  const act = (event: DiagnosticsEvent) => actor.send(event);
  const screenName = `diag.${tab}`;
  const Tab = tabViews[tab];
  const kioskId = snapshot.context.input.appInfo?.kioskId ?? context.config?.kioskId ?? '';
  const site = context.config?.siteName[context.locale] ?? snapshot.context.input.appInfo?.siteId ?? '';
  return (
    <main className="screen diag" data-screen={screenName} aria-busy={snapshot.hasTag('loading') || holding}>
      <header className="diag__header">
        <div className="diag__who">
          <p className="eyebrow">{tr('diag.eyebrow')}</p>
          <p className="diag__signed-in" data-operator={operator.operatorId} data-role={operator.role}>
            {tr('diag.signedIn', { operator: operator.operatorId, role: tr(`diag.role.${operator.role}`) })}
          </p>
          <p className="hint">{tr('diag.kiosk', { kiosk: kioskId, site })}</p>
        </div>
        <div className="diag__header-actions">
          <button type="button" className="button button--secondary diag__exit" onClick={() => send({ type: 'user.exitDiagnostics' })}>
            {tr('diag.exit')}
          </button>
          <LanguageToggle context={context} send={send} tr={tr} />
        </div>
      </header>
      <nav className="diag__tabs" aria-label={tr('diag.tabs')}>
        {diagTabs.map((t) => (
          <button
            key={t}
            type="button"
            className={t === tab ? 'diag__tab diag__tab--current' : 'diag__tab'}
            aria-current={t === tab ? 'page' : undefined}
            data-tab={t}
            // an action runs (a test print, an export): its answer shows on this tab first
            disabled={holding && t !== tab}
            onClick={() => act({ type: `diag.tab.${t}` })}
          >
            {tr(`diag.tab.${t}`)}
          </button>
        ))}
      </nav>
      <Tab snapshot={snapshot} act={act} tr={tr} locale={context.locale} catalog={context.catalog} />
    </main>
  );
}
