import type { FormEvent } from 'react';
import { KeyboardField } from '../../components/keyboard/KeyboardField.js';
import { CodeKeyboard } from './CodeKeyboard.js';
import type { TrackScreenProps } from './track-screen-props.js';

const codeFieldId = 'track-code';

/** Scan the receipt's QR or type its code. A CCCD scanned by mistake gets a hint, not an error. */
export function TrackCodeScreen({ actor, snapshot, tr }: TrackScreenProps) {
  const { code, hint } = snapshot.context;
  const canCheck = snapshot.can({ type: 'track.check' });
  const type = (value: string) => actor.send({ type: 'track.type', code: value });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    actor.send({ type: 'track.check' });
  };
  const label = tr('track.code.label');
  return (
    <main className="screen track track--code" data-screen="track.code">
      <header className="guide__head">
        <p className="eyebrow">{tr('track.eyebrow')}</p>
        <h1 className="title">{tr('track.code.title')}</h1>
        <p className="lead">{tr('track.code.scan')}</p>
      </header>
      <form id="track-code-form" className="track__form" onSubmit={onSubmit}>
        <KeyboardField id={codeFieldId} label={label} value={code} active onActivate={() => undefined} onChange={type} hint={tr('track.code.examples')} />
      </form>
      <p className={hint ? 'notice' : 'notice notice--empty'} role="alert" data-hint={hint ?? undefined}>
        {hint === 'idCard' ? tr('track.hint.idCard') : hint === 'unreadable' ? tr('track.hint.unreadable') : ''}
      </p>
      <CodeKeyboard value={code} onChange={type} tr={tr} fieldLabel={label} />
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'track.back' })}>
          {tr('common.back')}
        </button>
        <button type="submit" form="track-code-form" className="button button--primary" disabled={!canCheck}>
          {tr('track.code.check')}
        </button>
      </div>
    </main>
  );
}
