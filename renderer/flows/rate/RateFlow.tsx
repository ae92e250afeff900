import { useSelector } from '@xstate/react';
import type { ActorRefFrom } from 'xstate';
import type { KioskError } from '../../../common/errors.js';
import type { ScreenProps, Translate } from '../../app/screen-props.js';
import { KeyboardField } from '../../components/keyboard/KeyboardField.js';
import { OnScreenKeyboard } from '../../components/keyboard/OnScreenKeyboard.js';
import { errorMessageKey } from '../../i18n/index.js';
import '../../styles/scan-receipt.css';
import { codeLooksValid, codeMaxLength, type rateMachine } from './rate-machine.js';
import { RatingStep } from './RatingStep.js';

const checkError = (error: KioskError, code: string, tr: Translate): string =>
  error.kind === 'DossierNotFound' ? tr('rate.code.notFound', { code }) : `${tr('rate.code.failed', { code })} ${tr(errorMessageKey(error.kind))}`;

/** Rate an earlier dossier: `rate.code` (type or scan the code), `rate.rating`, `rate.thanks`. */
export function RateFlow(props: ScreenProps & { actor: ActorRefFrom<typeof rateMachine> }) {
  const { actor, context: root, tr } = props;
  const snapshot = useSelector(actor, (s) => s);
  const c = snapshot.context;
  const rating = snapshot.children.rating;

  if (snapshot.matches('rating') && rating) {
    const procedureCode = c.rating?.track.procedureCode ?? null;
    const procedure = procedureCode ? c.input.catalog.procedures.find((p) => p.code === procedureCode) : undefined;
    return <RatingStep {...props} key={rating.id} actor={rating} screen="rate.rating" about={procedure?.name[root.locale] ?? null} />;
  }

  if (snapshot.matches('thanks')) {
    return (
      <main className="screen screen--centered rate" data-screen="rate.thanks" data-state="thanks">
        <header className="screen__top rating__thanks">
          <h1 className="title">{tr('rate.thanks.title')}</h1>
          <p className="lead">{tr('rate.thanks.body', { code: c.rating?.code ?? c.code })}</p>
        </header>
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'rate.another' })}>
            {tr('rate.another')}
          </button>
          <button type="button" className="button button--primary" onClick={() => actor.send({ type: 'rate.home' })}>
            {tr('rate.home')}
          </button>
        </div>
      </main>
    );
  }

  const checking = snapshot.matches('checking');
  const message = c.error
    ? checkError(c.error, c.code, tr)
    : c.readerNote === 'identity'
      ? tr('rate.reader.identity')
      : c.readerNote === 'invalid'
        ? tr('rate.reader.invalid')
        : null;
  const ready = codeLooksValid(c.code);
  return (
    <main className="screen rate" data-screen="rate.code" data-state={String(snapshot.value)} aria-busy={checking}>
      <header className="rate__top">
        <h1 className="title">{tr('rate.code.title')}</h1>
        <p className="lead">{tr('rate.code.lead')}</p>
      </header>
      <div className="rate__entry">
        <KeyboardField
          id="rate-code"
          label={tr('rate.code.label')}
          value={c.code}
          active={!checking}
          onActivate={() => undefined}
          onChange={(code) => actor.send({ type: 'rate.setCode', code })}
          hint={tr('rate.code.example')}
          error={message}
        />
        <p className="rate__status" role="status" aria-live="polite">
          {checking ? tr('rate.code.checking', { code: c.code }) : ''}
        </p>
        {!checking && (
          // codes carry no Vietnamese words: the e-mail layout types plain letters (no Telex), `.` and `-`
          <OnScreenKeyboard
            layout="email"
            value={c.code}
            onChange={(code) => actor.send({ type: 'rate.setCode', code })}
            onDone={() => actor.send({ type: 'rate.check' })}
            tr={tr}
            fieldLabel={tr('rate.code.label')}
            maxLength={codeMaxLength}
          />
        )}
      </div>
      <div className="actions">
        <button type="button" className="button button--secondary" disabled={checking} onClick={() => actor.send({ type: 'rate.back' })}>
          {tr('common.back')}
        </button>
        <button type="button" className="button button--primary" disabled={checking || !ready} onClick={() => actor.send({ type: 'rate.check' })}>
          {tr('rate.code.check')}
        </button>
      </div>
    </main>
  );
}
