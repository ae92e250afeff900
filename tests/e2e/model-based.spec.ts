import { writeFile } from 'node:fs/promises';
import type { Locator } from '@playwright/test';
import type { AnyMachineSnapshot } from 'xstate';
import type { Catalog } from '../../common/catalog/catalog-schema.js';
import type { PublicConfig } from '../../common/config/public-config.js';
import { coveragePath } from './e2e-env.js';
import { expect, test, type Kiosk } from './kiosk-fixture.js';
import { drivers } from './model/drivers.js';
import { CoverageCounter, doneEvent, errorEvent, type ModelEvent, initialEffect, machineShape, planPaths, stepEffect, type Plan, type PlannedPath } from './model/graph-model.js';
import {
  devicesOnline,
  flowInput,
  formValues,
  guideCategory,
  guideModel,
  helpModel,
  machineNames,
  machines,
  passingFault,
  rateModel,
  ratingModel,
  readIdentity,
  receiptModel,
  scanModel,
  submitModel,
  submitProcedure,
  trackModel,
  type MachineName,
  type SiteData,
} from './model/journey-models.js';
import { ModelRunner, type Matcher } from './model/model-runner.js';
import { TraceFeed } from './screen-trace.js';
import { t } from '../../renderer/i18n/index.js';

// Model-based end to end (issue #5): paths generated from the journey machines themselves
// (tests/e2e/model/), run in the browser against the browser host and its simulators. A step
// counts toward coverage only when the screen of its target state was seen in the page; a
// path whose step is not seen stops there. Writes tests/e2e/coverage.json.
//
// The thank-you screens' 8 s and 15 s timers run on the page's clock (Playwright's, installed
// before the app loads: it runs at real speed), which the walk fast-forwards at those steps.
// E2E_MODEL_DELAYS=0 leaves those transitions out (three of them).

const withDelays = process.env.E2E_MODEL_DELAYS !== '0';
/** E2E_MODEL_ONLY=submit,track…: only those walks (while working on a driver) */
const only = process.env.E2E_MODEL_ONLY ? process.env.E2E_MODEL_ONLY.split(',') : null;
const verbose = process.env.E2E_MODEL_VERBOSE === '1';
test.setTimeout(600_000);
// the page's clock and the trace binding stay with the page: a page of its own
test.use({ freshPage: true });

/**
 * Why a transition cannot be driven from the UI (reported with the coverage). Empty: every
 * failure a healthy core never gives is an API fault injected through sim control.
 */
const notDrivable: Record<string, string> = {};
/** States whose every way in is in `notDrivable`. */
const unreachableStates: string[] = [];
const delayTransitions = ['rate.thanks|xstate.after.thanks.rate.thanks|0', 'rating.thanks|xstate.after.thanks.rating.thanks|0'];

