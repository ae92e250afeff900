/* global document -- in page.waitForFunction */
// Drives the kiosk's resident journey in a Playwright page the way a finger would: every step
// is a tap on what a resident sees (on-screen keyboard keys included) and every wait is for
// the next screen, never a fixed sleep. Shared by bench/tap-latency.mjs (which measures each
// tap through `tap`) and bench/soak.mjs (which only needs the sessions to happen).
//
// Selectors follow the renderer: `[data-screen]` names each screen (its machine state),
// `[data-choice]` the home choices, `[data-key]` keyboard keys, `[data-action]` submit steps.
// Vietnamese labels are the site's default locale (test-fast.json).

const timeout = 15_000;

export const labels = {
  back: 'Quay lại',
  home: 'Về trang chủ',
  end: 'Kết thúc',
  search: 'Tìm',
  trackCheck: 'Tra cứu',
  editCode: 'Sửa mã',
  rateCheck: 'Tiếp tục',
  skipDoc: 'Bỏ qua giấy tờ này',
  receiptRate: 'Đánh giá sự phục vụ',
  receiptFinish: 'Hoàn tất',
  ratingSend: 'Gửi đánh giá',
  ratingSkip: 'Bỏ qua',
  ratingContinue: 'Tiếp tục',
  helpToGuide: 'Xem hướng dẫn thủ tục',
  english: 'English',
  vietnamese: 'Tiếng Việt',
};

/** A resident's identity that the manual-entry rules accept (common/cccd/manual-identity.ts). */
export const resident = {
  idNumber: '001090123456',
  fullName: 'nguyen van an',
  dateOfBirth: '01011990',
  address: 'ha noi',
  issueDate: '15042021',
  phone: '0912345678',
};

/**
 * @param {import('@playwright/test').Page} page
 * @param {{ tap?: (locator: import('@playwright/test').Locator, info: {label: string, expectScreen: boolean}) => Promise<void> }} [opts]
 */
