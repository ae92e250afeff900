import type { Locale } from '../../common/domain/locale.js';
import type { ScreenProps } from '../app/screen-props.js';
import { t } from '../i18n/index.js';

// not `locales` from common: that module carries zod, which the renderer must not bundle
const allLocales: readonly Locale[] = ['vi', 'en'];

/** Each language is named in itself, so a visitor finds theirs whatever is showing. */
export function LanguageToggle({ context, send, tr }: ScreenProps) {
  const available: readonly Locale[] = context.config?.locale.available ?? allLocales;
  if (available.length < 2) return null;
  return (
    <div className="language" role="group" aria-label={tr('home.language')}>
      {available.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className={locale === context.locale ? 'button button--toggle button--on' : 'button button--toggle'}
          aria-pressed={locale === context.locale}
          onClick={() => send({ type: 'user.setLocale', locale })}
        >
          {t(locale, `locale.${locale}`)}
        </button>
      ))}
    </div>
  );
}