test('model-based: every journey machine walked in the browser, coverage written', async ({ kiosk, page }) => {
  const t0 = Date.now();
  // before the app loads: its timers are the clock's from the start
  await page.clock.install();
  const trace = await TraceFeed.follow(page);
  await kiosk.open();
  const probe = await kiosk.probe();
  const config = await probe.call<PublicConfig>('config.public', {});
  const catalog = await probe.call<Catalog>('catalog.get', {});
  if (!config.ok || !catalog.ok) throw new Error('the core did not give its config and catalog');
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
  const site: SiteData = {
    config: config.value,
    catalog: catalog.value,
    sessionId: 'model-session',
    today,
    // until the first dossier is kept: a well-formed code of another kiosk (a receipt shown as a card)
    knownCode: 'TEST01-200101-0001',
    unknownCode: 'TEST01-200101-9999',
  };
  const counter = new CoverageCounter();
  const runner = new ModelRunner({ kiosk, page, probe, site }, counter, drivers, trace);
  const failures: string[] = [];
  await kiosk.sim.scanner({ feederSheets: 50, fault: null });
  await kiosk.sim.printer({ paper: 'ok' });

  /** back to the home screen, however the last path left the kiosk: its Back or Home button, else a reload */
  const homeButtons: Record<string, string> = {
    'submit.choose': t('vi', 'common.back'),
    'guide.categories': t('vi', 'common.back'),
    'help.topics': t('vi', 'common.back'),
    'track.code': t('vi', 'common.back'),
    'rate.code': t('vi', 'common.back'),
    'guide.list': t('vi', 'guide.home'),
    'guide.detail': t('vi', 'guide.home'),
    'help.procedure': t('vi', 'help.home'),
    'track.result': t('vi', 'track.home'),
    'track.notFound': t('vi', 'track.home'),
    'track.failed': t('vi', 'track.home'),
    'rate.thanks': t('vi', 'rate.home'),
  };
  /** what shows now, asked of the page in one round trip */
  const shows = () =>
    page.evaluate(() => {
      const top = document.querySelector<HTMLElement>('[data-screen]');
      return {
        screen: top?.dataset.screen ?? '',
        state: top?.dataset.state ?? null,
        title: top?.querySelector('h1')?.textContent ?? null,
        busy: top?.getAttribute('aria-busy') === 'true',
        overlays: [...document.querySelectorAll<HTMLElement>('[data-overlay]')].map((o) => o.dataset.overlay ?? ''),
        // a submit step the resident may still cancel (every step before the dossier is kept)
        cancel: (top?.querySelector('[data-action="cancel"]') ?? null) !== null,
        // a submit step's own way home (devices down)
        home: (top?.querySelector('[data-action="home"]') ?? null) !== null,
      };
    });
  /**
   * Back to the home screen, however the last walk left the kiosk, by the way a resident
   * would take: Back or Home, Cancel (confirmed) in a submission, Back out of a scan, Skip on a
   * rating; a fresh page only from where none of those leads (a thank-you, a failed print), or
   * when the walk ended the session under the screen.
   */
  const toHome = async () => {
    // a fault a walk injected but never reached must not fail the next walk
    await Promise.all([kiosk.city.clearFaults(), kiosk.sim.clearApiFaults(), kiosk.sim.scanner({ feederSheets: 50, fault: null })]);
    const home = kiosk.screen('home');
    const attract = kiosk.screen('attract');
    const fresh = async () => {
      await kiosk.open();
      await attract.locator('button').first().tap();
      await expect(home).toBeVisible();
    };
    if (runner.sessionTaken) {
      runner.sessionTaken = false;
      await fresh();
    }
    for (let hop = 0; ; hop++) {
      const now = await shows();
      if (now.screen === 'home' && now.overlays.length === 0) break;
      const shown = kiosk.screen(now.screen);
      // whatever comes next (home, the cancel dialog, the step before) is the next hop's
      const moved = () => expect.poll(shows, { intervals: [25, 50, 100] }).not.toEqual(now);
      const tap = async (target: Locator) => {
        await target.tap();
        await moved();
      };
      const back = homeButtons[now.screen];
      if (hop >= 6) await fresh();
      else if (now.overlays.includes('idleWarning')) await kiosk.keepAlive();
      else if (now.screen === 'ending') await expect(attract).toBeVisible();
      else if (now.screen === 'attract') await tap(attract.locator('button').first());
      else if (now.busy) await moved();
      else if (now.overlays.includes('submitCancel')) await tap(kiosk.overlay('submitCancel').locator('[data-action="confirmCancel"]'));
      else if (now.overlays.length > 0) await fresh();
      else if (back) await tap(shown.getByRole('button', { name: back, exact: true }));
      else if (now.home) await tap(shown.locator('[data-action="home"]'));
      else if (now.cancel) await tap(shown.locator('[data-action="cancel"]').first());
      else if (now.screen === 'submit.scan' && now.state === 'ready') await tap(shown.getByRole('button', { name: t('vi', 'common.back'), exact: true }));
      else if (now.screen === 'rate.rating' && (now.state === 'choosing' || now.state === 'failed')) await tap(shown.getByRole('button', { name: t('vi', 'rating.skip'), exact: true }));
      else await fresh();
    }
    await runner.sync();
  };
  const choose = async (choice: string) => {
    await kiosk.screen('home').locator(`[data-choice="${choice}"]`).tap();
  };
  /** a path, from home: `start` brings the page to the machine's first screen */
  /** one walk: its failure is recorded (the run goes on with the next walk from home) */
  const attempt = async (label: string, walk: () => Promise<void>) => {
    const t = Date.now();
    const before = runner.log.length;
    try {
      await walk();
    } catch (e) {
      failures.push(`${label}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      await kiosk.snap(`model-failed-${failures.length}`);
    }
    if (verbose) console.log(`${label}: ${runner.log.length - before} steps in ${Date.now() - t} ms ${runner.log.slice(before).map((l) => `${l.event.replace(/^xstate\.(done|error)\.actor\./, '$1:')}(${l.ms})`).join(' ')}`);
  };
  const run = (name: MachineName, path: PlannedPath<AnyMachineSnapshot>, start: () => Promise<void>, label: string) =>
    attempt(label, async () => {
      await toHome();
      await start();
      await runner.runPath(name, path);
    });
  const phase = (name: string) => only === null || only.includes(name);
  const runPlan = async (name: MachineName, plan: Plan<AnyMachineSnapshot>, start: () => Promise<void>, label: string) => {
    for (const [i, path] of plan.paths.entries()) await run(name, path, start, `${label} path ${i + 1}/${plan.paths.length}`);
  };
  const covered = (name: MachineName) => ({ transitions: counter.covered(name).transitions, states: counter.covered(name).states });

  // ---- submit (with its scan, receipt and rating steps driven as the walk needs them)
  if (phase('submit')) await runPlan('submit', planPaths(submitModel(site)), () => choose('submit'), 'submit');
  // handed a procedure by the guide
  if (phase('submit')) await runPlan(
    'submit',
    planPaths(submitModel(site, { handed: submitProcedure }), covered('submit')),
    async () => {
      await choose('guide');
      await kiosk.screen('guide.categories').locator(`[data-category="${guideCategory}"]`).tap();
      await kiosk.screen('guide.list').locator(`[data-procedure="${submitProcedure}"]`).tap();
      await kiosk.screen('guide.detail').getByRole('button', { name: t('vi', 'guide.detail.submit'), exact: true }).tap();
    },
    'submit (handed)',
  );

  // The happy path of submit up to a component's scan, or to the receipt: the prelude of the
  // step machines' own walks (credited to submit like any walk).
  const submitTo = async (target: 'scan0' | 'scan1' | 'receipt'): Promise<AnyMachineSnapshot> => {
    const m = machines.submit;
    let s = initialEffect(m, flowInput(site)).snapshot as AnyMachineSnapshot;
    const go = async (event: ModelEvent, next?: ModelEvent) => {
      s = (await runner.step('submit', s, event, next)).snapshot;
    };
    await runner.see({ screen: 'submit.choose' });
    const loaded = doneEvent(m, 'submit.draft.checkingDevices.loading', devicesOnline);
    await go({ type: 'submit.pickProcedure', code: submitProcedure }, loaded);
    await go(loaded);
    await go(readIdentity(site));
    for (const [kind, id, value] of formValues) await go(kind === 'contact' ? { type: 'submit.contactField', field: id, value } : { type: 'submit.formField', id, value });
    await go({ type: 'submit.next' });
    if (target === 'scan0') return s;
    await go(doneEvent(m, 'submit.draft.scanning.component', { result: 'done', pages: [] }));
    if (target === 'scan1') return s;
    await go(doneEvent(m, 'submit.draft.scanning.component', { result: 'done', pages: [{ index: 1, thumbnail: '', blank: false, tooDark: false, tooLight: false }] }));
    await go({ type: 'submit.next' });
    const consent = site.catalog.consent.purposes.filter((p) => p.deliveryMethod === undefined || p.deliveryMethod === s.context.delivery.method);
    if (s.context.delivery.method === null) await go({ type: 'submit.deliveryMethod', method: 'counter' });
    if (s.matches({ draft: 'delivery' })) await go({ type: 'submit.next' });
    for (const p of site.catalog.consent.purposes.filter((x) => x.deliveryMethod === undefined || x.deliveryMethod === 'counter')) await go({ type: 'submit.consentToggle', purpose: p.id });
    void consent;
    await go({ type: 'submit.consentGive', at: new Date().toISOString() });
    const sent = doneEvent(m, 'submit.draft.submitting.sending', { localCode: 'X', submittedAt: new Date().toISOString(), appointmentDate: null, trackingQr: 'X' });
    await go({ type: 'submit.confirm' }, sent);
    await go(sent);
    const code = (await kiosk.screen('submit.receipt').getByTestId('receipt-code').textContent())?.trim();
    if (code) runner.codes.push(code);
    return s;
  };

  // ---- scan: what the submit walks left, component by component
  const procedure = site.catalog.procedures.find((p) => p.code === submitProcedure);
  for (const [index, component] of (phase('scan') ? (procedure?.components ?? []) : []).entries()) {
    const plan = planPaths(scanModel({ sessionId: site.sessionId, component, pages: [], devices: devicesOnline }), covered('scan'));
    for (const [i, path] of plan.paths.entries())
      await attempt(`scan ${component.id} path ${i + 1}/${plan.paths.length}`, async () => {
        await toHome();
        await choose('submit');
        const parent = await submitTo(index === 0 ? 'scan0' : 'scan1');
        const end = await runner.runPath('scan', path, { name: 'submit', snapshot: parent });
        if (end.status === 'done') {
          // the scan step finished: the submit flow's next screen tells
          const out = (end as unknown as { output: { result: 'done' | 'back'; pages: unknown[] } }).output;
          await runner.step('submit', parent, doneEvent(machines.submit, 'submit.draft.scanning.component', out), undefined, undefined, { noAct: true });
        }
      });
  }

  // ---- receipt (each walk keeps a dossier), then the rating step after a receipt (thanks shown)
  if (phase('receipt')) {
    const receiptInput = (code: string) => ({
      sessionId: site.sessionId,
      config: site.config,
      procedure: procedure as NonNullable<typeof procedure>,
      localCode: code,
      submittedAt: new Date().toISOString(),
      appointmentDate: null,
      trackingQr: code,
    });
    const plan = planPaths(receiptModel(receiptInput(site.knownCode)), covered('receipt'));
    for (const [i, path] of plan.paths.entries())
      await attempt(`receipt path ${i + 1}/${plan.paths.length}`, async () => {
        try {
          await toHome();
          await choose('submit');
          runner.nextPrint = path.steps[0]?.event.type.startsWith('xstate.error.') ? 'fail' : 'ok';
          const parent = await submitTo('receipt');
          runner.nextPrint = 'ok';
          const end = await runner.runPath('receipt', path, { name: 'submit', snapshot: parent });
          const next = (end as unknown as { output: { next: 'rate' | 'end' } }).output.next;
          const after = await runner.step('submit', parent, doneEvent(machines.submit, 'submit.receipt', { next }), undefined, undefined, { noAct: true });
          if (next === 'rate') {
            // the rating step as the submit flow shows it (with its own thank-you)
            const rplan = planPaths(ratingModel(site, 'X', true, withDelays), covered('rating'));
            // the thank-you that moves on by itself is what only this flow shows
            const first = rplan.paths.find((p) => p.steps.some((x) => x.event.type.startsWith('xstate.after.'))) ?? rplan.paths[0];
            if (first) {
              const end = await runner.runPath('rating', first, { name: 'submit', snapshot: after.snapshot });
              // the rating step finished (its thank-you timed out): it counts once the submit flow's next screen shows
              if (end.status === 'done') {
                const out = (end as unknown as { output: { rated: boolean } }).output;
                await runner.step('submit', after.snapshot, doneEvent(machines.submit, 'submit.rating', out), undefined, undefined, { noAct: true });
              }
            }
          }
        } finally {
          runner.nextPrint = 'ok';
          await kiosk.sim.printer({ paper: 'ok' });
        }
      });
  }

  // ---- track, rate (need a dossier the kiosk holds: the first receipt's)
  if (runner.codes.length === 0) {
    // only some walks asked for: keep one dossier the quick way
    await toHome();
    await choose('submit');
    await submitTo('receipt');
    await kiosk.screen('submit.receipt').getByRole('button', { name: t('vi', 'receipt.finish'), exact: true }).tap();
    await expect(kiosk.screen('attract').or(kiosk.screen('ending'))).toBeVisible();
  }
  expect(runner.codes.length, 'a submit walk kept a dossier and showed its code').toBeGreaterThan(0);
  site.knownCode = runner.codes[0] as string;
  if (phase('track')) await runPlan('track', planPaths(trackModel(site), covered('track')), () => choose('track'), 'track');
  // a receipt shown to the reader on the home screen: Track opens with its code looked up
  if (phase('track')) await runPlan('track', planPaths(trackModel(site, site.knownCode), covered('track')), () => kiosk.sim.presentPayload(site.knownCode).then(() => undefined), 'track (handed by the reader)');
  if (phase('rate')) await runPlan('rate', planPaths(rateModel(site, null, withDelays), covered('rate')), () => choose('rate'), 'rate');
  if (phase('rate')) await runPlan(
    'rate',
    planPaths(rateModel(site, site.knownCode, withDelays), covered('rate')),
    async () => {
      // track hands the code it showed to rate
      await choose('track');
      await kiosk.screen('track.code').locator('input').fill(site.knownCode);
      await kiosk.screen('track.code').getByRole('button', { name: t('vi', 'track.code.check'), exact: true }).tap();
      await kiosk.screen('track.result').getByRole('button', { name: t('vi', 'track.result.rate'), exact: true }).tap();
    },
    'rate (handed)',
  );
  // the statistics mark the rate flow makes on its way in, refused by the core: nothing shows, nothing stops
  if (phase('rate'))
    await attempt('rate (statistics mark refused)', async () => {
      const rate = machines.rate;
      await toHome();
      await kiosk.sim.apiFault({ method: 'session.step', kind: 'Internal', retryable: true });
      await choose('rate');
      const s = initialEffect(rate, flowInput(site)).snapshot as AnyMachineSnapshot;
      await runner.see({ screen: 'rate.code', state: 'entering' });
      await runner.step('rate', s, errorEvent(rate, 'rate', passingFault()), undefined);
    });
  // the rating step in the rate flow: whatever the rate walks left
  if (phase('rating')) {
    const plan = planPaths(ratingModel(site, site.knownCode, false, withDelays), covered('rating'));
    const rate = machines.rate;
    for (const [i, path] of plan.paths.entries())
      await attempt(`rating path ${i + 1}/${plan.paths.length}`, async () => {
        await toHome();
        await choose('rate');
        let s = initialEffect(rate, flowInput(site)).snapshot as AnyMachineSnapshot;
        await runner.see({ screen: 'rate.code' });
        s = (await runner.step('rate', s, { type: 'rate.setCode', code: site.knownCode } as ModelEvent, undefined)).snapshot;
        s = (await runner.step('rate', s, { type: 'rate.check' }, undefined)).snapshot;
        s = (await runner.step('rate', s, doneEvent(rate, 'rate.checking', {}), undefined)).snapshot;
        const end = await runner.runPath('rating', path, { name: 'rate', snapshot: s });
        if (end.status === 'done') {
          // the rating step finished: the rate flow's next screen (its thanks, or home) tells
          const out = (end as unknown as { output: { rated: boolean } }).output;
          await runner.step('rate', s, doneEvent(rate, 'rate.rating', out), undefined, undefined, { noAct: true });
        }
      });
  }

  // ---- guide and help, each also handed a procedure by the other
  if (phase('guide')) await runPlan('guide', planPaths(guideModel(site), covered('guide')), () => choose('guide'), 'guide');
  if (phase('help')) await runPlan('help', planPaths(helpModel(site), covered('help')), () => choose('help'), 'help');
  if (phase('guide')) await runPlan(
    'guide',
    planPaths(guideModel(site, submitProcedure), covered('guide')),
    async () => {
      await choose('help');
      await kiosk.screen('help.topics').locator(`[data-procedure="${submitProcedure}"]`).tap();
      await kiosk.screen('help.procedure').getByRole('button', { name: t('vi', 'help.procedure.guide'), exact: true }).tap();
    },
    'guide (handed)',
  );
  if (phase('help')) await runPlan(
    'help',
    planPaths(helpModel(site, submitProcedure), covered('help')),
    async () => {
      await choose('guide');
      await kiosk.screen('guide.categories').locator(`[data-category="${guideCategory}"]`).tap();
      await kiosk.screen('guide.list').locator(`[data-procedure="${submitProcedure}"]`).tap();
      await kiosk.screen('guide.detail').getByRole('button', { name: t('vi', 'guide.detail.questions'), exact: true }).tap();
    },
    'help (handed)',
  );

  // ---- the report
  const report = counter.report();
  const uncovered: Record<string, { states: string[]; transitions: { id: string; why: string }[] }> = {};
  for (const name of machineNames) {
    const missing = counter.missing(name);
    uncovered[name] = {
      states: missing.states,
      transitions: missing.transitions.map((t) => ({
        id: t.id,
        why: notDrivable[t.id] ?? (delayTransitions.includes(t.id) && !withDelays ? 'left out: E2E_MODEL_DELAYS=0' : 'drivable, but not seen in this run (see failures)'),
      })),
    };
  }
  const steps = runner.log;
  await writeFile(
    coveragePath,
    `${JSON.stringify(
      {
        generated: new Date().toISOString(),
        note: 'Counted only from steps whose target screen was seen in the page (tests/e2e/model-based.spec.ts).',
        states: report.overall.states,
        transitions: report.overall.transitions,
        machines: report.machines,
        shape: Object.fromEntries(machineNames.map((n) => [n, { states: machineShape(machines[n]).states.length, transitions: machineShape(machines[n]).transitions.length }])),
        uncovered,
        run: { seconds: Math.round((Date.now() - t0) / 1000), steps: steps.length, stepsSeen: steps.filter((s) => s.ok).length, failures },
      },
      null,
      2,
    )}\n`,
  );
  console.log(`model-based: ${report.overall.states.covered}/${report.overall.states.total} states, ${report.overall.transitions.covered}/${report.overall.transitions.total} transitions, ${steps.length} steps in ${Math.round((Date.now() - t0) / 1000)} s; failures: ${failures.length}`);
  for (const f of failures) console.log(`  ${f}`);

  // every state drawn; no drivable transition left behind
  expect(failures).toEqual([]);
  expect(Object.values(uncovered).flatMap((u) => u.states)).toEqual(unreachableStates);
  const left = Object.values(uncovered).flatMap((u) => u.transitions.filter((t) => !(t.id in notDrivable) && !(delayTransitions.includes(t.id) && !withDelays)).map((t) => t.id));
  expect(left).toEqual([]);
  void stepEffect;
  void ((m: Matcher) => m);
});

export type { Kiosk };
