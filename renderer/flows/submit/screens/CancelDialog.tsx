import { useEffect, useRef } from 'react';
import type { StepProps } from './step-props.js';

/** "Your answers will be deleted": cancelling a dossier is never one stray tap. */
export function CancelDialog({ act, tr }: Pick<StepProps, 'act' | 'tr'>) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="overlay" data-overlay="submitCancel" role="alertdialog" aria-modal="true" aria-labelledby="cancel-title" aria-describedby="cancel-body">
      <div className="overlay__panel">
        <h2 className="title" id="cancel-title">
          {tr('submit.cancelDialog.title')}
        </h2>
        <p className="lead" id="cancel-body">
          {tr('submit.cancelDialog.body')}
        </p>
        <div className="actions">
          <button ref={keep} type="button" className="button button--primary" data-action="keep" onClick={() => act({ type: 'submit.cancelDismiss' })}>
            {tr('submit.cancelDialog.keep')}
          </button>
          <button type="button" className="button button--secondary" data-action="confirmCancel" onClick={() => act({ type: 'submit.cancelConfirm' })}>
            {tr('submit.cancelDialog.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
