import { expect, type Locator } from '@playwright/test';
import type { AnyMachineSnapshot, EventObject } from 'xstate';
import type { ErrorKind } from '../../../common/errors.js';
import type { KioskEvent } from '../../../common/kiosk-api/events.js';
import type { KioskMethod } from '../../../common/kiosk-api/methods.js';
import type { FlowOutput } from '../../../renderer/flows/flow-types.js';
import { rateThanksMs } from '../../../renderer/flows/rate/rate-machine.js';
import { thanksMs } from '../../../renderer/flows/rate/rating-machine.js';
import type { SubmitContext } from '../../../renderer/flows/submit/submit-machine.js';
import { t, type MessageKey, type MessageParams } from '../../../renderer/i18n/index.js';
import { devicesPrinterOut, type MachineName } from './journey-models.js';
import type { Driver, DriverCtx, Matcher } from './model-runner.js';
import type { ModelEvent } from './graph-model.js';

// Each journey event as what a resident (or a device, or the world) does in the browser, and
// each state as the screen it draws. Buttons are found by their words (the Vietnamese the
// screens show) or by the data-* hooks the screens carry; devices are driven through the
// browser host's sim control, the city through its simulator.

const tr = (key: MessageKey, params?: MessageParams) => t('vi', key, params);
const screen = (ctx: DriverCtx) => ctx.page.locator('[data-screen]').first();
const button = (ctx: DriverCtx, name: string): Locator => screen(ctx).getByRole('button', { name, exact: true });
const tap = (l: Locator) => l.tap();
const fill = (l: Locator, value: string) => l.fill(value);
type E = EventObject & Record<string, unknown>;
const ev = (e: EventObject) => e as E;
const ctxOf = <T>(s: AnyMachineSnapshot) => s.context as T;
const isDone = (e: EventObject, id?: string) => e.type.startsWith('xstate.done.actor.') && (id === undefined || e.type.endsWith(id));
const isError = (e: EventObject, id?: string) => e.type.startsWith('xstate.error.actor.') && (id === undefined || e.type.endsWith(id));

/** Where a flow that finished leaves the resident. */
const afterFlow = (out: FlowOutput): Matcher => {
  if (out.next === 'home') return { screen: 'home' };
  if (out.next === 'end') return { screen: 'ending', or: [{ screen: 'attract' }] };
  return { screen: `${out.choice}.`, prefix: true };
};

/** The reader shows what a model `core.readerRead` carries. */
const present = async (ctx: DriverCtx, event: EventObject) => {
  const read = ev(event).read as { kind: string; code?: string };
  if (read.kind === 'identity') await ctx.kiosk.sim.presentSample(0);
  else if (read.kind === 'trackingCode') await ctx.kiosk.sim.presentPayload(read.code ?? ctx.site.knownCode);
  else await ctx.kiosk.sim.presentGarbage();
};

/** Has the core sent an event like this since `since` (Date.now())? Waits a little for it. */
const coreSent = async (ctx: DriverCtx, since: number, match: (e: KioskEvent) => boolean) => {
  await expect.poll(() => ctx.probe.log.some((l) => l.at >= since && match(l.event)), { timeout: 5000 }).toBe(true);
};

/**
 * A thank-you that moves on by itself: the page's clock (Playwright's, installed by the spec
 * before the app loads) jumps over the delay instead of the walk waiting it out; the timer
 * fires in the app as it would, and the step still counts only when the next screen shows.
 */
const timePasses = (ctx: DriverCtx, ms: number) => ctx.page.clock.fastForward(ms);

/** The printer as the core sees it: set on the simulator, which has the core read and push its status at once. */
export const setPrinter = async (ctx: DriverCtx, paper: 'ok' | 'out') => {
  const since = Date.now();
  await ctx.kiosk.sim.printer({ paper });
  await coreSent(ctx, since, (e) => e.type === 'device.status' && e.devices.some((d) => d.id === 'printer' && (paper === 'out' ? d.state !== 'online' : d.state === 'online')));
};

