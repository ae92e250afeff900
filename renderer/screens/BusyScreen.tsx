import type { MessageKey } from '../i18n/index.js';
import type { ScreenProps } from '../app/screen-props.js';

/** A screen that only says the kiosk is busy (starting, ending a session). */
export function BusyScreen({ tr, name, title, body }: ScreenProps & { name: string; title: MessageKey; body?: MessageKey }) {
  return (
    <main className="screen screen--centered" data-screen={name} aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <h1 className="title">{tr(title)}</h1>
      {body && <p className="lead">{tr(body)}</p>}
    </main>
  );
}
