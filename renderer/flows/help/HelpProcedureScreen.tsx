import { QuestionList } from './QuestionList.js';
import type { HelpScreenProps } from './help-screen-props.js';

/** One procedure's questions and answers from the catalog, with the hotline when they are not enough. */
export function HelpProcedureScreen({ actor, snapshot, locale, tr }: HelpScreenProps) {
  const { input, procedureCode } = snapshot.context;
  const procedure = input.catalog.procedures.find((p) => p.code === procedureCode);
  if (!procedure) return null;
  const hotline = input.config.hotline;
  return (
    <main className="screen help help--procedure" data-screen="help.procedure" data-procedure={procedure.code}>
      <div className="guide__scroll" tabIndex={0}>
        <header className="guide__head">
          <p className="eyebrow">{tr('help.procedure.eyebrow')}</p>
          <h1 className="title">{procedure.name[locale]}</h1>
        </header>
        {procedure.help.length === 0 ? (
          <p className="lead">{tr('help.procedure.empty')}</p>
        ) : (
          <QuestionList name={procedure.code} items={procedure.help.map((h) => ({ question: h.question[locale], answer: h.answer[locale] }))} />
        )}
        <p className="lead hotline">{tr('help.procedure.stillNeed', { phone: hotline.phone, hours: hotline.hours[locale] })}</p>
      </div>
      <div className="guide__actions">
        <div className="actions">
          <button type="button" className="button" onClick={() => actor.send({ type: 'help.guide' })}>
            {tr('help.procedure.guide')}
          </button>
        </div>
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'help.back' })}>
            {tr('common.back')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'help.home' })}>
            {tr('help.home')}
          </button>
        </div>
      </div>
    </main>
  );
}
