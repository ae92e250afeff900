import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, setup, type ActorRefFrom, type AnyActorRef, SimulatedClock, waitFor, type SnapshotFrom } from 'xstate';
import { kioskError } from '../../../common/errors.js';
import { err, ok } from '../../../common/result.js';
import type { ScanStepOutput } from '../../../renderer/flows/step-types.js';
import { submitActors } from '../../../renderer/flows/submit/submit-actors.js';
import { submitMachine } from '../../../renderer/flows/submit/submit-machine.js';
import type { trackMachine } from '../../../renderer/flows/track/track-machine.js';
import { devicesUp, identity, page } from '../flows/submit/submit-fixtures.js';
import type { FlowInput, FlowOutput } from '../../../renderer/flows/flow-types.js';
import { testCatalog } from './test-catalog.js';
import { createKioskClient } from '../../../common/kiosk-api/client.js';
import { cornerTapWindowMs } from '../../../renderer/machines/corner-taps.js';
import { rootActors } from '../../../renderer/machines/root-actors.js';
import { activityThrottleMs, bootRetryMs, initialContext, rootMachine } from '../../../renderer/machines/root-machine.js';
import { homeChoices, type HomeChoice, type PinDigit, type RootContext } from '../../../renderer/machines/root-types.js';
import { FakeCore, pins, testAppInfo, testConfig, testDevices } from './fake-core.js';

type Snapshot = SnapshotFrom<typeof rootMachine>;

/** The machine with the real actors over an in-memory core, on a simulated clock. */
const boot = async (core = new FakeCore()) => {
  const clock = new SimulatedClock();
  const actor = createActor(rootMachine.provide({ actors: rootActors(createKioskClient(core), core) }), { clock });
  actor.start();
  const until = (predicate: (s: Snapshot) => boolean) => waitFor(actor, predicate, { timeout: 2000 });
  return { core, clock, actor, until };
};

const bootToAttract = async (core?: FakeCore) => {
  const k = await boot(core);
  await k.until((s) => s.matches('attract'));
  return k;
};

/** Flow machines that record their input and finish with `out` on `test.finish`. */
const stubFlow = (out: FlowOutput, seen: FlowInput[], got: string[]) =>
  setup({ types: { input: {} as FlowInput, output: {} as FlowOutput, events: {} as { type: string } } }).createMachine({
    context: ({ input }) => {
      seen.push(input);
      return {};
    },
    initial: 'running',
    states: { running: { on: { 'test.finish': 'done', '*': { actions: ({ event }) => got.push(event.type) } } }, done: { type: 'final' } },
    output: () => out,
  });

/** the stub flows take `test.finish`, which the real flows' event types do not list */
const finish = (actor: { getSnapshot(): Snapshot }, choice: HomeChoice) =>
  (actor.getSnapshot().children[choice] as AnyActorRef | undefined)?.send({ type: 'test.finish' });

const bootWithFlows = async (outs: Partial<Record<HomeChoice, FlowOutput>>, seen: FlowInput[], got: string[] = []) => {
  const core = new FakeCore();
  const flows = Object.fromEntries(Object.entries(outs).map(([choice, out]) => [`${choice}Flow`, stubFlow(out, seen, got)]));
  const actor = createActor(rootMachine.provide({ actors: { ...rootActors(createKioskClient(core), core), ...flows } }));
  actor.start();
  const until = (predicate: (s: Snapshot) => boolean) => waitFor(actor, predicate, { timeout: 2000 });
  await until((s) => s.matches('attract'));
  actor.send({ type: 'user.touch' });
  await until((s) => s.matches({ session: 'home' }));
  return { core, actor, until };
};

const bootToHome = async (core?: FakeCore) => {
  const k = await bootToAttract(core);
  k.actor.send({ type: 'user.touch' });
  await k.until((s) => s.matches({ session: 'home' }));
  return k;
};

