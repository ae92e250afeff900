import type { ScreenProps } from '../app/screen-props.js';

/** Shown while the core is out of reach; the transport reconnects on its own. */
export function DisconnectedOverlay({ tr }: ScreenProps) {
  return (
    <div className="overlay overlay--opaque" data-overlay="disconnected" role="alert" aria-busy="true">
      <div className="overlay__panel">
        <div className="spinner" aria-hidden="true" />
        <h2 className="title">{tr('disconnected.title')}</h2>
        <p className="lead">{tr('disconnected.body')}</p>
      </div>
    </div>
  );
}
