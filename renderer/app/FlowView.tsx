import type { SnapshotFrom } from 'xstate';
import { GuideFlow } from '../flows/guide/GuideFlow.js';
import { HelpFlow } from '../flows/help/HelpFlow.js';
import { RateFlow } from '../flows/rate/RateFlow.js';
import { SubmitFlow } from '../flows/submit/SubmitFlow.js';
import { TrackFlow } from '../flows/track/TrackFlow.js';
import type { RootMachine } from '../machines/root-machine.js';
import type { ScreenProps } from './screen-props.js';

/** The running flow's screens, each drawn from the flow machine's own snapshot. */
export function FlowView({ snapshot, ...props }: ScreenProps & { snapshot: SnapshotFrom<RootMachine> }) {
  const c = snapshot.children;
  if (snapshot.matches({ session: { flow: 'submit' } }) && c.submit) return <SubmitFlow key={c.submit.id} actor={c.submit} {...props} />;
  if (snapshot.matches({ session: { flow: 'guide' } }) && c.guide) return <GuideFlow key={c.guide.id} actor={c.guide} {...props} />;
  if (snapshot.matches({ session: { flow: 'track' } }) && c.track) return <TrackFlow key={c.track.id} actor={c.track} {...props} />;
  if (snapshot.matches({ session: { flow: 'rate' } }) && c.rate) return <RateFlow key={c.rate.id} actor={c.rate} {...props} />;
  if (snapshot.matches({ session: { flow: 'help' } }) && c.help) return <HelpFlow key={c.help.id} actor={c.help} {...props} />;
  return null;
}