const typePin = (actor: ReturnType<typeof createActor<typeof rootMachine>>, pin: string) => {
  for (const digit of pin) actor.send({ type: 'user.pinDigit', digit: digit as PinDigit });
};

const tapCorner = (actor: ReturnType<typeof createActor<typeof rootMachine>>, times: readonly number[]) => {
  for (const at of times) actor.send({ type: 'user.cornerTap', at });
};

/** Everything a resident could have left behind must be back to a just-booted kiosk. */
const residentFields = (c: RootContext) => ({ session: c.session, locale: c.locale, startError: c.startError, cornerTaps: c.cornerTaps, pinPad: c.pinPad });

describe('root machine: boot', () => {
  it('loads the public config and app info, then shows the attract loop in the default language', async () => {
    const { actor, until, core } = await boot();
    expect(actor.getSnapshot().matches({ booting: 'loading' })).toBe(true);
    await until((s) => s.matches({ attract: 'showing' }));
    const c = actor.getSnapshot().context;
    expect(c.config).toEqual(testConfig);
    expect(c.appInfo).toEqual(testAppInfo);
    // a flow's device check has facts before the first status event
    expect(c.devices).toEqual(testDevices);
    expect(c.locale).toBe('vi');
    expect(core.callsOf('config.public')).toHaveLength(1);
  });

  it('shows out of service when the config cannot load, and recovers by retry or by itself', async () => {
    const core = new FakeCore();
    core.failBoots = 2;
    const { actor, until, clock } = await boot(core);
    await until((s) => s.matches({ booting: 'outOfService' }));
    expect(actor.getSnapshot().context.bootError?.kind).toBe('ConfigInvalid');

    actor.send({ type: 'user.retry' });
    await until((s) => s.matches({ booting: 'outOfService' }) && core.callsOf('config.public').length === 2);

    clock.increment(bootRetryMs - 1);
    expect(core.callsOf('config.public')).toHaveLength(2);
    clock.increment(1);
    await until((s) => s.matches('attract'));
    expect(actor.getSnapshot().context.bootError).toBeNull();
  });
});

describe('root machine: attract loop', () => {
  it('advances slides after each slide’s own duration and wraps around', async () => {
    const { actor, clock } = await bootToAttract();
    expect(actor.getSnapshot().context.slideIndex).toBe(0);
    clock.increment(2999);
    expect(actor.getSnapshot().context.slideIndex).toBe(0);
    clock.increment(1);
    expect(actor.getSnapshot().context.slideIndex).toBe(1);
    clock.increment(4999); // the second slide lasts 5 s
    expect(actor.getSnapshot().context.slideIndex).toBe(1);
    clock.increment(1);
    expect(actor.getSnapshot().context.slideIndex).toBe(0);
  });

  it('starts a session in the current language on a touch and goes home', async () => {
    const { actor, core } = await bootToHome();
    expect(core.callsOf('session.start')).toEqual([{ locale: 'vi' }]);
    expect(actor.getSnapshot().context.session?.info.sessionId).toBe(core.sessionId);
  });

  it('stays on the attract loop with a message when the session cannot start', async () => {
    const core = new FakeCore();
    core.failStart = true;
    const { actor, until } = await bootToAttract(core);
    actor.send({ type: 'user.touch' });
    await until((s) => s.matches({ attract: 'showing' }) && s.context.startError !== null);
    expect(actor.getSnapshot().context.startError?.kind).toBe('Internal');
    expect(actor.getSnapshot().context.session).toBeNull();
  });
});

