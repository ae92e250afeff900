import { useState } from 'react';
import type { Translate } from '../../app/screen-props.js';
import type { MessageKey } from '../../i18n/index.js';
import {
  backspace,
  digitRow,
  emailSigns,
  initialShift,
  letterRows,
  textSigns,
  toggleCaps,
  toggleShift,
  toggleTelex,
  typeKey,
  typeSpace,
  type KeyboardLayout,
  type Sign,
  type TypeOptions,
} from './keyboard-logic.js';
import { NumericKeypad } from './NumericKeypad.js';

export interface KeyboardProps {
  layout: KeyboardLayout;
  /** the field being edited (controlled: the keyboard only proposes new values) */
  value: string;
  onChange: (value: string) => void;
  /** "Done": the parent closes the keyboard or moves to the next field */
  onDone: () => void;
  tr: Translate;
  /** the label of the field being edited, so a screen reader knows where the keys go */
  fieldLabel: string;
  maxLength?: number;
  capitalizeWords?: boolean;
}

const signNames: Record<Sign, MessageKey> = {
  ',': 'keyboard.sign.comma',
  '.': 'keyboard.sign.period',
  '/': 'keyboard.sign.slash',
  '-': 'keyboard.sign.hyphen',
  '@': 'keyboard.sign.at',
  _: 'keyboard.sign.underscore',
};

/**
 * A Vietnamese on-screen keyboard: QWERTY with Telex composition (on by default for words),
 * a digits row, shift and caps, big keys. Give it `key={fieldId}` so each field starts fresh.
 */
export function OnScreenKeyboard(props: KeyboardProps) {
  if (props.layout === 'digits' || props.layout === 'phone' || props.layout === 'date') return <NumericKeypad {...props} layout={props.layout} />;
  return <LetterKeyboard {...props} />;
}

function LetterKeyboard({ layout, value, onChange, onDone, tr, fieldLabel, maxLength, capitalizeWords }: KeyboardProps) {
  const opts: TypeOptions = { ...(maxLength !== undefined ? { maxLength } : {}), ...(capitalizeWords ? { capitalizeWords } : {}) };
  const [state, setState] = useState(() => initialShift(layout, value, opts));
  const upper = state.shift || state.caps;
  const apply = (r: { value: string; state: typeof state }) => {
    setState(r.state);
    if (r.value !== value) onChange(r.value);
  };
  const signs = layout === 'email' ? emailSigns : textSigns;
  const letterKey = (k: string) => {
    const shown = upper ? k.toLocaleUpperCase('vi') : k;
    return (
      <button key={k} type="button" className="osk__key" data-key={k} onClick={() => apply(typeKey(value, k, state, opts))}>
        {shown}
      </button>
    );
  };

  return (
    <div className="osk" role="group" aria-label={tr('keyboard.label', { field: fieldLabel })} data-keyboard={layout}>
      <div className="osk__row">
        {digitRow.map((d) => (
          <button key={d} type="button" className="osk__key" data-key={d} onClick={() => apply(typeKey(value, d, state, opts))}>
            {d}
          </button>
        ))}
      </div>
      <div className="osk__row">{letterRows[0].map(letterKey)}</div>
      <div className="osk__row osk__row--offset">{letterRows[1].map(letterKey)}</div>
      <div className="osk__row">
        <button
          type="button"
          className={state.shift ? 'osk__key osk__key--wide osk__key--on' : 'osk__key osk__key--wide'}
          aria-pressed={state.shift}
          data-key="shift"
          onClick={() => setState(toggleShift(state))}
        >
          {tr('keyboard.shift')}
        </button>
        {letterRows[2].map(letterKey)}
        <button type="button" className="osk__key osk__key--wide" data-key="backspace" onClick={() => apply(backspace(value, state, opts))}>
          {tr('keyboard.backspace')}
        </button>
      </div>
      <div className="osk__row">
        <button
          type="button"
          className={state.caps ? 'osk__key osk__key--wide osk__key--on' : 'osk__key osk__key--wide'}
          aria-pressed={state.caps}
          data-key="caps"
          onClick={() => setState(toggleCaps(state))}
        >
          {tr('keyboard.caps')}
        </button>
        {layout === 'text' && (
          <button
            type="button"
            className={state.telex ? 'osk__key osk__key--wide osk__key--on' : 'osk__key osk__key--wide'}
            aria-pressed={state.telex}
            data-key="telex"
            onClick={() => setState(toggleTelex(state))}
          >
            {tr('keyboard.telex')}
          </button>
        )}
        {signs.map((s) => (
          <button key={s} type="button" className="osk__key" data-key={s} aria-label={tr(signNames[s])} onClick={() => apply(typeKey(value, s, state, opts))}>
            {s}
          </button>
        ))}
        {layout === 'text' && (
          <button type="button" className="osk__key osk__key--space" data-key="space" onClick={() => apply(typeSpace(value, state, opts))}>
            {tr('keyboard.space')}
          </button>
        )}
        <button type="button" className="osk__key osk__key--wide osk__key--done" data-key="done" onClick={onDone}>
          {tr('keyboard.done')}
        </button>
      </div>
      {layout === 'text' && state.telex && <p className="osk__hint">{tr('keyboard.telexHint')}</p>}
    </div>
  );
}
