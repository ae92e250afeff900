import type { TrackScreenProps } from './track-screen-props.js';

/** While the core asks its outbox and the city (never longer than the city's connect timeout). */
export function TrackCheckingScreen({ snapshot, tr }: TrackScreenProps) {
  return (
    <main className="screen screen--centered track track--checking" data-screen="track.checking" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <h1 className="title">{tr('track.checking.title')}</h1>
      <p className="lead track__code">{tr('track.checking.code', { code: snapshot.context.code })}</p>
    </main>
  );
}
