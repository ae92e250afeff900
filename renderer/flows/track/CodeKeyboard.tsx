import type { Translate } from '../../app/screen-props.js';
import { codeKeys } from './track-code.js';

const letterRows = [codeKeys.letters.slice(0, 10), codeKeys.letters.slice(10, 19), codeKeys.letters.slice(19)];

/**
 * The keys a dossier code is made of and nothing else: digits, capital letters, dot and dash.
 * Controlled: it proposes the next value; the machine keeps the code.
 */
export function CodeKeyboard({ value, onChange, tr, fieldLabel }: { value: string; onChange: (value: string) => void; tr: Translate; fieldLabel: string }) {
  const key = (k: string, label?: string) => (
    <button key={k} type="button" className="code-keys__key" data-key={k} aria-label={label} onClick={() => onChange(value + k)}>
      {k}
    </button>
  );
  return (
    <div className="code-keys" role="group" aria-label={tr('track.keys.label', { field: fieldLabel })} data-keyboard="code">
      <div className="code-keys__row">{codeKeys.digits.map((d) => key(d))}</div>
      {letterRows.map((row, i) => (
        <div key={i} className="code-keys__row">
          {row.map((l) => key(l))}
        </div>
      ))}
      <div className="code-keys__row">
        {key('.', tr('track.keys.dot'))}
        {key('-', tr('track.keys.dash'))}
        <button type="button" className="code-keys__key code-keys__key--wide" data-key="backspace" onClick={() => onChange(value.slice(0, -1))}>
          {tr('track.keys.backspace')}
        </button>
        <button type="button" className="code-keys__key code-keys__key--wide" data-key="clear" disabled={value === ''} onClick={() => onChange('')}>
          {tr('track.code.clear')}
        </button>
      </div>
    </div>
  );
}
