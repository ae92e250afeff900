import { useState, type FormEvent } from 'react';
import { KeyboardField } from '../../components/keyboard/KeyboardField.js';
import { OnScreenKeyboard } from '../../components/keyboard/OnScreenKeyboard.js';
import { maxQueryLength } from './guide-machine.js';
import type { GuideScreenProps } from './guide-screen-props.js';
import { categoryCounts, countWording } from './guide-wording.js';

const searchFieldId = 'guide-search';

/** Categories as big buttons with their counts, and a search box typed on the on-screen keyboard. */
export function GuideCategoriesScreen({ actor, snapshot, locale, tr }: GuideScreenProps) {
  const { input, query } = snapshot.context;
  // the keyboard takes the place of the categories while the resident types
  const [typing, setTyping] = useState(false);
  const canSearch = query.trim() !== '';
  const search = () => {
    if (canSearch) actor.send({ type: 'guide.search', locale });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    search();
  };
  const label = tr('guide.search.label');
  return (
    <main className="screen guide guide--categories" data-screen="guide.categories">
      <header className="guide__head">
        <p className="eyebrow">{tr('guide.eyebrow')}</p>
        <h1 className="title">{tr('guide.categories.title')}</h1>
        <p className="lead">{tr('guide.categories.lead')}</p>
        <form role="search" className="guide__search" onSubmit={onSubmit}>
          <KeyboardField
            id={searchFieldId}
            label={label}
            value={query}
            active={typing}
            onActivate={() => setTyping(true)}
            onChange={(q) => actor.send({ type: 'guide.query', query: q })}
          />
          <div className="guide__search-buttons">
            <button type="submit" className="button button--primary" disabled={!canSearch}>
              {tr('guide.search.submit')}
            </button>
            {query !== '' && (
              <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'guide.query', query: '' })}>
                {tr('guide.search.clear')}
              </button>
            )}
          </div>
        </form>
        <p className="hint">{tr('guide.search.example')}</p>
      </header>
      {typing ? (
        <div className="guide__keyboard">
          <OnScreenKeyboard
            key={searchFieldId}
            layout="text"
            value={query}
            onChange={(q) => actor.send({ type: 'guide.query', query: q })}
            onDone={() => (canSearch ? search() : setTyping(false))}
            tr={tr}
            fieldLabel={label}
            maxLength={maxQueryLength}
          />
        </div>
      ) : (
        // focusable so a keyboard user can scroll it too (axe: scrollable-region-focusable)
        <section className="guide__categories" aria-labelledby="guide-categories-heading" tabIndex={0}>
          <h2 className="subtitle" id="guide-categories-heading">
            {tr('guide.categories.heading')}
          </h2>
          <ul className="tiles">
            {categoryCounts(input.catalog).map((c) => {
              const count = countWording(c.count);
              return (
                <li key={c.id}>
                  <button type="button" className="tile" data-category={c.id} onClick={() => actor.send({ type: 'guide.category', categoryId: c.id })}>
                    <span className="tile__label">{c.name[locale]}</span>
                    <span className="tile__hint">{tr(count.key, count.params)}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <div className="actions">
        {/* while the keyboard is up, Back puts it away rather than leaving the guide */}
        <button type="button" className="button button--secondary" onClick={() => (typing ? setTyping(false) : actor.send({ type: 'guide.back' }))}>
          {tr('common.back')}
        </button>
      </div>
    </main>
  );
}
