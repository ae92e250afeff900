import type { ScreenProps } from '../app/screen-props.js';
import { homeChoices } from '../machines/root-types.js';
import { LanguageToggle } from './LanguageToggle.js';

export function HomeScreen(props: ScreenProps) {
  const { context, send, tr } = props;
  return (
    <main className="screen home" data-screen="home">
      <header className="screen__top home__top">
        {context.config && <p className="site-name">{context.config.siteName[context.locale]}</p>}
        <h1 className="title">{tr('home.greeting')}</h1>
        <LanguageToggle {...props} />
      </header>
      <nav className="choices">
        {homeChoices.map((choice) => (
          <button key={choice} type="button" className="choice" data-choice={choice} onClick={() => send({ type: 'user.choose', choice })}>
            <span className="choice__label">{tr(`home.choice.${choice}`)}</span>
            <span className="choice__hint">{tr(`home.choice.${choice}.hint`)}</span>
          </button>
        ))}
      </nav>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={() => send({ type: 'user.end' })}>
          {tr('home.end')}
        </button>
      </div>
    </main>
  );
}
