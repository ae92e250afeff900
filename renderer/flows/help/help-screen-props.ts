import type { SnapshotFrom } from 'xstate';
import type { Locale } from '../../../common/domain/locale.js';
import type { Translate } from '../../app/screen-props.js';
import type { HelpActor } from './HelpFlow.js';
import type { helpMachine } from './help-machine.js';

export interface HelpScreenProps {
  actor: HelpActor;
  snapshot: SnapshotFrom<typeof helpMachine>;
  locale: Locale;
  tr: Translate;
}
