import type { ScreenProps } from '../app/screen-props.js';
import { errorMessageKey } from '../i18n/index.js';

/** The kiosk could not load its config or reach its core; it retries by itself too. */
export function OutOfServiceScreen({ context, send, tr }: ScreenProps) {
  return (
    <main className="screen" data-screen="outOfService">
      <section className="screen__top">
        <h1 className="title">{tr('outOfService.title')}</h1>
        <p className="lead">{tr('outOfService.body')}</p>
        {context.bootError && <p className="notice">{tr(errorMessageKey(context.bootError.kind))}</p>}
        <p className="hint">{tr('outOfService.autoRetry')}</p>
      </section>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => send({ type: 'user.retry' })}>
          {tr('outOfService.retry')}
        </button>
      </div>
    </main>
  );
}
