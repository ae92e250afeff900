import { errorMessageKey } from '../../../i18n/index.js';
import { mayRetry } from '../../../machines/kiosk-failure.js';
import { CancelButton, StepFrame } from './StepFrame.js';
import type { StepProps } from './step-props.js';

/** Keeping the dossier in the kiosk's outbox: quick, local, never waits on the network. */
export function SubmittingScreen({ c, act, tr, locale, failed }: StepProps & { failed: boolean }) {
  const error = failed ? c.submitError : null;
  // a lost session cannot be retried into; a passing fault (the disk, a busy outbox) can
  const canRetry = mayRetry(error);
  const hotline = c.input.config.hotline;
  return (
    <StepFrame
      c={c}
      tr={tr}
      locale={locale}
      screen="submit.submitting"
      title={tr(failed ? 'submit.submitting.failedTitle' : 'submit.submitting.title')}
      busy={!failed}
      actions={
        failed && (
          <>
            <button type="button" className="button button--secondary" data-action="back" onClick={() => act({ type: 'submit.back' })}>
              {tr('submit.submitting.backToReview')}
            </button>
            <CancelButton act={act} tr={tr} />
            {canRetry && (
              <button type="button" className="button button--primary" data-action="retry" onClick={() => act({ type: 'submit.retry' })}>
                {tr('submit.submitting.retry')}
              </button>
            )}
          </>
        )
      }
    >
      {!failed && (
        <div className="submit__waiting" role="status">
          <div className="spinner" aria-hidden="true" />
          <p className="lead">{tr('submit.submitting.body')}</p>
        </div>
      )}
      {failed && (
        <div className="problem" role="alert" data-error={error?.kind}>
          <p className="problem__title">{tr(errorMessageKey(error?.kind ?? 'Internal'))}</p>
          <p>{tr('submit.submitting.kept')}</p>
          <p>{tr('submit.submitting.counter')}</p>
          <p className="hotline">{tr('notAvailable.hotline', { phone: hotline.phone, hours: hotline.hours[locale] })}</p>
        </div>
      )}
    </StepFrame>
  );
}
