import { useEffect } from 'react';
import type { ScreenProps } from '../app/screen-props.js';
import { errorMessageKey } from '../i18n/index.js';

const paintedMark = 'kiosk:attract-painted';

/** The loop between residents: one touch anywhere starts a session. */
export function AttractScreen({ context, send, tr, starting }: ScreenProps & { starting: boolean }) {
  const slides = context.config?.attract.slides ?? [];
  const slide = slides[context.slideIndex];
  const locale = context.locale;

  useEffect(() => {
    // the startup benchmark reads this mark: the first frame a resident could see
    if (performance.getEntriesByName(paintedMark).length > 0) return;
    const frame = requestAnimationFrame(() => performance.mark(paintedMark));
    return () => cancelAnimationFrame(frame);
  }, []);

  return (
    <main className="screen attract" data-screen="attract" data-slide={slide?.id}>
      {/* a heading for screen readers; the whole screen is one button, which may not hold one */}
      <h1 className="visually-hidden">{tr('app.title')}</h1>
      {/* click, not pointerdown: the lifting finger must not land on the next screen's button */}
      <button type="button" className="attract__surface" onClick={() => send({ type: 'user.touch' })} disabled={starting}>
        {context.config && <span className="attract__site">{context.config.siteName[locale]}</span>}
        {slide && (
          <span className="attract__slide" key={slide.id}>
            <span className="attract__title">{slide.title[locale]}</span>
            <span className="attract__body">{slide.body[locale]}</span>
          </span>
        )}
        <span className="attract__dots" aria-hidden="true">
          {slides.map((s, i) => (
            <span key={s.id} className={i === context.slideIndex ? 'dot dot--current' : 'dot'} />
          ))}
        </span>
        <span className="attract__cta">{starting ? tr('attract.starting') : tr('attract.touchToStart')}</span>
        {context.startError && !starting && (
          <span className="notice" role="alert">
            {tr('attract.startFailed')} {tr(errorMessageKey(context.startError.kind))}
          </span>
        )}
      </button>
    </main>
  );
}