/**
 * The next call of `method` answers the model's failure (`xstate.error.actor.*`'s error)
 * instead of running: an API fault through sim control (main/browser-host/api-faults.ts).
 */
const injectFault = async (ctx: DriverCtx, method: KioskMethod, failure: EventObject) => {
  const error = ev(failure).error as { kind: ErrorKind; retryable?: boolean };
  await ctx.kiosk.sim.apiFault({ method, kind: error.kind, ...(error.retryable !== undefined ? { retryable: error.retryable } : {}) });
};

/** The fault injected for `method` was answered (no call of it is pending a fault any more). */
const faultSpent = async (ctx: DriverCtx, method: KioskMethod) => {
  await expect.poll(async () => (await ctx.kiosk.sim.apiFaults()).some((f) => f.method === method), { timeout: 5000 }).toBe(false);
};

// ---------------------------------------------------------------- guide

export const guideDriver: Driver = {
  expect: (s) => {
    if (s.matches('done')) return afterFlow(ctxOf<{ out: FlowOutput }>(s).out);
    if (s.matches('categories')) return { screen: 'guide.categories' };
    if (s.matches('list')) return { screen: 'guide.list' };
    if (s.matches('detail')) return { screen: 'guide.detail' };
    return null;
  },
  act: async (event, _before, ctx) => {
    const e = ev(event);
    switch (event.type) {
      case 'guide.query':
        return fill(screen(ctx).locator('input').first(), String(e.query));
      case 'guide.search':
        return tap(button(ctx, tr('guide.search.submit')));
      case 'guide.category':
        return tap(screen(ctx).locator(`[data-category="${String(e.categoryId)}"]`));
      case 'guide.open':
        return tap(screen(ctx).locator(`[data-procedure="${String(e.procedureCode)}"]`));
      case 'guide.submit':
        return tap(button(ctx, tr('guide.detail.submit')));
      case 'guide.help':
        return tap(button(ctx, tr('guide.detail.questions')));
      case 'guide.back':
        return tap(button(ctx, tr('common.back')));
      case 'guide.home':
        return tap(button(ctx, tr('guide.home')));
    }
    throw new Error(`guide: no driver for ${event.type}`);
  },
};

// ---------------------------------------------------------------- help

export const helpDriver: Driver = {
  expect: (s) => {
    if (s.matches('done')) return afterFlow(ctxOf<{ out: FlowOutput }>(s).out);
    if (s.matches('topics')) return { screen: 'help.topics' };
    if (s.matches('procedure')) return { screen: 'help.procedure' };
    return null;
  },
  act: async (event, _before, ctx) => {
    const e = ev(event);
    switch (event.type) {
      case 'help.procedure':
        return tap(screen(ctx).locator(`[data-procedure="${String(e.procedureCode)}"]`));
      case 'help.guide':
        return tap(button(ctx, tr('help.procedure.guide')));
      case 'help.back':
        return tap(button(ctx, tr('common.back')));
      case 'help.home':
        return tap(button(ctx, tr('help.home')));
    }
    throw new Error(`help: no driver for ${event.type}`);
  },
};

// ---------------------------------------------------------------- track

