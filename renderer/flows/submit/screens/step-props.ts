import type { Locale } from '../../../../common/domain/locale.js';
import type { Translate } from '../../../app/screen-props.js';
import type { SubmitContext, SubmitEvent } from '../submit-machine.js';

/** What each submit screen gets: the flow's context, a way to send it events, words. */
export interface StepProps {
  c: SubmitContext;
  /** sends a `submit.*` event to the flow machine */
  act: (event: SubmitEvent) => void;
  tr: Translate;
  locale: Locale;
}
