import type { Page } from '@playwright/test';

// What the page showed, screen by screen, as it happened: a MutationObserver installed before
// the app loads appends a signature each time what shows changes. A state that lasts one
// render (a lookup that answers in 5 ms) still leaves its mark, so a test can ask "did
// `track.checking` show after I tapped Check?" without racing the screen.

/** What shows at one moment: the screen(s), their data-state and busy flag, the overlays. */
export interface ScreenMark {
  /** every `data-screen` on the page, outermost first, joined with ` > ` */
  screen: string;
  /** the outermost screen's `data-state` (scan, receipt, rating, rate…) */
  state: string | null;
  /** the outermost screen's aria-busy */
  busy: boolean;
  /** `data-overlay`s showing (idleWarning, submitCancel…) */
  overlays: string[];
  /** `data-error` inside the screen (a failed lookup, scan, print…) */
  error: string | null;
  /** the screen's h1 (tells two scan steps apart) */
  title: string | null;
  /** performance.now() in the page */
  t: number;
}

declare global {
  interface Window {
    __kioskTrace?: ScreenMark[];
  }
}

export const installScreenTrace = async (page: Page): Promise<void> => {
  await page.addInitScript(() => {
    const trace: ScreenMark[] = [];
    window.__kioskTrace = trace;
    let last = '';
    const record = () => {
      const screens = [...document.querySelectorAll<HTMLElement>('[data-screen]')];
      const top = screens[0];
      const mark: ScreenMark = {
        screen: screens.map((s) => s.dataset.screen ?? '').join(' > '),
        state: top?.dataset.state ?? null,
        busy: top?.getAttribute('aria-busy') === 'true',
        overlays: [...document.querySelectorAll<HTMLElement>('[data-overlay]')].map((o) => o.dataset.overlay ?? ''),
        error: top?.querySelector<HTMLElement>('[data-error]')?.dataset.error ?? top?.dataset.error ?? null,
        title: top?.querySelector('h1')?.textContent ?? null,
        t: performance.now(),
      };
      const key = JSON.stringify({ ...mark, t: 0 });
      if (key === last) return;
      last = key;
      trace.push(mark);
    };
    const start = () => {
      new MutationObserver(record).observe(document.documentElement, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['data-screen', 'data-state', 'aria-busy', 'data-overlay', 'data-error'],
      });
      record();
    };
    if (document.documentElement) start();
    else document.addEventListener('DOMContentLoaded', start, { once: true });
  });
};

export const readTrace = (page: Page): Promise<ScreenMark[]> => page.evaluate(() => window.__kioskTrace ?? []);