export const createDriver = (page, opts = {}) => {
  const screen = (name) => page.locator(`.kiosk__stage [data-screen="${name}"]`);
  const anyScreen = page.locator('.kiosk__stage [data-screen]');
  const current = async () => (await anyScreen.first().getAttribute('data-screen', { timeout }).catch(() => null)) ?? null;
  const tapWith = opts.tap ?? ((locator) => locator.tap({ timeout }));
  /** one tap; `expectScreen` when the tap should lead to another screen */
  const tap = async (locator, label, expectScreen = false) => tapWith(locator, { label, expectScreen });
  const button = (scope, name) => scope.getByRole('button', { name, exact: true });
  const waitScreen = async (name, t = timeout) => {
    await screen(name).waitFor({ state: 'visible', timeout: t });
  };
  /** waits until the stage shows one of `names`; returns which */
  const waitOneOf = async (names, t = timeout) => {
    const sel = names.map((n) => `.kiosk__stage [data-screen="${n}"]`).join(', ');
    await page.locator(sel).first().waitFor({ state: 'visible', timeout: t });
    return current();
  };
  /** taps each character's key on whatever keyboard is up (space → the space bar) */
  const type = async (text, label) => {
    for (const ch of text) {
      const key = ch === ' ' ? 'space' : ch;
      await tap(page.locator(`[data-keyboard] [data-key="${key}"]`).first(), `${label}:key`);
    }
  };

  const d = {
    page,
    screen,
    current,
    tap,
    waitScreen,
    waitOneOf,
    type,

    async open(url) {
      await page.goto(url);
      await waitScreen('attract', 30_000);
    },

    /** attract → touch → home */
    async start() {
      await waitScreen('attract');
      await tap(screen('attract').locator('button').first(), 'attract.touch', true);
      await waitScreen('home');
    },

    /** home → End → attract (through `ending`) */
    async end() {
      await tap(button(screen('home'), labels.end), 'home.end', true);
      await waitScreen('attract');
    },

    async language() {
      await tap(button(screen('home'), labels.english), 'home.language');
      await page.locator('html[lang="en"]').waitFor({ state: 'attached', timeout });
      await tap(page.getByRole('button', { name: labels.vietnamese, exact: true }), 'home.language');
      await page.locator('html[lang="vi"]').waitFor({ state: 'attached', timeout });
    },

    async choose(choice, first) {
      await tap(screen('home').locator(`[data-choice="${choice}"]`), `home.${choice}`, true);
      await waitScreen(first);
    },

    /** guide: every category → a procedure (two when there are) → back; a search; home */
    async guide({ categories = Infinity, perCategory = 2, search = true } = {}) {
      await d.choose('guide', 'guide.categories');
      const count = Math.min(categories, await screen('guide.categories').locator('[data-category]').count());
      for (let i = 0; i < count; i++) {
        await tap(screen('guide.categories').locator('[data-category]').nth(i), 'guide.category', true);
        await waitScreen('guide.list');
        const procs = Math.min(perCategory, await screen('guide.list').locator('[data-procedure]').count());
        for (let j = 0; j < procs; j++) {
          await tap(screen('guide.list').locator('[data-procedure]').nth(j), 'guide.open', true);
          await waitScreen('guide.detail');
          await tap(button(screen('guide.detail'), labels.back), 'guide.back', true);
          await waitScreen('guide.list');
        }
        await tap(button(screen('guide.list'), labels.back), 'guide.back', true);
        await waitScreen('guide.categories');
      }
      if (search) {
        await tap(screen('guide.categories').locator('#guide-search'), 'guide.searchField');
        await page.locator('[data-keyboard="text"]').waitFor({ timeout });
        await type('ket hon', 'guide.search');
        await tap(page.locator('[data-keyboard] [data-key="done"]'), 'guide.search:done', true);
        await waitScreen('guide.list');
        await tap(screen('guide.list').locator('[data-procedure]').first(), 'guide.open', true);
        await waitScreen('guide.detail');
        await tap(button(screen('guide.detail'), labels.home), 'guide.home', true);
      } else {
        await tap(button(screen('guide.categories'), labels.back), 'guide.back', true);
      }
      await waitScreen('home');
    },

    /** help: open and close the general answers, one procedure's questions, on to its guide, home */
    async help() {
      await d.choose('help', 'help.topics');
      const general = screen('help.topics').locator('[data-qa="general"] summary');
      const n = await general.count();
      for (let i = 0; i < n; i++) await tap(general.nth(i), 'help.question');
      for (let i = 0; i < Math.min(2, n); i++) await tap(general.nth(i), 'help.question');
      await tap(screen('help.topics').locator('.tile[data-procedure]').first(), 'help.procedure', true);
      await waitScreen('help.procedure');
      const qs = screen('help.procedure').locator('summary');
      for (let i = 0; i < Math.min(2, await qs.count()); i++) await tap(qs.nth(i), 'help.question');
      await tap(button(screen('help.procedure'), labels.back), 'help.back', true);
      await waitScreen('help.topics');
      await tap(screen('help.topics').locator('.tile[data-procedure]').nth(1), 'help.procedure', true);
      await waitScreen('help.procedure');
      // hands over to the guide flow, on that procedure's board
      await tap(button(screen('help.procedure'), labels.helpToGuide), 'help.toGuide', true);
      await waitScreen('guide.detail');
      await tap(button(screen('guide.detail'), labels.home), 'guide.home', true);
      await waitScreen('home');
    },

    /** track: type `code` on the code keys (a typo fixed with backspace), check, home */
    async track(code) {
      await d.choose('track', 'track.code');
      const keys = screen('track.code').locator('[data-keyboard="code"]');
      // nothing to erase yet: a tap that changes nothing (counted, excluded)
      await tap(keys.locator('[data-key="backspace"]'), 'track.code:key');
      for (const ch of code.slice(0, 3)) await tap(keys.locator(`[data-key="${ch}"]`), 'track.code:key');
      await tap(keys.locator('[data-key="Q"]'), 'track.code:key');
      await tap(keys.locator('[data-key="backspace"]'), 'track.code:key');
      for (const ch of code.slice(3)) await tap(keys.locator(`[data-key="${ch}"]`), 'track.code:key');
      await tap(button(screen('track.code'), labels.trackCheck), 'track.check', true);
      const where = await d.waitOneOf(['track.result', 'track.notFound', 'track.failed']);
      if (where === 'track.notFound') {
        await tap(button(screen('track.notFound'), labels.editCode), 'track.edit', true);
        await waitScreen('track.code');
        await tap(button(screen('track.code'), labels.back), 'track.back', true);
      } else {
        await tap(button(screen(where), labels.home), 'track.home', true);
      }
      await waitScreen('home');
      return where;
    },

    /** rate: type `code` on the letter keyboard, check; rate it when found, else back */
    async rate(code) {
      await d.choose('rate', 'rate.code');
      await type(code.toLowerCase(), 'rate.code');
      await tap(button(screen('rate.code'), labels.rateCheck), 'rate.check');
      // the check goes to the core; the code screen stays on an error
      await page.locator('.kiosk__stage [data-screen="rate.rating"], .kiosk__stage [data-screen="rate.code"]:not([data-state="checking"]) .field__error').first().waitFor({ timeout });
      const where = await d.current();
      if (where === 'rate.rating') {
        await d.rating('rate.rating');
        await waitScreen('rate.thanks');
        await tap(button(screen('rate.thanks'), labels.home), 'rate.home', true);
      } else {
        await tap(button(screen('rate.code'), labels.back), 'rate.back', true);
      }
      await waitScreen('home');
      return where;
    },

    /** the rating step (after a receipt or in the rate flow): a level, a short comment, send */
    async rating(name) {
      const s = screen(name);
      await tap(s.locator('[data-level="2"]'), 'rating.level');
      await tap(s.locator('[data-level="1"]'), 'rating.level');
      await tap(s.locator('#rating-comment'), 'rating.comment');
      await page.locator('[data-keyboard="text"]').waitFor({ timeout });
      await type('tot', 'rating.comment');
      await tap(page.locator('[data-keyboard] [data-key="done"]'), 'rating.comment:done');
      await tap(button(s, labels.ratingSend), 'rating.send');
      await page.locator(`.kiosk__stage [data-screen="${name}"][data-state="thanks"], .kiosk__stage [data-screen="rate.thanks"]`).first().waitFor({ timeout });
    },

    /**
     * submit, as far as it goes: choose a procedure, identify by manual entry on the on-screen
     * keyboard, the form, skip the scans, delivery, consent, review, submit, the receipt and a
     * rating. Returns the receipt's code, or null with the screen it stopped on.
     */
    async submit({ procedure = '1.004873' } = {}) {
      await d.choose('submit', 'submit.choose');
      await tap(screen('submit.choose').locator(`[data-procedure="${procedure}"]`), 'submit.pick', true);
      await d.waitOneOf(['submit.identify']);
      await tap(screen('submit.identify').locator('[data-action="manual"]'), 'submit.manual', true);
      await waitScreen('submit.manual');
      const m = screen('submit.manual');
      await type(resident.idNumber, 'submit.manual');
      await tap(page.locator('[data-keyboard] [data-key="done"]'), 'submit.manual:done');
      await type(resident.fullName, 'submit.manual');
      await tap(page.locator('[data-keyboard] [data-key="done"]'), 'submit.manual:done');
      await type(resident.dateOfBirth, 'submit.manual');
      await tap(page.locator('[data-keyboard] [data-key="done"]'), 'submit.manual:done');
      await tap(m.locator('[data-sex="male"]'), 'submit.manual.sex');
      await tap(m.locator('#manual-address'), 'submit.manual.field');
      await type(resident.address, 'submit.manual');
      await tap(page.locator('[data-keyboard] [data-key="done"]'), 'submit.manual:done');
      await type(resident.issueDate, 'submit.manual');
      await tap(page.locator('[data-keyboard] [data-key="done"]'), 'submit.manual:done');
      await tap(m.locator('[data-action="next"]'), 'submit.manual.next', true);
      await waitScreen('submit.form');
      const f = screen('submit.form');
      await tap(f.locator('#contact-phone'), 'submit.form.field');
      await type(resident.phone, 'submit.form');
      await tap(page.locator('[data-keyboard] [data-key="done"]'), 'submit.form:done'); // → e-mail
      await tap(page.locator('[data-keyboard] [data-key="done"]'), 'submit.form:done'); // → old id number
      await tap(page.locator('[data-keyboard] [data-key="done"]'), 'submit.form:done'); // → purpose
      await type('ket hon', 'submit.form');
      await tap(page.locator('[data-keyboard] [data-key="done"]'), 'submit.form:done');
      await tap(f.getByRole('button', { name: /^Chưa đăng ký kết hôn/ }), 'submit.form.select');
      await tap(f.locator('[data-action="next"]'), 'submit.form.next', true);
      let where = await d.waitOneOf(['submit.scan', 'submit.delivery']);
      for (let i = 0; where === 'submit.scan' && i < 10; i++) {
        const title = await screen('submit.scan').locator('h1').textContent();
        await tap(button(screen('submit.scan'), labels.skipDoc), 'submit.scan.skip');
        // the next document (another title), or the next step
        await page.waitForFunction(
          (t) => {
            const s = document.querySelector('.kiosk__stage [data-screen]');
            return s && (s.getAttribute('data-screen') !== 'submit.scan' || (s.querySelector('h1')?.textContent !== t && s.getAttribute('aria-busy') !== 'true'));
          },
          title,
          { timeout },
        );
        where = await d.current();
      }
      await waitScreen('submit.delivery');
      const dl = screen('submit.delivery');
      await tap(dl.locator('button.choice').first(), 'submit.delivery.choose');
      await tap(dl.locator('[data-action="next"]'), 'submit.delivery.next', true);
      await waitScreen('submit.consent');
      const c = screen('submit.consent');
      const purposes = c.locator('[data-purpose]');
      for (let i = 0; i < (await purposes.count()); i++) await tap(purposes.nth(i), 'submit.consent.tick');
      await tap(c.locator('[data-action="agree"]'), 'submit.consent.agree', true);
      await waitScreen('submit.review');
      await tap(screen('submit.review').locator('[data-action="confirm"]'), 'submit.confirm', true);
      await d.waitOneOf(['submit.receipt'], 30_000);
      const receipt = screen('submit.receipt');
      const code = ((await receipt.getByTestId('receipt-code').textContent()) ?? '').trim();
      // printing: the buttons come back when the receipt is out
      await button(receipt, labels.receiptRate).and(page.locator(':enabled')).waitFor({ timeout: 30_000 });
      await tap(button(receipt, labels.receiptRate), 'submit.receipt.rate', true);
      await waitScreen('submit.rating');
      await d.rating('submit.rating');
      await tap(button(screen('submit.rating'), labels.ratingContinue), 'submit.rating.continue', true);
      await d.waitOneOf(['home', 'attract', 'ending']);
      if ((await d.current()) !== 'home') {
        // the submit flow may end the session after its thanks: start a fresh one
        await waitScreen('attract');
        await d.start();
      }
      return code || null;
    },

    /**
     * Back to home from wherever a failed step left us: the flows' Home/Back/Cancel buttons,
     * else a reload and a fresh session. Taps here go straight to Playwright (not measured).
     */
    async recover() {
      for (let i = 0; i < 12; i++) {
        const s = await current();
        if (s === 'home') return;
        if (s === 'attract') {
          await screen('attract').locator('button').first().tap({ timeout: 5000 }).catch(() => {});
          await waitScreen('home', 5000).catch(() => {});
          continue;
        }
        const dialog = page.locator('[data-overlay="submitCancel"] [data-action="confirmCancel"], [data-overlay="idleWarning"] button');
        if (await dialog.count()) {
          await dialog.first().tap({ timeout: 5000 }).catch(() => {});
          continue;
        }
        const stage = page.locator('.kiosk__stage');
        let tapped = false;
        for (const name of [labels.home, 'Hủy hồ sơ', labels.back, labels.receiptFinish, labels.ratingSkip, labels.ratingContinue]) {
          const b = stage.getByRole('button', { name, exact: true }).and(page.locator(':enabled'));
          if (await b.count()) {
            await b.first().tap({ timeout: 5000 }).catch(() => {});
            tapped = true;
            break;
          }
        }
        if (!tapped) await page.waitForTimeout(200);
      }
      await page.reload();
      await waitScreen('attract', 30_000);
      await d.start();
    },
  };
  return d;
};

