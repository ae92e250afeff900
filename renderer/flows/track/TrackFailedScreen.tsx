import { errorMessageKey } from '../../i18n/index.js';
import { mayRetry } from '../../machines/kiosk-failure.js';
import type { TrackScreenProps } from './track-screen-props.js';

/** The lookup itself failed (the core unreachable, an internal error): say so and offer to try again. */
export function TrackFailedScreen({ actor, snapshot, tr }: TrackScreenProps) {
  const { error } = snapshot.context;
  return (
    <main className="screen track track--failed" data-screen="track.failed" data-error={error?.kind}>
      <header className="screen__top">
        <p className="eyebrow">{tr('track.eyebrow')}</p>
        <h1 className="title">{tr('track.failed.title')}</h1>
        <p className="lead" role="alert">
          {tr(errorMessageKey(error?.kind ?? 'Internal'))}
        </p>
      </header>
      <div className="guide__actions">
        {mayRetry(error) && (
          <div className="actions">
            <button type="button" className="button button--primary" onClick={() => actor.send({ type: 'track.retry' })}>
              {tr('track.failed.retry')}
            </button>
          </div>
        )}
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'track.back' })}>
            {tr('common.back')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'track.edit' })}>
            {tr('track.notFound.edit')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'track.home' })}>
            {tr('track.home')}
          </button>
        </div>
      </div>
    </main>
  );
}