export const trackDriver: Driver = {
  expect: (s) => {
    if (s.matches('done')) return afterFlow(ctxOf<{ out: FlowOutput }>(s).out);
    for (const state of ['code', 'checking', 'result', 'notFound', 'failed'])
      if (s.matches(state)) return { screen: `track.${state}` };
    return null;
  },
  // a receipt shown while a lookup runs is ignored: the city is made slow (the core waits 4 s at most)
  // (the walk's reset to home clears the city's faults)
  prepare: async (next, entering, ctx) => {
    if (entering.matches('checking') && next.type === 'core.readerRead') await ctx.kiosk.city.faults({ routes: { '*': { rate: 1, kinds: ['hang'] } } });
    // a lookup that fails for another reason than an unknown code: the core's answer is a fault
    if (entering.matches('checking') && isError(next) && (ev(next).error as { kind: string }).kind !== 'DossierNotFound') await injectFault(ctx, 'dossier.track', next);
  },
  act: async (event, before, ctx) => {
    const e = ev(event);
    switch (event.type) {
      case 'track.type':
        return fill(screen(ctx).locator('input').first(), String(e.code));
      case 'track.check':
        return tap(button(ctx, tr('track.code.check')));
      case 'track.back':
        return tap(button(ctx, tr('common.back')));
      case 'track.edit':
        return tap(button(ctx, tr('track.notFound.edit')));
      case 'track.retry':
        return tap(button(ctx, tr('track.failed.retry')));
      case 'track.another':
        return tap(button(ctx, tr('track.result.another')));
      case 'track.rate':
        return tap(button(ctx, tr('track.result.rate')));
      case 'track.home':
        return tap(button(ctx, tr('track.home')));
      case 'core.readerRead':
        // while checking: shown during the slow lookup (the city hangs; the core waits 4 s)
        return present(ctx, event);
    }
    if (isDone(event) || isError(event)) return; // the lookup answers by itself
    throw new Error(`track: no driver for ${event.type}`);
  },
  timeoutMs: (e) => (isDone(e) ? 12_000 : 10_000),
};

// ---------------------------------------------------------------- rating

/** The rating's screen: its own in the rate flow, the submit flow's after a receipt. */
const ratingScreen = (s: AnyMachineSnapshot) => (ctxOf<{ showThanks: boolean }>(s).showThanks ? 'submit.rating' : 'rate.rating');

export const ratingDriver: Driver = {
  expect: (s) => {
    if (s.status === 'done') return null;
    for (const state of ['choosing', 'sending', 'failed', 'thanks']) if (s.matches(state)) return { screen: ratingScreen(s), state };
    return null;
  },
  // a rating the core could not keep: an injected fault answers the send
  prepare: async (next, entering, ctx) => {
    if (entering.matches('sending') && isError(next)) await injectFault(ctx, 'rating.submit', next);
  },
  act: async (event, _before, ctx) => {
    const e = ev(event);
    switch (event.type) {
      case 'rating.choose':
        return tap(screen(ctx).locator(`[data-level="${String(e.level)}"]`));
      case 'rating.comment':
        await tap(screen(ctx).locator('#rating-comment'));
        return fill(screen(ctx).locator('#rating-comment'), String(e.text));
      case 'rating.send':
        return tap(button(ctx, tr('rating.send')));
      case 'rating.retry':
        return tap(button(ctx, tr('rating.retry')));
      case 'rating.skip':
        return tap(button(ctx, tr('rating.skip')));
      case 'rating.continue':
        return tap(button(ctx, tr('rating.continue')));
    }
    if (event.type.startsWith('xstate.after.')) return timePasses(ctx, thanksMs); // the thank-you moves on by itself
    if (isDone(event) || isError(event)) return;
    throw new Error(`rating: no driver for ${event.type}`);
  },
};

// ---------------------------------------------------------------- rate

/** The rating step's events for a wanted outcome, from where it stands. */
export const ratingGoal =
  (rated: boolean) =>
  (s: AnyMachineSnapshot): ModelEvent | null => {
    if (s.status === 'done') return null;
    const c = ctxOf<{ level: number | null; showThanks: boolean }>(s);
    if (s.matches('choosing')) return !rated ? { type: 'rating.skip' } : c.level === null ? { type: 'rating.choose', level: 1 } : { type: 'rating.send' };
    if (s.matches('sending')) return { type: 'xstate.done.actor.0.rating.sending', output: { kept: true }, actorId: '0.rating.sending' } as EventObject;
    if (s.matches('thanks')) return { type: 'rating.continue' };
    return null;
  };

