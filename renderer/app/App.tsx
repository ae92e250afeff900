import { useMachine } from '@xstate/react';
import { useCallback, useEffect } from 'react';
import { t, type MessageKey, type MessageParams } from '../i18n/index.js';
import type { RootMachine } from '../machines/root-machine.js';
import type { UserEvent } from '../machines/root-types.js';
import { CornerHotspot } from '../screens/CornerHotspot.js';
import { DisconnectedOverlay } from '../screens/DisconnectedOverlay.js';
import { IdleWarningOverlay } from '../screens/IdleWarningOverlay.js';
import { ScreenForState } from './ScreenForState.js';
import { useUserActivity } from './use-user-activity.js';

export function App({ machine }: { machine: RootMachine }) {
  const [snapshot, sendAny] = useMachine(machine);
  // screens may only send user events; core and timer events come from actors
  const send = useCallback((event: UserEvent) => sendAny(event), [sendAny]);
  const { context } = snapshot;
  const locale = context.locale;
  const tr = useCallback((key: MessageKey, params?: MessageParams) => t(locale, key, params), [locale]);

  useUserActivity(send);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t(locale, 'app.title');
  }, [locale]);

  const props = { context, send, tr };
  return (
    <div className="kiosk">
      <ScreenForState snapshot={snapshot} {...props} />
      {context.session?.warning && <IdleWarningOverlay {...props} remainingMs={context.session.warning.remainingMs} />}
      {!context.connected && <DisconnectedOverlay {...props} />}
      <CornerHotspot {...props} />
    </div>
  );
}
