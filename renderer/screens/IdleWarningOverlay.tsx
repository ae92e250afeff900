import { useEffect, useRef } from 'react';
import type { ScreenProps } from '../app/screen-props.js';

/**
 * The core's idle countdown. A tap anywhere on it keeps the session (the big button says so
 * plainly); it answers on click, so the lifting finger never lands on the screen beneath.
 */
export function IdleWarningOverlay({ send, tr, remainingMs }: ScreenProps & { remainingMs: number }) {
  const seconds = Math.ceil(remainingMs / 1000);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <div
      className="overlay"
      data-overlay="idleWarning"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="idle-title"
      aria-describedby="idle-countdown"
      onClick={(e) => send({ type: 'user.stillHere', at: e.timeStamp })}
    >
      <div className="overlay__panel">
        <h2 className="title" id="idle-title">{tr('idle.title')}</h2>
        <p className="countdown" aria-hidden="true" data-seconds={seconds}>
          {seconds}
        </p>
        <p className="lead" id="idle-countdown" data-testid="idle-countdown" aria-live="polite">
          {tr('idle.countdown', { seconds })}
        </p>
        <p className="hint">{tr('idle.privacy')}</p>
        {/* its click bubbles to the overlay's handler */}
        <button ref={button} type="button" className="button button--primary button--huge">
          {tr('idle.stillHere')}
        </button>
      </div>
    </div>
  );
}