export const rateDriver: Driver = {
  expect: (s, ctx) => {
    if (s.matches('done')) return { screen: 'home' };
    if (s.matches('entering')) return { screen: 'rate.code', state: 'entering' };
    if (s.matches('checking')) return { screen: 'rate.code', state: 'checking' };
    if (s.matches('rating')) return ctx.runner.childExpect('rate', 'rating', s);
    if (s.matches('thanks')) return { screen: 'rate.thanks' };
    return null;
  },
  act: async (event, before, ctx) => {
    const e = ev(event);
    switch (event.type) {
      case 'rate.setCode':
        return fill(screen(ctx).locator('#rate-code'), String(e.code));
      case 'rate.check':
        return tap(button(ctx, tr('rate.code.check')));
      case 'rate.back':
        return tap(button(ctx, tr('common.back')));
      case 'rate.another':
        return tap(button(ctx, tr('rate.another')));
      case 'rate.home':
        return tap(button(ctx, tr('rate.home')));
      case 'core.readerRead':
        return present(ctx, event);
    }
    if (event.type.startsWith('xstate.after.')) return timePasses(ctx, rateThanksMs);
    // the statistics mark the flow made on its way in was refused (a fault injected before): nothing shows
    if (event.type === 'xstate.error.actor.0.rate') return faultSpent(ctx, 'session.step');
    if (isDone(event, 'rating')) {
      const rated = (ev(event).output as { rated: boolean }).rated;
      return ctx.runner.runChild({ name: 'rate', snapshot: before }, 'rating', ratingGoal(rated));
    }
    if (isDone(event) || isError(event)) return;
    throw new Error(`rate: no driver for ${event.type}`);
  },
};

// ---------------------------------------------------------------- receipt

export const receiptDriver: Driver = {
  expect: (s) => {
    if (s.status === 'done') return null;
    for (const state of ['printing', 'printed', 'failed']) if (s.matches(state)) return { screen: 'submit.receipt', state };
    return null;
  },
  // the print's outcome is the printer's paper when printing starts
  prepare: async (next, entering, ctx) => {
    if (!entering.matches('printing')) return;
    if (isError(next)) await ctx.kiosk.sim.printer({ paper: 'out' });
    else if (isDone(next)) await ctx.kiosk.sim.printer({ paper: 'ok' });
  },
  act: async (event, _before, ctx) => {
    switch (event.type) {
      // paper loaded while the failure shows: the core pushes the status, the screen says so
      case 'core.deviceStatus':
        await setPrinter(ctx, 'ok');
        return expect(screen(ctx).getByTestId('printer-ready')).toBeVisible();
      case 'receipt.reprint':
        return tap(button(ctx, tr('receipt.reprint')));
      case 'receipt.rate':
        return tap(button(ctx, tr('receipt.rate')));
      case 'receipt.finish':
        return tap(button(ctx, tr('receipt.finish')));
    }
    if (isDone(event) || isError(event)) return;
    throw new Error(`receipt: no driver for ${event.type}`);
  },
};

// ---------------------------------------------------------------- scan

interface ScanCtx {
  component: { id: string; name: { vi: string }; required: boolean; pages: { min: number; max: number } };
  pages: unknown[];
  source: 'flatbed' | 'feeder';
  request: { kind: 'scan'; source: string; maxPages?: number; replaceIndex?: number } | { kind: 'remove'; index: number } | null;
}

/** The scan step's events for a wanted outcome, from where it stands. */
export const scanGoal =
  (goal: 'done' | 'skip' | 'back') =>
  (s: AnyMachineSnapshot): ModelEvent | null => {
    if (s.status === 'done') return null;
    const c = ctxOf<ScanCtx>(s);
    if (s.matches('ready')) {
      if (goal === 'back') return { type: 'scan.back' };
      if (goal === 'skip') return { type: 'scan.skip' };
      const need = Math.max(c.component.pages.min, c.component.required ? 1 : 0, 1);
      if (c.pages.length >= need) return { type: 'scan.done' };
      // one page on the glass is the quickest way to a page
      return c.source === 'flatbed' ? { type: 'scan.start' } : { type: 'scan.setSource', source: 'flatbed' };
    }
    if (s.matches('scanning')) {
      const pages = [...c.pages, { index: c.pages.length + 1, thumbnail: 'data:image/jpeg;base64,', blank: false, tooDark: false, tooLight: false }];
      return { type: 'xstate.done.actor.0.scan.scanning', output: { componentId: c.component.id, pages, feederEmpty: false }, actorId: '0.scan.scanning' } as EventObject;
    }
    if (s.matches('failed') || s.matches('placing')) return { type: 'scan.dismiss' };
    return null;
  };

