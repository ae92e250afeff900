import type { ScreenProps } from '../app/screen-props.js';
import type { MessageKey, MessageParams } from '../i18n/index.js';
import { errorMessageKey } from '../i18n/index.js';
import type { PinDigit, PinPad } from '../machines/root-types.js';

const digits: readonly PinDigit[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
const roles = ['technician', 'officer'] as const;

const messageOf = (message: NonNullable<PinPad['message']>): [MessageKey, MessageParams?] => {
  if (message.kind === 'PinRejected') return ['pin.rejected'];
  if (message.kind === 'PinLocked' && message.retryAfterMs !== undefined) {
    const seconds = Math.ceil(message.retryAfterMs / 1000);
    return seconds < 120 ? ['pin.lockedSeconds', { seconds }] : ['pin.lockedMinutes', { minutes: Math.ceil(seconds / 60) }];
  }
  return [errorMessageKey(message.kind)];
};

/** The technician's (or officer's) PIN, typed on screen; digits are never shown. */
export function PinPadScreen({ context, send, tr, checking }: ScreenProps & { checking: boolean }) {
  const pad = context.pinPad;
  if (!pad) return null;
  const message = pad.message ? messageOf(pad.message) : null;
  return (
    <main className="screen pin" data-screen="pinPad" aria-busy={checking}>
      <header className="screen__top pin__top">
        <h1 className="title">{tr('pin.title')}</h1>
        <div className="language" role="group">
          {roles.map((role) => (
            <button
              key={role}
              type="button"
              className={role === pad.role ? 'button button--toggle button--on' : 'button button--toggle'}
              aria-pressed={role === pad.role}
              onClick={() => send({ type: 'user.pinRole', role })}
            >
              {tr(`pin.role.${role}`)}
            </button>
          ))}
        </div>
        <p className="lead">{tr('pin.prompt')}</p>
        <p className="pin__dots" role="status" data-testid="pin-dots" aria-label={tr('pin.digitsEntered', { count: pad.pin.length })}>
          {pad.pin.length === 0 ? '\u00a0' : '●'.repeat(pad.pin.length)}
        </p>
        <p className={message ? 'notice' : 'notice notice--empty'} role="alert">
          {checking ? tr('pin.checking') : message ? tr(...message) : ''}
        </p>
      </header>
      <div className="keypad">
        {digits.map((digit) => (
          <button key={digit} type="button" className="key" disabled={checking} onClick={() => send({ type: 'user.pinDigit', digit })}>
            {digit}
          </button>
        ))}
        <button type="button" className="key key--action" disabled={checking} onClick={() => send({ type: 'user.pinClear' })}>
          {tr('pin.clear')}
        </button>
        <button type="button" className="key" disabled={checking} onClick={() => send({ type: 'user.pinDigit', digit: '0' })}>
          0
        </button>
        <button type="button" className="key key--submit" disabled={checking || pad.pin.length < 4} onClick={() => send({ type: 'user.pinSubmit' })}>
          {tr('pin.submit')}
        </button>
      </div>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={() => send({ type: 'user.pinCancel' })}>
          {tr('pin.cancel')}
        </button>
      </div>
    </main>
  );
}
