import { useState } from 'react';
import { searchProcedures } from '../../../../common/catalog/search.js';
import { KeyboardField } from '../../../components/keyboard/KeyboardField.js';
import { OnScreenKeyboard } from '../../../components/keyboard/OnScreenKeyboard.js';
import { BackButton, StepFrame } from './StepFrame.js';
import type { StepProps } from './step-props.js';

/** Pick the procedure: by category, or typed into the search box (tone marks optional). */
export function ChooseScreen({ c, act, tr, locale }: StepProps) {
  const [typing, setTyping] = useState(false);
  const catalog = c.input.catalog;
  const found = searchProcedures(catalog, c.query, locale);
  const groups = catalog.categories
    .map((category) => ({ category, procedures: found.filter((p) => p.category === category.id) }))
    .filter((g) => g.procedures.length > 0);
  const setQuery = (text: string) => act({ type: 'submit.query', text });
  return (
    <StepFrame
      c={c}
      tr={tr}
      locale={locale}
      screen="submit.choose"
      title={tr('submit.choose.title')}
      lead={tr('submit.choose.lead')}
      keyboard={
        typing && (
          <OnScreenKeyboard key="search" layout="text" value={c.query} onChange={setQuery} onDone={() => setTyping(false)} tr={tr} fieldLabel={tr('submit.choose.search')} maxLength={60} />
        )
      }
      actions={<BackButton act={act} tr={tr} />}
    >
      <div role="search">
        <KeyboardField
          id="submit-search"
          label={tr('submit.choose.search')}
          hint={tr('submit.choose.searchHint')}
          value={c.query}
          active={typing}
          onActivate={() => setTyping(true)}
          onChange={setQuery}
        />
      </div>
      {groups.length === 0 && (
        <p className="notice" role="status">
          {tr('submit.choose.none')}
        </p>
      )}
      {groups.map(({ category, procedures }) => (
        <section key={category.id} className="procedure-group" aria-labelledby={`category-${category.id}`}>
          <h2 className="subtitle" id={`category-${category.id}`}>
            {category.name[locale]}
          </h2>
          <ul className="procedure-list">
            {procedures.map((p) => (
              <li key={p.code}>
                <button type="button" className="choice procedure" data-procedure={p.code} onClick={() => act({ type: 'submit.pickProcedure', code: p.code })}>
                  <span className="choice__label">{p.name[locale]}</span>
                  <span className="choice__hint">{tr('submit.choose.code', { code: p.code })}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </StepFrame>
  );
}
