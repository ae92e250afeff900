import type { ScreenProps } from '../app/screen-props.js';

/** Honest about what this kiosk cannot do yet, and where the resident can go instead. */
export function NotAvailableScreen({ context, send, tr }: ScreenProps) {
  const choice = context.session?.choice;
  const hotline = context.config?.hotline;
  return (
    <main className="screen" data-screen="notAvailable" data-choice={choice ?? undefined}>
      <section className="screen__top">
        {choice && <p className="eyebrow">{tr(`home.choice.${choice}`)}</p>}
        <h1 className="title">{tr('notAvailable.title')}</h1>
        <p className="lead">{tr('notAvailable.stillWorks')}</p>
        <ul className="still-works">
          <li>{tr('notAvailable.online')}</li>
          <li>{tr('notAvailable.counter')}</li>
          {hotline && <li className="hotline">{tr('notAvailable.hotline', { phone: hotline.phone, hours: hotline.hours[context.locale] })}</li>}
        </ul>
      </section>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => send({ type: 'user.back' })}>
          {tr('common.back')}
        </button>
      </div>
    </main>
  );
}
