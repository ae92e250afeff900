import { applicablePurposes, consentComplete, purposeRequired } from '../submit-model.js';
import { BackButton, CancelButton, StepFrame } from './StepFrame.js';
import type { StepProps } from './step-props.js';

/**
 * Consent under Law 91/2025/QH15: what is processed, by whom, the resident's rights, and each
 * purpose on its own, never ticked beforehand. The wording's version goes with the dossier.
 */
export function ConsentScreen({ c, act, tr, locale }: StepProps) {
  const consent = c.input.catalog.consent;
  const purposes = applicablePurposes(consent, c.delivery.method);
  const complete = consentComplete(consent, c.delivery.method, c.consent.purposes);
  return (
    <StepFrame
      c={c}
      tr={tr}
      locale={locale}
      screen="submit.consent"
      step="consent"
      title={consent.title[locale]}
      actions={
        <>
          <BackButton act={act} tr={tr} />
          <CancelButton act={act} tr={tr} />
          <button
            type="button"
            className="button button--primary"
            data-action="agree"
            disabled={!complete}
            onClick={() => act({ type: 'submit.consentGive', at: new Date().toISOString() })}
          >
            {tr('submit.consent.agree')}
          </button>
        </>
      }
    >
      <div className="consent__intro">
        {consent.intro[locale].split(/\n+/).map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </div>
      <fieldset className="consent__purposes">
        <legend className="subtitle">{tr('submit.consent.purposes')}</legend>
        {purposes.map((p) => {
          const ticked = c.consent.purposes.includes(p.id);
          return (
            <label key={p.id} className={ticked ? 'purpose purpose--on' : 'purpose'} data-purpose={p.id}>
              <input type="checkbox" className="purpose__box" checked={ticked} onChange={() => act({ type: 'submit.consentToggle', purpose: p.id })} />
              <span className="purpose__text">
                {p.text[locale]}
                <span className="purpose__need">{tr(purposeRequired(p) ? 'submit.consent.needed' : 'submit.consent.optional')}</span>
              </span>
            </label>
          );
        })}
      </fieldset>
      <p className={complete ? 'hint' : 'notice'} role="status">
        {tr(complete ? 'submit.consent.ready' : 'submit.consent.tickAll')}
      </p>
      <p className="hint">{tr('submit.consent.version', { version: consent.version })}</p>
    </StepFrame>
  );
}
