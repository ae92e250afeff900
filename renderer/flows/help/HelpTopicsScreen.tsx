import type { MessageKey } from '../../i18n/index.js';
import { Hotline } from './Hotline.js';
import { QuestionList } from './QuestionList.js';
import type { HelpScreenProps } from './help-screen-props.js';

const general: readonly [question: MessageKey, answer: MessageKey][] = [
  ['help.general.useKiosk.q', 'help.general.useKiosk.a'],
  ['help.general.counter.q', 'help.general.counter.a'],
  ['help.general.privacy.q', 'help.general.privacy.a'],
  ['help.general.online.q', 'help.general.online.a'],
];

/** The hotline first, then general answers, then the procedures that have questions and answers. */
export function HelpTopicsScreen({ actor, snapshot, locale, tr }: HelpScreenProps) {
  const { input } = snapshot.context;
  const withHelp = input.catalog.procedures.filter((p) => p.help.length > 0);
  return (
    <main className="screen help help--topics" data-screen="help.topics">
      <div className="guide__scroll" tabIndex={0}>
        <header className="guide__head">
          <p className="eyebrow">{tr('help.eyebrow')}</p>
          <h1 className="title">{tr('help.topics.title')}</h1>
        </header>
        <Hotline hotline={input.config.hotline} locale={locale} tr={tr} />
        <section aria-labelledby="help-general-title">
          <h2 className="subtitle" id="help-general-title">
            {tr('help.general.title')}
          </h2>
          <QuestionList name="general" items={general.map(([q, a]) => ({ question: tr(q), answer: tr(a) }))} />
        </section>
        <section aria-labelledby="help-procedures-title">
          <h2 className="subtitle" id="help-procedures-title">
            {tr('help.procedures.title')}
          </h2>
          {withHelp.length === 0 ? (
            <p className="hint">{tr('help.procedures.none')}</p>
          ) : (
            <ul className="tiles tiles--wide">
              {withHelp.map((p) => (
                <li key={p.code}>
                  <button type="button" className="tile" data-procedure={p.code} onClick={() => actor.send({ type: 'help.procedure', procedureCode: p.code })}>
                    <span className="tile__label">{p.name[locale]}</span>
                    <span className="tile__hint">{tr(p.help.length === 1 ? 'help.procedures.count.one' : 'help.procedures.count', { count: p.help.length })}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'help.back' })}>
          {tr('common.back')}
        </button>
      </div>
    </main>
  );
}
