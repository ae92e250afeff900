import { useSelector } from '@xstate/react';
import type { ActorRefFrom } from 'xstate';
import type { ScreenProps } from '../../app/screen-props.js';
import '../../styles/guide-track.css';
import { GuideCategoriesScreen } from './GuideCategoriesScreen.js';
import { GuideDetailScreen } from './GuideDetailScreen.js';
import { GuideListScreen } from './GuideListScreen.js';
import type { guideMachine } from './guide-machine.js';

export type GuideActor = ActorRefFrom<typeof guideMachine>;

/** The guide flow's screens, one per machine state (data-screen `guide.<state>`). */
export function GuideFlow({ actor, context, tr }: ScreenProps & { actor: GuideActor }) {
  const snapshot = useSelector(actor, (s) => s);
  const props = { actor, snapshot, locale: context.locale, tr };
  if (snapshot.matches('categories')) return <GuideCategoriesScreen {...props} />;
  if (snapshot.matches('list')) return <GuideListScreen {...props} />;
  if (snapshot.matches('detail')) return <GuideDetailScreen {...props} />;
  return null;
}
