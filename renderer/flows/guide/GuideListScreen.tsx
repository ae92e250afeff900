import type { GuideScreenProps } from './guide-screen-props.js';
import { agencyName, listCountWording } from './guide-wording.js';

/** The procedures of a category, or the search results, as big buttons. */
export function GuideListScreen({ actor, snapshot, locale, tr }: GuideScreenProps) {
  const { input, list, results } = snapshot.context;
  const catalog = input.catalog;
  const category = list?.kind === 'category' ? catalog.categories.find((c) => c.id === list.categoryId) : undefined;
  const procedures = results.flatMap((code) => catalog.procedures.filter((p) => p.code === code));
  const count = listCountWording(procedures.length);
  return (
    <main className="screen guide guide--list" data-screen="guide.list">
      <header className="guide__head">
        <p className="eyebrow">{category ? tr('guide.list.categoryEyebrow') : tr('guide.eyebrow')}</p>
        <h1 className="title">{category ? category.name[locale] : tr('guide.list.searchTitle', { query: list?.kind === 'search' ? list.query : '' })}</h1>
        <p className="lead" role="status">
          {procedures.length > 0 ? tr(count.key, count.params) : tr('guide.list.empty')}
        </p>
      </header>
      <section className="guide__scroll" tabIndex={0}>
        {procedures.length > 0 ? (
          <ul className="tiles tiles--wide">
            {procedures.map((p) => {
              const agency = agencyName(catalog, p, locale);
              return (
                <li key={p.code}>
                  <button type="button" className="tile" data-procedure={p.code} onClick={() => actor.send({ type: 'guide.open', procedureCode: p.code })}>
                    <span className="tile__label">{p.name[locale]}</span>
                    {agency && <span className="tile__hint">{agency}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="hint">{tr('guide.list.emptyTip')}</p>
        )}
        <p className="hint">{tr('guide.list.counterTip')}</p>
      </section>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'guide.back' })}>
          {tr('common.back')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'guide.home' })}>
          {tr('guide.home')}
        </button>
      </div>
    </main>
  );
}
