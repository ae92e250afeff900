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
    /** this document's id (a reload starts a new trace) */
    __kioskTraceDoc?: string;
    /** set by `TraceFeed.follow`: the page pushes each new mark to the test as it is recorded */
    __kioskTraceFeed?: (doc: string, from: number, marks: ScreenMark[]) => Promise<void>;
  }
}

export const installScreenTrace = async (page: Page): Promise<void> => {
  await page.addInitScript(() => {
    const trace: ScreenMark[] = [];
    window.__kioskTrace = trace;
    const doc = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    window.__kioskTraceDoc = doc;
    // marks recorded before the test's binding existed go with the next push
    let sent = 0;
    const push = () => {
      const feed = window.__kioskTraceFeed;
      if (typeof feed !== 'function' || sent >= trace.length) return;
      const from = sent;
      sent = trace.length;
      void feed(doc, from, trace.slice(from));
    };
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
      push();
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

/**
 * The page's trace as it grows, pushed by the page through a binding: a walk that waits on
 * every step reads it here instead of asking the page 25 times a second (each ask is a round
 * trip of 15–25 ms on a 2-core machine). Follows reloads: a new document starts a new trace.
 */
export class TraceFeed {
  #marks: ScreenMark[] = [];
  #doc: string | null = null;
  /** documents left behind by a reload: a late push from one of them is dropped */
  readonly #retired = new Set<string>();
  readonly #listeners = new Set<() => void>();

  private constructor(readonly page: Page) {}

  /** Before the page loads: the binding must exist when the app starts drawing. */
  static async follow(page: Page): Promise<TraceFeed> {
    const feed = new TraceFeed(page);
    await page.exposeBinding('__kioskTraceFeed', (_source, doc: string, from: number, marks: ScreenMark[]) => feed.#receive(doc, from, marks));
    return feed;
  }

  /** What the page has shown so far (this document). */
  get marks(): readonly ScreenMark[] {
    return this.#marks;
  }

  #adopt(doc: string): boolean {
    if (doc === this.#doc) return true;
    if (this.#retired.has(doc)) return false;
    if (this.#doc !== null) this.#retired.add(this.#doc);
    this.#doc = doc;
    this.#marks = [];
    return true;
  }

  #receive(doc: string, from: number, marks: ScreenMark[]): void {
    if (!this.#adopt(doc)) return;
    // pushes come in order; one that would leave a hole (none should) is made good from the page's own record
    if (from > this.#marks.length) {
      this.catchUp().then(() => this.#wake(), () => undefined);
      return;
    }
    this.#marks.splice(from, marks.length, ...marks);
    this.#wake();
  }

  #wake(): void {
    for (const l of [...this.#listeners]) l();
  }

  /** Resolves at the next push, or after `ms`. */
  next(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#listeners.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#listeners.add(done);
    });
  }

  /** Reads the page's own trace once and takes it as it is (after a reload, or before giving up on a wait). */
  async catchUp(): Promise<readonly ScreenMark[]> {
    const { doc, trace } = await this.page.evaluate(() => ({ doc: window.__kioskTraceDoc ?? '', trace: window.__kioskTrace ?? [] }));
    if (this.#adopt(doc) && trace.length > this.#marks.length) this.#marks = trace;
    return this.#marks;
  }
}
