import type { SnapshotFrom } from 'xstate';
import type { Catalog } from '../../../common/catalog/catalog-schema.js';
import type { Locale } from '../../../common/domain/locale.js';
import type { Translate } from '../../app/screen-props.js';
import type { DiagnosticsEvent, diagnosticsMachine } from '../diagnostics-machine.js';

export type DiagnosticsSnapshot = SnapshotFrom<typeof diagnosticsMachine>;

/** What every technician tab gets: the machine's snapshot to read, `act` to send it events. */
export interface DiagTabProps {
  snapshot: DiagnosticsSnapshot;
  act: (event: DiagnosticsEvent) => void;
  tr: Translate;
  locale: Locale;
  /** procedure names for codes (null before boot finished) */
  catalog: Catalog | null;
}