export const scanDriver: Driver = {
  expect: (s) => {
    if (s.status === 'done') return null;
    const title = ctxOf<ScanCtx>(s).component.name.vi;
    for (const state of ['ready', 'placing', 'scanning', 'removing', 'failed']) if (s.matches(state)) return { screen: 'submit.scan', state, title };
    return null;
  },
  // what the scanner does next: a full feeder, one sheet short, none, or busy elsewhere
  prepare: async (next, entering, ctx) => {
    // a page the core could not remove: an injected fault answers scan.removePage
    if (entering.matches('removing') && isError(next)) await injectFault(ctx, 'scan.removePage', next);
    if (!entering.matches('scanning')) return;
    const c = ctxOf<ScanCtx>(entering);
    const ask = c.request?.kind === 'scan' ? c.request : { source: c.source, maxPages: undefined };
    if (isError(next)) {
      if (ask.source === 'feeder') await ctx.kiosk.sim.scanner({ feederSheets: 0, fault: null });
      else await ctx.kiosk.sim.scanner({ fault: 'busy' });
    } else if (isDone(next) && (ev(next).output as { feederEmpty?: boolean }).feederEmpty) {
      await ctx.kiosk.sim.scanner({ feederSheets: Math.max(1, (ask.maxPages ?? 2) - 1), fault: null });
    } else await ctx.kiosk.sim.scanner({ feederSheets: 50, fault: null });
  },
  act: async (event, before, ctx) => {
    const e = ev(event);
    const c = ctxOf<ScanCtx>(before);
    switch (event.type) {
      case 'scan.setSource':
        return tap(screen(ctx).locator(`[data-source="${String(e.source)}"]`));
      case 'scan.start':
        if (before.matches('placing')) return tap(screen(ctx).locator('.actions .button--primary'));
        return tap(button(ctx, c.pages.length === 0 ? tr('scan.start') : tr('scan.add')));
      case 'scan.retake':
        return tap(button(ctx, tr('scan.page.retake', { index: Number(e.index) })));
      case 'scan.remove':
        return tap(button(ctx, tr('scan.page.remove', { index: Number(e.index) })));
      case 'scan.retry':
        return tap(button(ctx, tr('scan.retry')));
      case 'scan.dismiss':
        return tap(button(ctx, before.matches('placing') ? tr('scan.cancel') : tr('scan.dismiss')));
      case 'scan.done':
        return tap(button(ctx, tr('scan.done')));
      case 'scan.skip':
        return tap(button(ctx, tr('scan.skip')));
      case 'scan.back':
        return tap(button(ctx, tr('common.back')));
      // pages and statuses the core sent while the scanner ran (it ran in the step before)
      case 'core.scanPage':
        return coreSent(ctx, ctx.runner.lastActStart, (k) => k.type === 'scan.page' && k.componentId === c.component.id);
      case 'core.deviceStatus':
        return coreSent(ctx, ctx.runner.lastActStart, (k) => k.type === 'device.status' && k.devices.some((d) => d.id === 'scanner'));
    }
    if (isDone(event) || isError(event)) return; // the scanner answers by itself (prepared before)
    throw new Error(`scan: no driver for ${event.type}`);
  },
};

// ---------------------------------------------------------------- submit

const submitScreens: [unknown, Matcher][] = [
  [{ draft: 'choosing' }, { screen: 'submit.choose' }],
  [{ draft: { checkingDevices: 'loading' } }, { screen: 'submit.devices', busy: true }],
  [{ draft: { checkingDevices: 'refused' } }, { screen: 'submit.devices', busy: false }],
  [{ draft: { identifying: 'waiting' } }, { screen: 'submit.identify', busy: false }],
  [{ draft: { identifying: 'readingQr' } }, { screen: 'submit.identify', busy: true }],
  [{ draft: { identifying: 'manual' } }, { screen: 'submit.manual', busy: false }],
  [{ draft: { identifying: 'checkingManual' } }, { screen: 'submit.manual', busy: true }],
  [{ draft: 'form' }, { screen: 'submit.form' }],
  [{ draft: 'delivery' }, { screen: 'submit.delivery' }],
  [{ draft: 'consent' }, { screen: 'submit.consent' }],
  [{ draft: 'review' }, { screen: 'submit.review' }],
  [{ draft: { submitting: 'sending' } }, { screen: 'submit.submitting', busy: true }],
  [{ draft: { submitting: 'failed' } }, { screen: 'submit.submitting', busy: false }],
];

