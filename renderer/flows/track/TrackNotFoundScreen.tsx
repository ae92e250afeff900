import type { TrackScreenProps } from './track-screen-props.js';

/** Neither the kiosk nor the city knows the code: what to check, and who can help. */
export function TrackNotFoundScreen({ actor, snapshot, tr }: TrackScreenProps) {
  const { input, checkedCode, code } = snapshot.context;
  return (
    <main className="screen track track--notFound" data-screen="track.notFound">
      <div className="guide__scroll" tabIndex={0}>
        <header className="guide__head">
          <p className="eyebrow">{tr('track.eyebrow')}</p>
          <h1 className="title">{tr('track.notFound.title')}</h1>
          <p className="lead">{tr('track.notFound.lead', { code: checkedCode ?? code })}</p>
        </header>
        <p className="subtitle">{tr('track.notFound.checkTitle')}</p>
        <ul className="still-works">
          <li>{tr('track.notFound.checkCharacters')}</li>
          <li>{tr('track.notFound.checkWhichCode')}</li>
          <li className="hotline">{tr('track.notFound.checkCounter', { phone: input.config.hotline.phone })}</li>
        </ul>
      </div>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'track.back' })}>
          {tr('common.back')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'track.home' })}>
          {tr('track.home')}
        </button>
        <button type="button" className="button button--primary" onClick={() => actor.send({ type: 'track.edit' })}>
          {tr('track.notFound.edit')}
        </button>
      </div>
    </main>
  );
}
