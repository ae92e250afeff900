import type { ReactNode } from 'react';
import { acceptedPurposes } from '../submit-model.js';
import { cardFilledFields } from '../submit-rules.js';
import type { EditSection } from '../submit-machine.js';
import { IdentityFacts } from './IdentityFacts.js';
import { BackButton, CancelButton, StepFrame } from './StepFrame.js';
import type { StepProps } from './step-props.js';

/** Every answer and every scanned page, each section with its own "Edit". */
export function ReviewScreen({ c, act, tr, locale }: StepProps) {
  const procedure = c.procedure;
  const consent = c.input.catalog.consent;
  const accepted = new Set(acceptedPurposes(consent, c.delivery.method, c.consent.purposes));
  const dash = tr('submit.review.empty');
  const fromCard = cardFilledFields(c);
  const section = (id: string, title: string, edit: { section: EditSection; component?: string } | null, body: ReactNode) => (
    <section key={id} className="review__section" aria-labelledby={`review-${id}`} data-section={id}>
      <div className="review__head">
        <h2 className="subtitle" id={`review-${id}`}>
          {title}
        </h2>
        {edit && (
          <button
            type="button"
            className="button button--secondary button--small"
            data-edit={id}
            aria-label={tr('submit.review.editSection', { section: title })}
            onClick={() => act({ type: 'submit.edit', ...edit })}
          >
            {tr('submit.review.edit')}
          </button>
        )}
      </div>
      {body}
    </section>
  );

  return (
    <StepFrame
      c={c}
      tr={tr}
      locale={locale}
      screen="submit.review"
      step="review"
      title={tr('submit.review.title')}
      lead={tr('submit.review.lead')}
      actions={
        <>
          <BackButton act={act} tr={tr} />
          <CancelButton act={act} tr={tr} />
          <button type="button" className="button button--primary" data-action="confirm" onClick={() => act({ type: 'submit.confirm' })}>
            {tr('submit.review.submit')}
          </button>
        </>
      }
    >
      {c.input.operator && (
        <p className="hint" data-testid="review-assisted">
          {tr('submit.review.assisted', { officer: c.input.operator.operatorId })}
        </p>
      )}
      {c.identity && section('identity', tr('submit.review.identity'), { section: 'identity' }, <IdentityFacts identity={c.identity} tr={tr} />)}
      {section(
        'form',
        tr('submit.review.form'),
        { section: 'form' },
        <dl className="facts">
          <dt>{tr('submit.form.phone')}</dt>
          <dd>{c.contact.phone || dash}</dd>
          <dt>{tr('submit.form.email')}</dt>
          <dd>{c.contact.email || dash}</dd>
          {(procedure?.fields ?? []).filter((f) => !fromCard.has(f.id)).map((f) => {
            const value = c.form[f.id] ?? '';
            const shown = f.type === 'select' ? (f.options?.find((o) => o.value === value)?.label[locale] ?? value) : value;
            return [<dt key={`${f.id}-l`}>{f.label[locale]}</dt>, <dd key={`${f.id}-v`}>{shown || dash}</dd>];
          })}
        </dl>,
      )}
      {(procedure?.components ?? []).map((component) => {
        const pages = c.pages[component.id] ?? [];
        return section(
          `scan-${component.id}`,
          component.name[locale],
          { section: 'scan', component: component.id },
          <>
            <p className="hint" data-pages={pages.length}>
              {pages.length > 0 ? tr('submit.review.pages', { count: pages.length }) : tr('submit.review.noPages')}
            </p>
            {pages.length > 0 && (
              <ul className="thumbs">
                {pages.map((page) => (
                  <li key={page.index}>
                    <img className="thumb" src={page.thumbnail} alt={tr('submit.review.pageAlt', { page: page.index, document: component.name[locale] })} />
                  </li>
                ))}
              </ul>
            )}
          </>,
        );
      })}
      {section(
        'delivery',
        tr('submit.review.delivery'),
        { section: 'delivery' },
        <dl className="facts">
          <dt>{tr('submit.delivery.method')}</dt>
          <dd>{c.delivery.method ? tr(`submit.delivery.${c.delivery.method}`) : dash}</dd>
          {c.delivery.method === 'postal' && (
            <>
              <dt>{tr('submit.delivery.recipientName')}</dt>
              <dd>{c.delivery.recipientName}</dd>
              <dt>{tr('submit.delivery.address')}</dt>
              <dd>{c.delivery.address}</dd>
              <dt>{tr('submit.delivery.phone')}</dt>
              <dd>{c.delivery.phone}</dd>
            </>
          )}
        </dl>,
      )}
      {section(
        'consent',
        tr('submit.review.consent'),
        { section: 'consent' },
        <>
          <ul className="still-works">
            {consent.purposes
              .filter((p) => accepted.has(p.id))
              .map((p) => (
                <li key={p.id}>{p.text[locale]}</li>
              ))}
          </ul>
          <p className="hint">{tr('submit.consent.version', { version: consent.version })}</p>
        </>,
      )}
    </StepFrame>
  );
}
