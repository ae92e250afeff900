import type { PublicConfig } from '../../../common/config/public-config.js';
import type { Locale } from '../../../common/domain/locale.js';
import type { Translate } from '../../app/screen-props.js';

/** The hotline from the site config, big: the one thing a lost resident needs. */
export function Hotline({ hotline, locale, tr }: { hotline: PublicConfig['hotline']; locale: Locale; tr: Translate }) {
  return (
    <section className="hotline-card" aria-labelledby="help-hotline-title">
      <h2 className="hotline-card__title" id="help-hotline-title">
        {tr('help.hotline.title')}
      </h2>
      <p className="hotline-card__phone" data-hotline={hotline.phone}>
        {hotline.phone}
      </p>
      <p className="hotline-card__hours">{tr('help.hotline.hours', { hours: hotline.hours[locale] })}</p>
      <p className="hint">{tr('help.hotline.call')}</p>
    </section>
  );
}
