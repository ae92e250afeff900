import { useSelector } from '@xstate/react';
import type { ActorRefFrom } from 'xstate';
import type { ScreenProps } from '../../app/screen-props.js';
import '../../styles/guide-track.css';
import { TrackCheckingScreen } from './TrackCheckingScreen.js';
import { TrackCodeScreen } from './TrackCodeScreen.js';
import { TrackFailedScreen } from './TrackFailedScreen.js';
import { TrackNotFoundScreen } from './TrackNotFoundScreen.js';
import { TrackResultScreen } from './TrackResultScreen.js';
import type { trackMachine } from './track-machine.js';

export type TrackActor = ActorRefFrom<typeof trackMachine>;

/** The track flow's screens, one per machine state (data-screen `track.<state>`). */
export function TrackFlow({ actor, context, tr }: ScreenProps & { actor: TrackActor }) {
  const snapshot = useSelector(actor, (s) => s);
  const props = { actor, snapshot, locale: context.locale, tr };
  if (snapshot.matches('code')) return <TrackCodeScreen {...props} />;
  if (snapshot.matches('checking')) return <TrackCheckingScreen {...props} />;
  if (snapshot.matches('result')) return <TrackResultScreen {...props} />;
  if (snapshot.matches('notFound')) return <TrackNotFoundScreen {...props} />;
  if (snapshot.matches('failed')) return <TrackFailedScreen {...props} />;
  return null;
}