/**
 * The soak's short sessions: attract → touch → home → one walk → End. The walks rotate
 * (guide, track, help, rate, a submit begun and cancelled); every 4th session also switches
 * the language there and back. Plain Playwright taps, nothing measured.
 */
export const createSessionWalker = (d) => {
  const { page, screen } = d;
  const timeout = 15_000;
  const back = (name) => screen(name).getByRole('button', { name: labels.back, exact: true });
  const home = (name) => screen(name).getByRole('button', { name: labels.home, exact: true });
  const keys = async (text, scope = page.locator('[data-keyboard]')) => {
    for (const ch of text) await scope.locator(`[data-key="${ch}"]`).first().tap();
  };
  const walks = {
    /** a category → a procedure → back, back, back */
    async guide(n) {
      await screen('home').locator('[data-choice="guide"]').tap();
      await d.waitScreen('guide.categories');
      const cats = screen('guide.categories').locator('[data-category]');
      await cats.nth(n % (await cats.count())).tap();
      await d.waitScreen('guide.list');
      const procs = screen('guide.list').locator('[data-procedure]');
      await procs.nth(Math.floor(n / 5) % (await procs.count())).tap();
      await d.waitScreen('guide.detail');
      await back('guide.detail').tap();
      await d.waitScreen('guide.list');
      await back('guide.list').tap();
      await d.waitScreen('guide.categories');
      await back('guide.categories').tap();
    },
    /** a code on the code keys → check (not found) → edit → back */
    async track(n) {
      await screen('home').locator('[data-choice="track"]').tap();
      await d.waitScreen('track.code');
      await keys(`X${n % 10}-${(n * 7) % 10}`, screen('track.code').locator('[data-keyboard="code"]'));
      await screen('track.code').getByRole('button', { name: labels.trackCheck, exact: true }).tap();
      await d.waitScreen('track.notFound');
      await screen('track.notFound').getByRole('button', { name: labels.editCode, exact: true }).tap();
      await d.waitScreen('track.code');
      await back('track.code').tap();
    },
    /** an answer → a procedure's questions → home */
    async help() {
      await screen('home').locator('[data-choice="help"]').tap();
      await d.waitScreen('help.topics');
      await screen('help.topics').locator('[data-qa="general"] summary').first().tap();
      await screen('help.topics').locator('.tile[data-procedure]').first().tap();
      await d.waitScreen('help.procedure');
      await home('help.procedure').tap();
    },
    /** a code on the letter keyboard → check (not found) → back */
    async rate(n) {
      await screen('home').locator('[data-choice="rate"]').tap();
      await d.waitScreen('rate.code');
      await keys(`zz${n % 10}`);
      await screen('rate.code').getByRole('button', { name: labels.rateCheck, exact: true }).tap();
      await page.locator('.kiosk__stage [data-screen="rate.code"]:not([data-state="checking"]) .field__error').waitFor({ timeout });
      await back('rate.code').tap();
    },
    /** a procedure → manual entry, a few digits → cancel → confirm */
    async submit() {
      await screen('home').locator('[data-choice="submit"]').tap();
      await d.waitScreen('submit.choose');
      await screen('submit.choose').locator('[data-procedure="1.004873"]').tap();
      await d.waitScreen('submit.identify');
      await screen('submit.identify').locator('[data-action="manual"]').tap();
      await d.waitScreen('submit.manual');
      await keys('0010');
      await screen('submit.manual').locator('[data-action="cancel"]').tap();
      await page.locator('[data-overlay="submitCancel"] [data-action="confirmCancel"]').tap();
    },
  };
  const order = Object.keys(walks);
  return {
    order,
    walks,
    /** one session; resolves with a failure record, or null */
    async session(n, only = null) {
      const walk = only ?? order[n % order.length];
      try {
        await d.start();
        if (n % 4 === 0) await d.language();
        await walks[walk](n);
        await d.waitScreen('home');
        await d.end();
        return null;
      } catch (e) {
        const failure = { session: n, walk, at: await d.current(), error: String(e.message).split('\n')[0] };
        await d.recover();
        await d.end().catch(() => {});
        return failure;
      }
    },
  };
};