describe('root machine: home', () => {
  it.each(homeChoices)('choice %s runs its flow with the session and catalog, and the flow ending returns home', async (choice) => {
    const seen: FlowInput[] = [];
    const { actor, until } = await bootWithFlows({ [choice]: { next: 'home' } }, seen);
    actor.send({ type: 'user.choose', choice });
    expect(actor.getSnapshot().matches({ session: { flow: choice } })).toBe(true);
    expect(seen[0]?.sessionId).toBe(actor.getSnapshot().context.session?.info.sessionId);
    expect(seen[0]?.catalog).toEqual(testCatalog);
    finish(actor, choice);
    await until((s) => s.matches({ session: 'home' }));
    expect(actor.getSnapshot().context.session?.choice).toBeNull();
  });

  it('a flow can hand over to another with a procedure or a code, or end the session', async () => {
    const seen: FlowInput[] = [];
    const { actor, until, core } = await bootWithFlows({ guide: { next: 'flow', choice: 'submit', procedureCode: '1.000894' }, submit: { next: 'end' } }, seen);
    actor.send({ type: 'user.choose', choice: 'guide' });
    finish(actor, 'guide');
    await until((s) => s.matches({ session: { flow: 'submit' } }));
    expect(seen.at(-1)?.procedureCode).toBe('1.000894');
    finish(actor, 'submit');
    await until((s) => s.matches('attract'));
    expect(core.callsOf('session.end')).toHaveLength(1);
    expect(actor.getSnapshot().context.session).toBeNull();
  });

  it('forwards reader reads and scan pages to the running flow only', async () => {
    const got: string[] = [];
    const { actor, core } = await bootWithFlows({ track: { next: 'home' } }, [], got);
    const sessionId = actor.getSnapshot().context.session?.info.sessionId ?? '';
    // a card shown on the home screen starts nothing (no flow asked for it)
    core.emit({ type: 'reader.read', sessionId, read: { kind: 'identity', identity } });
    expect(got).toEqual([]);
    expect(actor.getSnapshot().matches({ session: 'home' })).toBe(true);
    actor.send({ type: 'user.choose', choice: 'track' });
    core.emit({ type: 'reader.read', sessionId, read: { kind: 'trackingCode', code: 'KT01-260105-0001' } });
    expect(got).toEqual(['core.readerRead']);
  });

  it('a receipt shown on the home screen opens Track with its code handed over', async () => {
    const seen: FlowInput[] = [];
    const { actor, core, until } = await bootWithFlows({ track: { next: 'home' } }, seen);
    const sessionId = actor.getSnapshot().context.session?.info.sessionId ?? '';
    // another session's read, or a QR that is no code, does nothing
    core.emit({ type: 'reader.read', sessionId: 'someone-else-entirely', read: { kind: 'trackingCode', code: 'KT01-260105-0001' } });
    core.emit({ type: 'reader.read', sessionId, read: { kind: 'trackingCode', code: 'https://example.vn/?q=1' } });
    core.emit({ type: 'reader.read', sessionId, read: { kind: 'invalid', field: 'payload', rule: 'unreadable' } });
    expect(actor.getSnapshot().matches({ session: 'home' })).toBe(true);
    expect(seen).toEqual([]);

    core.emit({ type: 'reader.read', sessionId, read: { kind: 'trackingCode', code: 'KT01-260105-0001' } });
    expect(actor.getSnapshot().matches({ session: { flow: 'track' } })).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ sessionId, code: 'KT01-260105-0001', procedureCode: null });
    // the handed code goes with the flow
    finish(actor, 'track');
    await until((s) => s.matches({ session: 'home' }));
    expect(actor.getSnapshot().context.session?.handover).toEqual({ procedureCode: null, code: null });
  });

  it('the real Track flow looks a code read on the home screen up at once', async () => {
    const core = new FakeCore();
    core.extra['dossier.track'] = async () => err(kioskError('DossierNotFound', 'no such dossier'));
    const { actor } = await bootToHome(core);
    const sessionId = actor.getSnapshot().context.session?.info.sessionId ?? '';
    core.emit({ type: 'reader.read', sessionId, read: { kind: 'trackingCode', code: 'kt01-260105-0001' } });
    const track = () => actor.getSnapshot().children.track as ActorRefFrom<typeof trackMachine> | undefined;
    await waitFor(track() as ActorRefFrom<typeof trackMachine>, (s) => s.matches('notFound'), { timeout: 2000 });
    expect(core.callsOf('dossier.track')).toEqual([{ sessionId, code: 'KT01-260105-0001' }]);
  });

  it('a receipt step that throws brings the resident back home, not to a stuck screen', async () => {
    const core = new FakeCore();
    core.extra['devices.status'] = async () => ok(devicesUp);
    core.extra['dossier.submit'] = async () => ok({ localCode: 'KT01-260105-0001', submittedAt: '2026-01-05T02:10:00.000Z', appointmentDate: null, trackingQr: 'KT01-260105-0001' });
    const client = createKioskClient(core);
    // the scan step stands in finished (its own tests cover it); the receipt step is broken
    const scanned = setup({ types: { output: {} as ScanStepOutput } }).createMachine({
      initial: 'done',
      states: { done: { type: 'final' } },
      output: () => ({ result: 'done' as const, pages: [page(1)] }),
    });
    const broken = fromPromise<never>(async () => {
      throw new Error('a defect in the receipt step');
    });
    const submitFlow = submitMachine.provide({ actors: { ...submitActors(client), scanStep: scanned as never, receiptStep: broken as never } });
    const actor = createActor(rootMachine.provide({ actors: { ...rootActors(client, core), submitFlow } }));
    actor.start();
    const until = (predicate: (s: Snapshot) => boolean) => waitFor(actor, predicate, { timeout: 2000 });
    await until((s) => s.matches('attract'));
    actor.send({ type: 'user.touch' });
    await until((s) => s.matches({ session: 'home' }));
    const sessionId = actor.getSnapshot().context.session?.info.sessionId ?? '';

    actor.send({ type: 'user.choose', choice: 'submit' });
    const submit = actor.getSnapshot().children.submit as ActorRefFrom<typeof submitMachine>;
    const at = (value: Parameters<SnapshotFrom<typeof submitMachine>['matches']>[0]) => waitFor(submit, (s) => s.matches(value), { timeout: 2000 });
    submit.send({ type: 'submit.pickProcedure', code: '1.000894' });
    await at({ draft: { identifying: 'waiting' } });
    core.emit({ type: 'reader.read', sessionId, read: { kind: 'identity', identity } });
    await at({ draft: 'form' });
    submit.send({ type: 'submit.contactField', field: 'phone', value: '0912345678' });
    submit.send({ type: 'submit.next' });
    await at({ draft: 'delivery' });
    submit.send({ type: 'submit.deliveryMethod', method: 'counter' });
    submit.send({ type: 'submit.next' });
    submit.send({ type: 'submit.consentToggle', purpose: 'giai-quyet-ho-so' });
    submit.send({ type: 'submit.consentGive', at: '2026-01-05T02:09:00.000Z' });
    await at({ draft: 'review' });
    submit.send({ type: 'submit.confirm' });

    await until((s) => s.matches({ session: 'home' }));
    expect(core.callsOf('dossier.submit')).toHaveLength(1);
    expect(actor.getSnapshot().context.session).toMatchObject({ choice: null, handover: { procedureCode: null, code: null } });
    expect(actor.getSnapshot().children.submit).toBeUndefined();
  });

  it('switches language vi → en → vi, and ignores a language the site does not offer', async () => {
    const core = new FakeCore();
    core.config = { ...testConfig, locale: { default: 'vi', available: ['vi'] } };
    const single = await bootToHome(core);
    single.actor.send({ type: 'user.setLocale', locale: 'en' });
    expect(single.actor.getSnapshot().context.locale).toBe('vi');

    const { actor } = await bootToHome();
    actor.send({ type: 'user.setLocale', locale: 'en' });
    expect(actor.getSnapshot().context.locale).toBe('en');
    actor.send({ type: 'user.setLocale', locale: 'vi' });
    expect(actor.getSnapshot().context.locale).toBe('vi');
  });

  it('End calls session.end with reason user, then wipes and shows the attract loop', async () => {
    const { actor, core, until } = await bootToHome();
    const sessionId = core.sessionId;
    actor.send({ type: 'user.setLocale', locale: 'en' });
    actor.send({ type: 'user.end' });
    await until((s) => s.matches('attract'));
    expect(core.callsOf('session.end')).toEqual([{ sessionId, reason: 'user' }]);
    expect(residentFields(actor.getSnapshot().context)).toEqual(residentFields({ ...initialContext(), locale: 'vi' }));
  });
});

