import type { SnapshotFrom } from 'xstate';
import type { Locale } from '../../../common/domain/locale.js';
import type { Translate } from '../../app/screen-props.js';
import type { TrackActor } from './TrackFlow.js';
import type { trackMachine } from './track-machine.js';

export interface TrackScreenProps {
  actor: TrackActor;
  snapshot: SnapshotFrom<typeof trackMachine>;
  locale: Locale;
  tr: Translate;
}
