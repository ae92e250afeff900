import type { Translate } from '../../app/screen-props.js';
import { digitRow, eraseDateDigit, eraseLast, typeDateDigit, typeDigit } from './keyboard-logic.js';

export interface NumericKeypadProps {
  layout: 'digits' | 'phone' | 'date';
  value: string;
  onChange: (value: string) => void;
  onDone: () => void;
  tr: Translate;
  fieldLabel: string;
  maxLength?: number;
}

const keys = [...digitRow.slice(0, 9)];

/** Numbers, phone numbers and dd/mm/yyyy dates: a phone-style pad with big keys. */
export function NumericKeypad({ layout, value, onChange, onDone, tr, fieldLabel, maxLength }: NumericKeypadProps) {
  const type = (key: string) => {
    const next = layout === 'date' ? typeDateDigit(value, key) : typeDigit(value, key, layout, maxLength !== undefined ? { maxLength } : {});
    if (next !== value) onChange(next);
  };
  const erase = () => onChange(layout === 'date' ? eraseDateDigit(value) : eraseLast(value));
  return (
    <div className="osk osk--numeric" role="group" aria-label={tr('keyboard.label', { field: fieldLabel })} data-keyboard={layout}>
      <div className="osk__pad">
        {keys.map((d) => (
          <button key={d} type="button" className="osk__key" data-key={d} onClick={() => type(d)}>
            {d}
          </button>
        ))}
        {layout === 'phone' ? (
          <button type="button" className="osk__key" data-key="+" aria-label={tr('keyboard.sign.plus')} onClick={() => type('+')}>
            {'+'}
          </button>
        ) : (
          <button type="button" className="osk__key" data-key="backspace" onClick={erase}>
            {tr('keyboard.backspace')}
          </button>
        )}
        <button type="button" className="osk__key" data-key="0" onClick={() => type('0')}>
          {'0'}
        </button>
        {layout === 'phone' ? (
          <button type="button" className="osk__key" data-key="backspace" onClick={erase}>
            {tr('keyboard.backspace')}
          </button>
        ) : (
          <button type="button" className="osk__key osk__key--done" data-key="done" onClick={onDone}>
            {tr('keyboard.done')}
          </button>
        )}
        {layout === 'phone' && (
          <button type="button" className="osk__key osk__key--done osk__key--span" data-key="done" onClick={onDone}>
            {tr('keyboard.done')}
          </button>
        )}
      </div>
    </div>
  );
}
