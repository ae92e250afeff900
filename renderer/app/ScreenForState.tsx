import type { SnapshotFrom } from 'xstate';
import type { RootMachine } from '../machines/root-machine.js';
import { AttractScreen } from '../screens/AttractScreen.js';
import { BusyScreen } from '../screens/BusyScreen.js';
import { DiagnosticsScreen } from '../screens/DiagnosticsScreen.js';
import { HomeScreen } from '../screens/HomeScreen.js';
import { OutOfServiceScreen } from '../screens/OutOfServiceScreen.js';
import { PinPadScreen } from '../screens/PinPadScreen.js';
import { FlowView } from './FlowView.js';
import type { ScreenProps } from './screen-props.js';

/** One screen per machine state; the screen's `data-screen` is the state's name. */
export function ScreenForState({ snapshot, ...props }: ScreenProps & { snapshot: SnapshotFrom<RootMachine> }) {
  if (snapshot.matches({ booting: 'outOfService' })) return <OutOfServiceScreen {...props} />;
  if (snapshot.matches('booting')) return <BusyScreen {...props} name="booting" title="booting.title" body="booting.body" />;
  if (snapshot.matches('attract')) return <AttractScreen {...props} starting={snapshot.matches({ attract: 'starting' })} />;
  if (snapshot.matches({ session: 'home' })) return <HomeScreen {...props} />;
  if (snapshot.matches({ session: 'flow' })) return <FlowView snapshot={snapshot} {...props} />;
  if (snapshot.matches({ session: 'ending' })) return <BusyScreen {...props} name="ending" title="ending.title" />;
  if (snapshot.matches('pinPad')) return <PinPadScreen {...props} checking={snapshot.matches({ pinPad: 'checking' })} />;
  if (snapshot.matches('diagnostics')) return <DiagnosticsScreen {...props} actor={snapshot.children.diagnostics} busy={false} />;
  if (snapshot.matches('locking')) return <DiagnosticsScreen {...props} actor={undefined} busy />;
  return null;
}
