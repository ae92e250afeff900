import type { SnapshotFrom } from 'xstate';
import type { Locale } from '../../../common/domain/locale.js';
import type { Translate } from '../../app/screen-props.js';
import type { GuideActor } from './GuideFlow.js';
import type { guideMachine } from './guide-machine.js';

/** What each guide screen draws from: the flow's snapshot, its actor to send to, and words. */
export interface GuideScreenProps {
  actor: GuideActor;
  snapshot: SnapshotFrom<typeof guideMachine>;
  /** the resident's language now (it may change after the flow began) */
  locale: Locale;
  tr: Translate;
}
