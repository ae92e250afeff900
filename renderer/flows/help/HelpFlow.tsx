import { useSelector } from '@xstate/react';
import type { ActorRefFrom } from 'xstate';
import type { ScreenProps } from '../../app/screen-props.js';
import '../../styles/guide-track.css';
import { HelpProcedureScreen } from './HelpProcedureScreen.js';
import { HelpTopicsScreen } from './HelpTopicsScreen.js';
import type { helpMachine } from './help-machine.js';

export type HelpActor = ActorRefFrom<typeof helpMachine>;

/** The help flow's screens, one per machine state (data-screen `help.<state>`). */
export function HelpFlow({ actor, context, tr }: ScreenProps & { actor: HelpActor }) {
  const snapshot = useSelector(actor, (s) => s);
  const props = { actor, snapshot, locale: context.locale, tr };
  if (snapshot.matches('topics')) return <HelpTopicsScreen {...props} />;
  if (snapshot.matches('procedure')) return <HelpProcedureScreen {...props} />;
  return null;
}
