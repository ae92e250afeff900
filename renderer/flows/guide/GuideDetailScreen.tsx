import type { ReactNode } from 'react';
import type { LocalizedText } from '../../../common/domain/locale.js';
import type { GuideScreenProps } from './guide-screen-props.js';
import {
  agencyName,
  describeDelivery,
  describeFee,
  describePages,
  describeProcedureCode,
  describeTimeLimit,
  unconfirmedWording,
  type Wording,
} from './guide-wording.js';

/** One fact of the board: a heading and what the catalog says, or "to be confirmed" in words. */
function Fact({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="fact" aria-labelledby={`guide-fact-${id}`} data-fact={id}>
      <h2 className="fact__title" id={`guide-fact-${id}`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The public guide board for one procedure: what to bring, how long, how much, what comes out, on which law. */
export function GuideDetailScreen({ actor, snapshot, locale, tr }: GuideScreenProps) {
  const { input, procedureCode } = snapshot.context;
  const procedure = input.catalog.procedures.find((p) => p.code === procedureCode);
  if (!procedure) return null;
  const say = (w: Wording) => tr(w.key, w.params);
  const note = (text: LocalizedText | undefined) => text && <p className="fact__note">{text[locale]}</p>;
  const category = input.catalog.categories.find((c) => c.id === procedure.category);
  const agency = agencyName(input.catalog, procedure, locale);
  const timeLimit = describeTimeLimit(procedure.timeLimit);
  const fee = describeFee(procedure.fee, locale);
  const canSubmit = snapshot.can({ type: 'guide.submit' });
  // the unconfirmed wording must not look like a settled fact
  const valueClass = (w: Wording) => (w.key === unconfirmedWording.key ? 'fact__value fact__value--unconfirmed' : 'fact__value');

  return (
    <main className="screen guide guide--detail" data-screen="guide.detail" data-procedure={procedure.code}>
      <div className="guide__scroll" tabIndex={0}>
        <header className="guide__head">
          {category && <p className="eyebrow">{category.name[locale]}</p>}
          <h1 className="title">{procedure.name[locale]}</h1>
          <p className="hint">{say(describeProcedureCode(procedure.code))}</p>
        </header>

        <Fact id="agency" title={tr('guide.detail.agency')}>
          {agency ? <p className="fact__value">{agency}</p> : <p className={valueClass(unconfirmedWording)}>{say(unconfirmedWording)}</p>}
        </Fact>

        <Fact id="bring" title={tr('guide.detail.bring')}>
          <ul className="bring">
            {procedure.components.map((c) => {
              const pages = describePages(c.pages);
              return (
                <li key={c.id} className="bring__item" data-component={c.id} data-required={c.required}>
                  <span className="bring__name">{c.name[locale]}</span>
                  <span className={c.required ? 'badge badge--required' : 'badge'}>{tr(c.required ? 'guide.detail.required' : 'guide.detail.optional')}</span>
                  {pages && <span className="bring__pages">{say(pages)}</span>}
                  {c.note && <span className="bring__note">{c.note[locale]}</span>}
                </li>
              );
            })}
          </ul>
        </Fact>

        <Fact id="timeLimit" title={tr('guide.detail.timeLimit')}>
          <p className={valueClass(timeLimit)}>{say(timeLimit)}</p>
          {note(procedure.timeLimit.note)}
        </Fact>

        <Fact id="fee" title={tr('guide.detail.fee')}>
          <p className={valueClass(fee)}>{say(fee)}</p>
          {note(procedure.fee.note)}
        </Fact>

        <Fact id="result" title={tr('guide.detail.result')}>
          <p className="fact__value">{procedure.result[locale]}</p>
        </Fact>

        <Fact id="delivery" title={tr('guide.detail.delivery')}>
          <ul className="fact__list">
            {procedure.delivery.map((d) => (
              <li key={d}>{say(describeDelivery(d))}</li>
            ))}
          </ul>
        </Fact>

        <Fact id="legalBasis" title={tr('guide.detail.legalBasis')}>
          <ul className="fact__list">
            {procedure.legalBasis.map((l, i) => (
              <li key={i}>{l[locale]}</li>
            ))}
          </ul>
        </Fact>

        {procedure.notes.length > 0 && (
          <Fact id="notes" title={tr('guide.detail.notes')}>
            <ul className="fact__list">
              {procedure.notes.map((n, i) => (
                <li key={i}>{n[locale]}</li>
              ))}
            </ul>
          </Fact>
        )}
      </div>

      <div className="guide__actions">
        <div className="actions">
          {canSubmit && (
            <button type="button" className="button button--primary" onClick={() => actor.send({ type: 'guide.submit' })}>
              {tr('guide.detail.submit')}
            </button>
          )}
          <button type="button" className="button" onClick={() => actor.send({ type: 'guide.help' })}>
            {tr('guide.detail.questions')}
          </button>
        </div>
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'guide.back' })}>
            {tr('common.back')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'guide.home' })}>
            {tr('guide.home')}
          </button>
        </div>
      </div>
    </main>
  );
}
