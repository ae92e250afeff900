import { useSelector } from '@xstate/react';
import { useState } from 'react';
import type { ActorRefFrom } from 'xstate';
import type { RatingLevel } from '../../../common/kiosk-api/journey-contract.js';
import type { ScreenProps } from '../../app/screen-props.js';
import { KeyboardField } from '../../components/keyboard/KeyboardField.js';
import { OnScreenKeyboard } from '../../components/keyboard/OnScreenKeyboard.js';
import { errorMessageKey } from '../../i18n/index.js';
import { mayRetry } from '../../machines/kiosk-failure.js';
import '../../styles/scan-receipt.css';
import { commentMaxLength, type ratingMachine } from './rating-machine.js';

const levels: readonly RatingLevel[] = [1, 2, 3];
const levelKey = { 1: 'rating.level.1', 2: 'rating.level.2', 3: 'rating.level.3' } as const;
// mouth curves for the three faces: a wide smile, a smile, a frown
const mouths: Record<RatingLevel, string> = { 1: 'M14 27 Q24 38 34 27', 2: 'M16 29 Q24 34 32 29', 3: 'M16 33 Q24 25 32 33' };

/** A face beside each level's words; decoration only, the words carry the meaning. */
function Face({ level }: { level: RatingLevel }) {
  return (
    <svg className="rating__face" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" strokeWidth="3" />
      <circle cx="17" cy="19" r="2.6" fill="currentColor" />
      <circle cx="31" cy="19" r="2.6" fill="currentColor" />
      <path d={mouths[level]} fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

export interface RatingStepProps extends ScreenProps {
  actor: ActorRefFrom<typeof ratingMachine>;
  /** `submit.rating` after a receipt, `rate.rating` inside the rate flow */
  screen?: 'submit.rating' | 'rate.rating';
  /** a line under the title, e.g. the procedure of the dossier being rated */
  about?: string | null;
}

/** Three big choices, an optional comment, Send or Skip; then thanks (`data-state` choosing / sending / failed / thanks). */
export function RatingStep({ actor, tr, screen = 'submit.rating', about }: RatingStepProps) {
  const snapshot = useSelector(actor, (s) => s);
  const c = snapshot.context;
  const [typing, setTyping] = useState(false);
  const sending = snapshot.matches('sending');
  const failed = snapshot.matches('failed');

  if (snapshot.matches('thanks') || snapshot.matches('finished')) {
    return (
      <main className="screen screen--centered rating rating--thanks" data-screen={screen} data-state="thanks">
        <header className="screen__top rating__thanks">
          <h1 className="title">{tr('rating.thanks.title')}</h1>
          <p className="lead">{tr('rating.thanks.body')}</p>
        </header>
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => actor.send({ type: 'rating.continue' })}>
            {tr('rating.continue')}
          </button>
        </div>
      </main>
    );
  }

  return (
    <main className="screen rating" data-screen={screen} data-state={String(snapshot.value)} aria-busy={sending}>
      <header className="rating__top">
        <p className="eyebrow">{tr('rating.forCode', { code: c.code })}</p>
        <h1 className="title">{tr('rating.title')}</h1>
        {about && <p className="hint">{about}</p>}
        <p className="hint">{tr('rating.lead')}</p>
      </header>

      <div className="rating__body">
        <div className="rating__levels" role="group" aria-label={tr('rating.levels')}>
          {levels.map((level) => (
            <button
              key={level}
              type="button"
              className={c.level === level ? 'rating__level rating__level--on' : 'rating__level'}
              aria-pressed={c.level === level}
              data-level={level}
              disabled={sending}
              onClick={() => actor.send({ type: 'rating.choose', level })}
            >
              <Face level={level} />
              <span className="rating__level-label">{tr(levelKey[level])}</span>
            </button>
          ))}
        </div>

        <div className="rating__comment">
          <KeyboardField
            id="rating-comment"
            label={tr('rating.comment')}
            value={c.comment}
            active={typing}
            onActivate={() => setTyping(true)}
            onChange={(text) => actor.send({ type: 'rating.comment', text })}
            hint={tr('rating.comment.count', { count: c.comment.length, max: commentMaxLength })}
            error={c.commentCut ? tr('rating.comment.cut', { max: commentMaxLength }) : null}
            multiline
          />
          {typing && !sending && (
            <OnScreenKeyboard
              layout="text"
              value={c.comment}
              onChange={(text) => actor.send({ type: 'rating.comment', text })}
              onDone={() => setTyping(false)}
              tr={tr}
              fieldLabel={tr('rating.comment')}
              maxLength={commentMaxLength}
            />
          )}
        </div>

        <p className="rating__status" role="status" aria-live="polite">
          {sending ? tr('rating.sending') : c.level === null ? tr('rating.chooseFirst') : ''}
        </p>
        {failed && c.error && (
          <section className="problem" role="alert" data-error={c.error.kind}>
            <h2 className="subtitle">{tr('rating.failed')}</h2>
            <p className="problem__text">{tr(errorMessageKey(c.error.kind))}</p>
          </section>
        )}
      </div>

      <div className="actions">
        <button type="button" className="button button--secondary" disabled={sending} onClick={() => actor.send({ type: 'rating.skip' })}>
          {tr('rating.skip')}
        </button>
        {failed ? (
          mayRetry(c.error) && (
            <button type="button" className="button button--primary" onClick={() => actor.send({ type: 'rating.retry' })}>
              {tr('rating.retry')}
            </button>
          )
        ) : (
          <button type="button" className="button button--primary" disabled={sending || c.level === null} onClick={() => actor.send({ type: 'rating.send' })}>
            {tr('rating.send')}
          </button>
        )}
      </div>
    </main>
  );
}