describe('root machine: idle timeout (the core owns the clock)', () => {
  it('shows the countdown from warning events of this session only', async () => {
    const { actor, core } = await bootToHome();
    core.emit({ type: 'session.timer', sessionId: 'someone-else-entirely', phase: 'warning', remainingMs: 9000 });
    expect(actor.getSnapshot().context.session?.warning).toBeNull();
    core.emit({ type: 'session.timer', sessionId: core.sessionId ?? '', phase: 'warning', remainingMs: 9000 });
    expect(actor.getSnapshot().context.session?.warning).toEqual({ remainingMs: 9000 });
    core.emit({ type: 'session.timer', sessionId: core.sessionId ?? '', phase: 'warning', remainingMs: 8000 });
    expect(actor.getSnapshot().context.session?.warning).toEqual({ remainingMs: 8000 });
    core.emit({ type: 'session.timer', sessionId: core.sessionId ?? '', phase: 'active', remainingMs: 15000 });
    expect(actor.getSnapshot().context.session?.warning).toBeNull();
  });

  it('on expiry goes to attract with every session field wiped', async () => {
    const { actor, core, until } = await bootToHome();
    const bootedResidentFields = residentFields({ ...initialContext(), locale: testConfig.locale.default });
    actor.send({ type: 'user.setLocale', locale: 'en' });
    actor.send({ type: 'user.choose', choice: 'track' });
    actor.send({ type: 'user.cornerTap', at: 10 });
    core.emit({ type: 'session.timer', sessionId: core.sessionId ?? '', phase: 'warning', remainingMs: 3000 });
    expect(actor.getSnapshot().context.session).not.toBeNull();

    core.emit({ type: 'session.timer', sessionId: core.sessionId ?? '', phase: 'expired', remainingMs: 0 });
    await until((s) => s.matches({ attract: 'showing' }));
    const c = actor.getSnapshot().context;
    expect(residentFields(c)).toEqual(bootedResidentFields);
    expect(c.session).toBeNull();
    expect(c.locale).toBe('vi');
    expect(c.cornerTaps).toEqual([]);
    // the kiosk's own facts survive the wipe
    expect(c.config).toEqual(testConfig);
    expect(c.appInfo).toEqual(testAppInfo);
  });

  it('reports activity at most once a second', async () => {
    const { actor, core } = await bootToHome();
    const sessionId = core.sessionId;
    actor.send({ type: 'user.activity', at: 1000 });
    actor.send({ type: 'user.activity', at: 1000 + activityThrottleMs - 1 });
    expect(core.callsOf('session.activity')).toEqual([{ sessionId }]);
    actor.send({ type: 'user.activity', at: 1000 + activityThrottleMs });
    expect(core.callsOf('session.activity')).toHaveLength(2);
  });

  it('while the warning shows, only “I’m still here” answers it: at once, hiding the overlay', async () => {
    const { actor, core } = await bootToHome();
    actor.send({ type: 'user.activity', at: 1000 });
    core.emit({ type: 'session.timer', sessionId: core.sessionId ?? '', phase: 'warning', remainingMs: 4000 });
    // the touch that lands on the overlay must not hide it before its click arrives
    actor.send({ type: 'user.activity', at: 5000 });
    expect(actor.getSnapshot().context.session?.warning).toEqual({ remainingMs: 4000 });
    expect(core.callsOf('session.activity')).toHaveLength(1);

    actor.send({ type: 'user.stillHere', at: 1000 + activityThrottleMs / 2 });
    expect(actor.getSnapshot().context.session?.warning).toBeNull();
    expect(core.callsOf('session.activity')).toEqual([{ sessionId: core.sessionId }, { sessionId: core.sessionId }]);
    expect(actor.getSnapshot().matches({ session: 'home' })).toBe(true);
  });

  // xstate memoizes transition candidates per state node and event type, forever: a child's
  // done event must have one type however many times it is spawned (P5 soak: the heap grew
  // with every tap while each reportActivity call was an unnamed `x:<n>` child).
  it('activity reports finish under one event type, however many there are', async () => {
    const core = new FakeCore();
    const types = new Set<string>();
    const actor = createActor(rootMachine.provide({ actors: rootActors(createKioskClient(core), core) }), {
      inspect: (e) => {
        if (e.type === '@xstate.event' && e.event.type.startsWith('xstate.done.actor.')) types.add(e.event.type);
      },
    });
    actor.start();
    await waitFor(actor, (s) => s.matches('attract'), { timeout: 2000 });
    actor.send({ type: 'user.touch' });
    await waitFor(actor, (s) => s.matches({ session: 'home' }), { timeout: 2000 });
    const before = new Set(types);
    for (let i = 1; i <= 20; i++) {
      actor.send({ type: 'user.activity', at: i * activityThrottleMs });
      // each call answers before the next tap, as it does on a kiosk (a tap every few seconds)
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    expect(core.callsOf('session.activity')).toHaveLength(20);
    expect([...types].filter((t) => !before.has(t))).toEqual(['xstate.done.actor.reportActivity']);
  });

  it('a session the core no longer knows (it restarted): back to attract, wiped; other failures change nothing', async () => {
    const { actor, core, until } = await bootToHome();
    actor.send({ type: 'user.choose', choice: 'guide' });
    await until((s) => s.matches({ session: 'flow' }));
    // a transport hiccup: the next tap retries, the resident stays where they are
    core.extra['session.activity'] = async () => err(kioskError('TransportClosed', 'socket closed'));
    actor.send({ type: 'user.activity', at: 1000 });
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(actor.getSnapshot().matches({ session: 'flow' })).toBe(true);
    // the core restarted: its new life has no such session
    delete core.extra['session.activity'];
    core.sessionId = null;
    actor.send({ type: 'user.activity', at: 1000 + activityThrottleMs });
    await until((s) => s.matches('attract'));
    expect(residentFields(actor.getSnapshot().context)).toEqual(residentFields(initialContext()));
  });

  it('sends no activity when there is no session', async () => {
    const { actor, core } = await bootToAttract();
    actor.send({ type: 'user.activity', at: 5000 });
    expect(core.callsOf('session.activity')).toEqual([]);
  });
});

describe('root machine: technician entry', () => {
  it('opens the PIN pad after 5 corner taps within 3 seconds', async () => {
    const { actor } = await bootToAttract();
    tapCorner(actor, [100, 700, 1300, 1900]);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
    tapCorner(actor, [100 + cornerTapWindowMs]);
    expect(actor.getSnapshot().matches({ pinPad: 'entering' })).toBe(true);
    expect(actor.getSnapshot().context.pinPad).toEqual({ role: 'technician', pin: '', message: null, returnTo: 'attract' });
  });

  it('does not open it when the 5 taps spread over more than 3 seconds', async () => {
    const { actor } = await bootToAttract();
    tapCorner(actor, [0, 800, 1600, 2400, 3200, 4000, 4800]);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
    expect(actor.getSnapshot().context.cornerTaps.length).toBeLessThan(5);
  });

  it('wrong PIN: message and a cleared pad; lockout: says to wait', async () => {
    const { actor, until } = await bootToAttract();
    tapCorner(actor, [0, 1, 2, 3, 4]);
    typePin(actor, '1111');
    actor.send({ type: 'user.pinSubmit' });
    await until((s) => s.matches({ pinPad: 'entering' }) && s.context.pinPad?.message !== null);
    expect(actor.getSnapshot().context.pinPad).toMatchObject({ pin: '', message: { kind: 'PinRejected' } });

    for (let i = 0; i < 2; i++) {
      typePin(actor, '2222');
      actor.send({ type: 'user.pinSubmit' });
      await until((s) => s.matches({ pinPad: 'entering' }) && s.context.pinPad?.pin === '');
    }
    typePin(actor, pins.technician);
    actor.send({ type: 'user.pinSubmit' });
    await until((s) => s.context.pinPad?.message?.kind === 'PinLocked');
    expect(actor.getSnapshot().context.pinPad?.message).toEqual({ kind: 'PinLocked', retryAfterMs: 300_000 });
    expect(actor.getSnapshot().matches({ pinPad: 'entering' })).toBe(true);
  });

  it('refuses to submit fewer than 4 digits and keeps at most 8', async () => {
    const { actor } = await bootToAttract();
    tapCorner(actor, [0, 1, 2, 3, 4]);
    typePin(actor, '123');
    actor.send({ type: 'user.pinSubmit' });
    expect(actor.getSnapshot().matches({ pinPad: 'entering' })).toBe(true);
    typePin(actor, '4567890');
    expect(actor.getSnapshot().context.pinPad?.pin).toBe('12345678');
    actor.send({ type: 'user.pinClear' });
    expect(actor.getSnapshot().context.pinPad?.pin).toBe('');
  });

  it('right PIN opens diagnostics with devices; Exit locks and returns to attract', async () => {
    const { actor, core, until } = await bootToAttract();
    tapCorner(actor, [0, 1, 2, 3, 4]);
    typePin(actor, pins.technician);
    actor.send({ type: 'user.pinSubmit' });
    await until((s) => s.matches('diagnostics') && s.context.devices.length > 0);
    const c = actor.getSnapshot().context;
    expect(core.callsOf('auth.unlock')).toEqual([{ role: 'technician', pin: pins.technician }]);
    expect(c.operator).toEqual({ role: 'technician', operatorId: 'technician-test', expiresAt: '2026-01-05T03:00:00.000Z' });
    expect(c.devices).toEqual(testDevices);
    expect(c.pinPad).toBeNull();

    actor.send({ type: 'user.exitDiagnostics' });
    await until((s) => s.matches('attract'));
    expect(core.callsOf('auth.lock')).toHaveLength(1);
    expect(actor.getSnapshot().context.operator).toBeNull();
  });

  it('the officer PIN opens assisted mode: back to the attract loop, and flows get the officer', async () => {
    const seen: FlowInput[] = [];
    const core = new FakeCore();
    const flows: Record<string, ReturnType<typeof stubFlow>> = { submitFlow: stubFlow({ next: 'home' }, seen, []) };
    const actor = createActor(rootMachine.provide({ actors: { ...rootActors(createKioskClient(core), core), ...flows } }));
    actor.start();
    const until = (predicate: (s: Snapshot) => boolean) => waitFor(actor, predicate, { timeout: 2000 });
    await until((s) => s.matches('attract'));
    tapCorner(actor, [0, 1, 2, 3, 4]);
    actor.send({ type: 'user.pinRole', role: 'officer' });
    typePin(actor, pins.officer);
    actor.send({ type: 'user.pinSubmit' });
    await until((s) => s.matches('attract') && s.context.operator !== null);
    expect(core.callsOf('auth.unlock')).toEqual([{ role: 'officer', pin: pins.officer }]);
    actor.send({ type: 'user.touch' });
    await until((s) => s.matches({ session: 'home' }));
    actor.send({ type: 'user.choose', choice: 'submit' });
    expect(seen[0]?.operator?.operatorId).toBe('officer-test');
    actor.send({ type: 'user.endAssisted' });
    await until((s) => s.matches('attract') && s.context.operator === null);
    expect(core.callsOf('auth.lock')).toHaveLength(1);
  });

  it('unlocking during a resident session ends that session first', async () => {
    const { actor, core, until } = await bootToHome();
    const sessionId = core.sessionId;
    tapCorner(actor, [0, 1, 2, 3, 4]);
    typePin(actor, pins.technician);
    actor.send({ type: 'user.pinSubmit' });
    await until((s) => s.matches('diagnostics'));
    expect(core.callsOf('session.end')).toEqual([{ sessionId, reason: 'cancelled' }]);
    expect(actor.getSnapshot().context.session).toBeNull();
  });

  it('Cancel returns to where the pad was opened from', async () => {
    const fromHome = await bootToHome();
    tapCorner(fromHome.actor, [0, 1, 2, 3, 4]);
    expect(fromHome.actor.getSnapshot().matches('pinPad')).toBe(true);
    fromHome.actor.send({ type: 'user.pinCancel' });
    expect(fromHome.actor.getSnapshot().matches({ session: 'home' })).toBe(true);
    expect(fromHome.actor.getSnapshot().context.pinPad).toBeNull();

    const fromAttract = await bootToAttract();
    tapCorner(fromAttract.actor, [0, 1, 2, 3, 4]);
    fromAttract.actor.send({ type: 'user.pinCancel' });
    expect(fromAttract.actor.getSnapshot().matches('attract')).toBe(true);
  });

  it('the pad and diagnostics leave by themselves after diagnosticsIdleSeconds without input', async () => {
    const idleMs = testConfig.timeouts.diagnosticsIdleSeconds * 1000;
    const { actor, clock, until, core } = await bootToAttract();
    tapCorner(actor, [0, 1, 2, 3, 4]);
    clock.increment(idleMs - 1000);
    actor.send({ type: 'user.pinDigit', digit: '2' }); // input restarts the wait
    clock.increment(idleMs - 1);
    expect(actor.getSnapshot().matches('pinPad')).toBe(true);
    clock.increment(1);
    expect(actor.getSnapshot().matches('attract')).toBe(true);

    tapCorner(actor, [100_000, 100_001, 100_002, 100_003, 100_004]);
    typePin(actor, pins.technician);
    actor.send({ type: 'user.pinSubmit' });
    await until((s) => s.matches('diagnostics'));
    clock.increment(idleMs - 1000);
    actor.send({ type: 'user.activity', at: 200_000 });
    clock.increment(idleMs - 1);
    expect(actor.getSnapshot().matches('diagnostics')).toBe(true);
    clock.increment(1);
    await until((s) => s.matches('attract'));
    expect(core.callsOf('auth.lock')).toHaveLength(1);
    expect(actor.getSnapshot().context.operator).toBeNull();
  });
});

describe('root machine: core events', () => {
  it('tracks the connection without leaving the current screen', async () => {
    const { actor, core } = await bootToHome();
    core.setConnected(false);
    expect(actor.getSnapshot().context.connected).toBe(false);
    expect(actor.getSnapshot().matches({ session: 'home' })).toBe(true);
    core.setConnected(true);
    expect(actor.getSnapshot().context.connected).toBe(true);
    expect(actor.getSnapshot().matches({ session: 'home' })).toBe(true);
  });

  it('keeps device statuses and config changes', async () => {
    const { actor, core } = await bootToAttract();
    core.emit({ type: 'device.status', devices: testDevices });
    expect(actor.getSnapshot().context.devices).toEqual(testDevices);
    const changed = { ...testConfig, hotline: { ...testConfig.hotline, phone: '1800 9999' } };
    core.emit({ type: 'config.changed', config: changed });
    expect(actor.getSnapshot().context.config?.hotline.phone).toBe('1800 9999');
  });
});
