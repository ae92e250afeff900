import { useMachine } from '@xstate/react';
import { useCallback, useEffect, useRef } from 'react';
import { A11yProvider } from '../a11y/A11yProvider.js';
import { A11yToolbar } from '../a11y/A11yToolbar.js';
import { AssistedBanner } from '../a11y/AssistedBanner.js';
import { AudioGuide } from '../audio/AudioGuide.js';
import { t, type MessageKey, type MessageParams } from '../i18n/index.js';
import type { RootMachine } from '../machines/root-machine.js';
import type { UserEvent } from '../machines/root-types.js';
import { CornerHotspot } from '../screens/CornerHotspot.js';
import { DisconnectedOverlay } from '../screens/DisconnectedOverlay.js';
import { IdleWarningOverlay } from '../screens/IdleWarningOverlay.js';
import { ScreenForState } from './ScreenForState.js';
import { useUserActivity } from './use-user-activity.js';
import '../styles/a11y.css';

export function App({ machine }: { machine: RootMachine }) {
  const [snapshot, sendAny] = useMachine(machine);
  // screens may only send user events; core and timer events come from actors
  const send = useCallback((event: UserEvent) => sendAny(event), [sendAny]);
  const { context } = snapshot;
  const locale = context.locale;
  const tr = useCallback((key: MessageKey, params?: MessageParams) => t(locale, key, params), [locale]);
  // the audio guide reads the data-screen (or data-overlay) of what shows in here
  const kiosk = useRef<HTMLDivElement>(null);

  useUserActivity(send);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t(locale, 'app.title');
  }, [locale]);

  const props = { context, send, tr };
  return (
    // accessibility choices live as long as the resident's session (see a11y-prefs.ts)
    <A11yProvider sessionId={context.session?.info.sessionId ?? null}>
      <div className="kiosk" ref={kiosk}>
        <AssistedBanner {...props} />
        {/* the screen's box: banner above and toolbar below take their room from it */}
        <div className="kiosk__stage">
          <ScreenForState snapshot={snapshot} {...props} />
        </div>
        {snapshot.matches('session') && <A11yToolbar tr={tr} />}
        <AudioGuide root={kiosk} />
        {context.session?.warning && <IdleWarningOverlay {...props} remainingMs={context.session.warning.remainingMs} />}
        {!context.connected && <DisconnectedOverlay {...props} />}
        <CornerHotspot {...props} />
      </div>
    </A11yProvider>
  );
}