export const submitDriver: Driver = {
  expect: (s, ctx) => {
    const c = ctxOf<SubmitContext>(s);
    if (s.matches('done')) return afterFlow(c.outcome);
    if (s.matches({ draft: 'scanning' })) return ctx.runner.childExpect('submit', 'scan', s);
    if (s.matches('receipt')) return ctx.runner.childExpect('submit', 'receipt', s);
    if (s.matches('rating')) return ctx.runner.childExpect('submit', 'rating', s);
    for (const [value, m] of submitScreens)
      if (s.matches(value as never)) return c.confirmingCancel ? { ...m, busy: undefined, overlay: 'submitCancel' } : { ...m, noOverlay: 'submitCancel' };
    return null;
  },
  prepare: async (next, entering, ctx) => {
    // the devices check answers what the core knows of the printer
    if (entering.matches({ draft: { checkingDevices: 'loading' } }) && isDone(next)) {
      const out = (ev(next).output as { state: string }[]).some((d) => d.state !== 'online');
      await setPrinter(ctx, out ? 'out' : 'ok');
    }
    // devices.status refused: the flow goes by the statuses it has (the printer's paper in)
    if (entering.matches({ draft: { checkingDevices: 'loading' } }) && isError(next)) {
      await setPrinter(ctx, 'ok');
      await injectFault(ctx, 'devices.status', next);
    }
    if (entering.matches({ draft: { identifying: 'checkingManual' } }) && isError(next)) await injectFault(ctx, 'identity.fromManual', next);
    const sendingFails = entering.matches({ draft: { submitting: 'sending' } }) && isError(next);
    // a dossier that the core refuses: the session is gone under the resident (as after a core restart)
    if (sendingFails && (ev(next).error as { kind: string }).kind === 'SessionNotFound') {
      const taken = await ctx.probe.call<{ sessionId: string }>('session.start', { locale: 'vi' });
      if (taken.ok) await ctx.probe.call('session.end', { sessionId: taken.value.sessionId, reason: 'cancelled' });
      ctx.runner.sessionTaken = true;
    } else if (sendingFails) await injectFault(ctx, 'dossier.submit', next);
    if (entering.matches({ draft: { submitting: 'sending' } }) && isDone(next)) await ctx.kiosk.sim.printer({ paper: ctx.runner.nextPrint === 'fail' ? 'out' : 'ok' });
  },
  act: async (event, before, ctx, after) => {
    const e = ev(event);
    const c = ctxOf<SubmitContext>(before);
    const action = (name: string) => tap(screen(ctx).locator(`[data-action="${name}"]`).first());
    switch (event.type) {
      case 'submit.query':
        await tap(screen(ctx).locator('#submit-search'));
        return fill(screen(ctx).locator('#submit-search'), String(e.text));
      case 'submit.pickProcedure':
        return tap(screen(ctx).locator(`[data-procedure="${String(e.code)}"]`));
      case 'submit.back':
        return action('back');
      case 'submit.cancel':
        return action('cancel');
      case 'submit.cancelDismiss':
        return tap(ctx.page.locator('[data-overlay="submitCancel"] [data-action="keep"]'));
      case 'submit.cancelConfirm':
        return tap(ctx.page.locator('[data-overlay="submitCancel"] [data-action="confirmCancel"]'));
      case 'submit.otherProcedure':
        return action('otherProcedure');
      case 'submit.home':
        return action('home');
      case 'submit.elsewhere':
        return action(String(e.choice));
      // the printer is back: the screen moves on by itself
      case 'core.deviceStatus':
        return setPrinter(ctx, 'ok');
      case 'core.readerRead':
        return present(ctx, event);
      case 'submit.wedgeScan':
        return wedge(ctx, String(e.text));
      case 'submit.manualEntry':
        return action('manual');
      case 'submit.manualField':
        if (e.field === 'sex') return tap(screen(ctx).locator(`[data-sex="${String(e.value)}"]`));
        return fill(screen(ctx).locator(`#manual-${String(e.field)}`), String(e.value));
      case 'submit.manualSubmit':
        return action('next');
      case 'submit.contactField':
        return fill(screen(ctx).locator(`#contact-${String(e.field)}`), String(e.value));
      case 'submit.formField': {
        const select = screen(ctx).locator(`[data-field="form-${String(e.id)}"] [data-option="${String(e.value)}"]`);
        if ((await select.count()) > 0) return tap(select);
        return fill(screen(ctx).locator(`#form-${String(e.id)}`), String(e.value));
      }
      case 'submit.next':
        return action('next');
      case 'submit.reenterIdentity':
        return action('reenterIdentity');
      case 'submit.deliveryMethod':
        return tap(screen(ctx).locator(`[data-method="${String(e.method)}"]`));
      case 'submit.deliveryField':
        return fill(screen(ctx).locator(`#delivery-${String(e.field)}`), String(e.value));
      case 'submit.consentToggle':
        return tap(screen(ctx).locator(`[data-purpose="${String(e.purpose)}"]`));
      case 'submit.consentGive':
        return action('agree');
      case 'submit.edit':
        return tap(screen(ctx).locator(`[data-edit="${e.section === 'scan' ? `scan-${String(e.component)}` : String(e.section)}"]`));
      case 'submit.confirm':
        return action('confirm');
      case 'submit.retry':
        return action('retry');
    }
    if (isDone(event, 'scan')) {
      const out = ev(event).output as { result: 'done' | 'back'; pages: unknown[] };
      const goal = out.result === 'back' ? 'back' : out.pages.length === 0 ? 'skip' : 'done';
      return ctx.runner.runChild({ name: 'submit', snapshot: before }, 'scan', scanGoal(goal));
    }
    if (isDone(event, 'receipt')) {
      const code = (await screen(ctx).getByTestId('receipt-code').textContent())?.trim();
      if (code) ctx.runner.codes.push(code);
      const next = (ev(event).output as { next: 'rate' | 'end' }).next;
      return ctx.runner.runChild({ name: 'submit', snapshot: before }, 'receipt', (s) =>
        s.status === 'done' ? null : s.matches('printing') ? ({ type: 'xstate.done.actor.0.receipt.printing', output: { printed: true }, actorId: '0.receipt.printing' } as EventObject) : { type: next === 'rate' ? 'receipt.rate' : 'receipt.finish' },
      );
    }
    if (isDone(event, 'rating')) return ctx.runner.runChild({ name: 'submit', snapshot: before }, 'rating', ratingGoal((ev(event).output as { rated: boolean }).rated));
    if (isDone(event) || isError(event)) return;
    void c;
    void after;
    throw new Error(`submit: no driver for ${event.type}`);
  },
  timeoutMs: (e) => (e.type === 'core.deviceStatus' || e.type.endsWith('checkingDevices.loading') ? 20_000 : 10_000),
};

/**
 * A keyboard-wedge QR reader "types" the payload in a burst of key events ending in Enter; the
 * screen tells it from a person by its speed. Dispatched in the page in one go (Playwright's
 * keyboard would type the Vietnamese letters as text input, not as key events).
 */
const wedge = async (ctx: DriverCtx, text: string) => {
  await ctx.page.evaluate((payload) => {
    for (const key of [...payload, 'Enter']) {
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      window.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true }));
    }
  }, text);
};

export const drivers: Record<MachineName, Driver> = {
  submit: submitDriver,
  scan: scanDriver,
  receipt: receiptDriver,
  rating: ratingDriver,
  rate: rateDriver,
  guide: guideDriver,
  help: helpDriver,
  track: trackDriver,
};

export { devicesPrinterOut };
