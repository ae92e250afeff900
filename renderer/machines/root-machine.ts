import { assign, cancel, enqueueActions, fromCallback, fromPromise, raise, sendTo, setup, type DoneActorEvent } from 'xstate';
import type { DeviceStatus } from '../../common/domain/device-status.js';
import type { Locale } from '../../common/domain/locale.js';
import type { SessionInfo } from '../../common/kiosk-api/contract.js';
import { opensPad, recordTap } from './corner-taps.js';
import { asKioskError } from './kiosk-failure.js';
import type { DiagnosticsInput } from '../diagnostics/diagnostics-types.js';
import type { FlowInput, FlowOutput } from '../flows/flow-types.js';
import { guideMachine } from '../flows/guide/guide-machine.js';
import { helpMachine } from '../flows/help/help-machine.js';
import { rateMachine } from '../flows/rate/rate-machine.js';
import { submitMachine } from '../flows/submit/submit-machine.js';
import { isTrackableCode, normaliseScannedCode } from '../flows/track/track-code.js';
import { trackMachine } from '../flows/track/track-machine.js';
import { diagnosticsMachine } from '../diagnostics/diagnostics-machine.js';
import type { ActivityReport, BootData, EndSessionInput, HomeChoice, Operator, PadReturn, RootContext, RootEvent, UnlockInput } from './root-types.js';

// The kiosk's journey from boot to a resident's session and the technician's pad. No React
// and no I/O here: every call to the core is a named actor, provided by root-actors.ts in the
// app and by fakes in tests (`rootMachine.provide({actors})`).

/** at most one `session.activity` call per second, however busy the fingers */
export const activityThrottleMs = 1000;
/** a kiosk that could not boot tries again by itself */
export const bootRetryMs = 10_000;
const maxPinLength = 8;
const minPinLength = 4;
const defaultDiagnosticsIdleSeconds = 300;
const fallbackLocale: Locale = 'vi';

const notProvided = (name: string) => () => {
  throw new Error(`actor ${name} must be provided (see renderer/machines/root-actors.ts)`);
};

export const initialContext = (): RootContext => ({
  config: null,
  catalog: null,
  appInfo: null,
  devices: [],
  connected: true,
  bootError: null,
  locale: fallbackLocale,
  slideIndex: 0,
  startError: null,
  session: null,
  cornerTaps: [],
  pinPad: null,
  operator: null,
});

/** What a resident's session leaves behind in renderer memory: nothing. */
const wiped = (c: RootContext): Partial<RootContext> => ({
  session: null,
  locale: c.config?.locale.default ?? fallbackLocale,
  startError: null,
  cornerTaps: [],
  pinPad: null,
});

const slideMs = (c: RootContext) => (c.config?.attract.slides[c.slideIndex]?.durationSeconds ?? 8) * 1000;

/** What a flow starts with; only called while a session is live and the boot data is in. */
const flowInput = (c: RootContext): FlowInput => {
  if (!c.session || !c.config || !c.catalog) throw new Error('a flow needs a live session and the boot data');
  return {
    sessionId: c.session.info.sessionId,
    config: c.config,
    catalog: c.catalog,
    operator: c.operator?.role === 'officer' ? c.operator : null,
    devices: c.devices,
    locale: c.locale,
    procedureCode: c.session.handover.procedureCode,
    code: c.session.handover.code,
  };
};

const diagnosticsInput = (c: RootContext): DiagnosticsInput => {
  if (!c.operator) throw new Error('diagnostics needs an unlocked operator');
  return { operator: c.operator, config: c.config, appInfo: c.appInfo, devices: c.devices };
};

export const rootMachine = setup({
  types: {
    context: {} as RootContext,
    events: {} as RootEvent,
    children: {} as { reportActivity: 'reportActivity'; submit: 'submitFlow'; guide: 'guideFlow'; track: 'trackFlow'; rate: 'rateFlow'; help: 'helpFlow'; diagnostics: 'diagnosticsFlow' },
  },
  actors: {
    submitFlow: submitMachine,
    guideFlow: guideMachine,
    trackFlow: trackMachine,
    rateFlow: rateMachine,
    helpFlow: helpMachine,
    diagnosticsFlow: diagnosticsMachine,
    loadBoot: fromPromise<BootData>(notProvided('loadBoot')),
    startSession: fromPromise<SessionInfo, { locale: Locale }>(notProvided('startSession')),
    reportActivity: fromPromise<ActivityReport, { sessionId: string }>(notProvided('reportActivity')),
    endSession: fromPromise<void, EndSessionInput>(notProvided('endSession')),
    unlock: fromPromise<Operator, UnlockInput>(notProvided('unlock')),
    lock: fromPromise<void>(notProvided('lock')),
    loadDevices: fromPromise<DeviceStatus[]>(notProvided('loadDevices')),
    /** turns core events and connection changes into `core.*` events */
    coreEvents: fromCallback(notProvided('coreEvents')),
  },
  delays: {
    diagnosticsIdle: ({ context }) => (context.config?.timeouts.diagnosticsIdleSeconds ?? defaultDiagnosticsIdleSeconds) * 1000,
    bootRetry: bootRetryMs,
  },
  guards: {
    hasSession: ({ context }) => context.session !== null,
    sessionLost: ({ context }, params: { report: ActivityReport }) => params.report.lost && params.report.sessionId === context.session?.info.sessionId,
    choiceIs: ({ context }, params: { choice: HomeChoice }) => context.session?.choice === params.choice,
    flowSays: (_, params: { out: FlowOutput; next: FlowOutput['next'] }) => params.out.next === params.next,
    unlockedOfficer: (_, params: { operator: Operator }) => params.operator.role === 'officer',
    inFlow: ({ context }) => context.session?.choice != null,
    readIsReceipt: ({ context, event }) =>
      event.type === 'core.readerRead' &&
      event.sessionId === context.session?.info.sessionId &&
      event.read.kind === 'trackingCode' &&
      isTrackableCode(normaliseScannedCode(event.read.code)),
    timerIs: ({ context, event }, params: { phase: 'active' | 'warning' | 'expired' }) =>
      event.type === 'core.sessionTimer' && event.phase === params.phase && context.session?.info.sessionId === event.sessionId,
    opensPinPad: ({ context, event }) => event.type === 'user.cornerTap' && opensPad(context.cornerTaps, event.at),
    localeAvailable: ({ context, event }) =>
      event.type === 'user.setLocale' && (context.config?.locale.available ?? ['vi', 'en']).includes(event.locale),
    pinHasRoom: ({ context }) => (context.pinPad?.pin.length ?? maxPinLength) < maxPinLength,
    pinLongEnough: ({ context }) => (context.pinPad?.pin.length ?? 0) >= minPinLength,
    padReturnsTo: ({ context }, params: { to: PadReturn }) =>
      context.pinPad?.returnTo === params.to && (params.to !== 'session' || context.session !== null),
  },
  actions: {
    applyBoot: assign((_, { config, appInfo, catalog, devices }: BootData) => ({ config, appInfo, catalog, devices, bootError: null, locale: config.locale.default, slideIndex: 0 })),
    rememberBootError: assign({ bootError: (_, params: { error: unknown }) => asKioskError(params.error) }),
    setDevices: assign({ devices: (_, params: { devices: DeviceStatus[] }) => params.devices }),
    applyConfig: assign(({ context, event }) => {
      if (event.type !== 'core.configChanged') return {};
      const slides = event.config.attract.slides.length;
      return { config: event.config, slideIndex: context.slideIndex < slides ? context.slideIndex : 0 };
    }),
    markConnected: assign({ connected: true }),
    markDisconnected: assign({ connected: false }),
    setLocale: assign({ locale: ({ context, event }) => (event.type === 'user.setLocale' ? event.locale : context.locale) }),

    scheduleNextSlide: raise({ type: 'timer.nextSlide' }, { id: 'nextSlide', delay: ({ context }) => slideMs(context) }),
    cancelNextSlide: cancel('nextSlide'),
    nextSlide: assign({
      slideIndex: ({ context }) => (context.slideIndex + 1) % Math.max(1, context.config?.attract.slides.length ?? 1),
    }),
    firstSlide: assign({ slideIndex: 0 }),
    rememberStartError: assign({ startError: (_, params: { error: unknown }) => asKioskError(params.error) }),
    beginSession: assign((_, info: SessionInfo) => ({
      startError: null,
      session: { info, choice: null, handover: { procedureCode: null, code: null }, warning: null, lastReportAt: null },
    })),
    /** The one place a resident's data leaves renderer memory: back to a just-booted state. */
    wipeSession: assign(({ context }) => wiped(context)),

    showWarning: assign({
      session: ({ context, event }) =>
        context.session && event.type === 'core.sessionTimer'
          ? { ...context.session, warning: { remainingMs: Math.max(0, event.remainingMs) } }
          : context.session,
    }),
    clearWarning: assign({ session: ({ context }) => (context.session ? { ...context.session, warning: null } : null) }),
    // Throttled here rather than in React so the rule is tested with the machine. While the
    // warning shows, a touch lands on the overlay and its click answers (`user.stillHere`):
    // hiding the overlay on pointerdown would let that same click fall on the screen beneath.
    reportActivity: enqueueActions(({ context, event, enqueue }) => {
      const session = context.session;
      if (!session) return;
      if (event.type === 'user.activity') {
        if (session.warning !== null) return;
        if (session.lastReportAt !== null && event.at - session.lastReportAt < activityThrottleMs) return;
      } else if (event.type !== 'user.stillHere') {
        return;
      }
      enqueue.assign({ session: { ...session, warning: null, lastReportAt: event.at } });
      // a fixed id: xstate memoizes transition candidates per event type, and an unnamed child's
      // done event (`xstate.done.actor.x:<n>`) is a new type every time — a slow leak per tap (P5)
      enqueue.spawnChild('reportActivity', { id: 'reportActivity', input: { sessionId: session.info.sessionId } });
    }),
    rememberChoice: assign({
      session: ({ context, event }) =>
        context.session && event.type === 'user.choose' ? { ...context.session, choice: event.choice } : context.session,
    }),
    /** a receipt shown on the home screen: Track, with its code already looked up */
    trackReadCode: assign({
      session: ({ context, event }) =>
        context.session && event.type === 'core.readerRead' && event.read.kind === 'trackingCode'
          ? { ...context.session, choice: 'track' as const, handover: { procedureCode: null, code: event.read.code } }
          : context.session,
    }),
    forgetChoice: assign({
      session: ({ context }) => (context.session ? { ...context.session, choice: null, handover: { procedureCode: null, code: null } } : null),
    }),
    /** a flow handed over to another: remember which, and what it passes on */
    handOver: assign({
      session: ({ context }, out: FlowOutput) =>
        context.session && out.next === 'flow'
          ? { ...context.session, choice: out.choice, handover: { procedureCode: out.procedureCode ?? null, code: out.code ?? null } }
          : context.session,
    }),
    /** core events a flow listens to (scan pages, reader reads, device status) */
    forwardToFlow: sendTo(({ context }) => context.session?.choice ?? 'submit', ({ event }) => event),

    recordCornerTap: assign({
      cornerTaps: ({ context, event }) => (event.type === 'user.cornerTap' ? recordTap(context.cornerTaps, event.at) : context.cornerTaps),
    }),
    openPinPad: assign((_, params: { returnTo: PadReturn }) => ({
      cornerTaps: [],
      pinPad: { role: 'technician' as const, pin: '', message: null, returnTo: params.returnTo },
    })),
    closePinPad: assign({ pinPad: null }),
    appendDigit: assign({
      pinPad: ({ context, event }) =>
        context.pinPad && event.type === 'user.pinDigit' ? { ...context.pinPad, pin: context.pinPad.pin + event.digit, message: null } : context.pinPad,
    }),
    clearPin: assign({ pinPad: ({ context }) => (context.pinPad ? { ...context.pinPad, pin: '', message: null } : null) }),
    setPinRole: assign({
      pinPad: ({ context, event }) =>
        context.pinPad && event.type === 'user.pinRole' ? { ...context.pinPad, role: event.role, pin: '', message: null } : context.pinPad,
    }),
    pinFailed: assign({
      pinPad: ({ context }, params: { error: unknown }) => {
        if (!context.pinPad) return null;
        const error = asKioskError(params.error);
        const message = error.retryAfterMs === undefined ? { kind: error.kind } : { kind: error.kind, retryAfterMs: error.retryAfterMs };
        return { ...context.pinPad, pin: '', message };
      },
    }),
    grantOperator: assign({ operator: (_, operator: Operator) => operator }),
    forgetOperator: assign({ operator: null }),
    // A technician taking over ends any resident session first: diagnostics is no place for PII.
    endResidentSession: enqueueActions(({ context, enqueue }) => {
      if (!context.session) return;
      enqueue.spawnChild('endSession', { id: 'endResidentSession', input: { sessionId: context.session.info.sessionId, reason: 'cancelled' } });
      enqueue.assign(({ context }) => wiped(context));
    }),
  },
}).createMachine({
  id: 'root',
  context: initialContext,
  invoke: { src: 'coreEvents' },
  initial: 'booting',
  on: {
    'core.deviceStatus': { actions: { type: 'setDevices', params: ({ event }) => ({ devices: event.devices }) } },
    'core.configChanged': { actions: 'applyConfig' },
    'core.disconnected': { actions: 'markDisconnected' },
    'core.reconnected': { actions: 'markConnected' },
    'core.sessionTimer': [
      { guard: { type: 'timerIs', params: { phase: 'expired' } }, target: '.attract', actions: 'wipeSession' },
      { guard: { type: 'timerIs', params: { phase: 'warning' } }, actions: 'showWarning' },
      { guard: { type: 'timerIs', params: { phase: 'active' } }, actions: 'clearWarning' },
    ],
    'user.activity': { guard: 'hasSession', actions: 'reportActivity' },
    // the core forgot this session (it restarted, or ended it while this screen missed the
    // event): nothing the resident does here can work any more, so back to the start, wiped
    'xstate.done.actor.reportActivity': {
      guard: { type: 'sessionLost', params: ({ event }: { event: DoneActorEvent<ActivityReport> }) => ({ report: event.output }) },
      target: '.attract',
      actions: 'wipeSession',
    },
    'user.setLocale': { guard: 'localeAvailable', actions: 'setLocale' },
    'user.endAssisted': { target: '.locking' },
  },
  states: {
    booting: {
      initial: 'loading',
      on: {
        'user.cornerTap': [
          { guard: 'opensPinPad', target: 'pinPad', actions: { type: 'openPinPad', params: { returnTo: 'booting' } } },
          { actions: 'recordCornerTap' },
        ],
      },
      states: {
        loading: {
          invoke: {
            src: 'loadBoot',
            onDone: { target: '#root.attract', actions: { type: 'applyBoot', params: ({ event }) => event.output } },
            onError: { target: 'outOfService', actions: { type: 'rememberBootError', params: ({ event }) => ({ error: event.error }) } },
          },
        },
        outOfService: {
          after: { bootRetry: 'loading' },
          on: {
            'user.retry': 'loading',
            'core.reconnected': { target: 'loading', actions: 'markConnected' },
          },
        },
      },
    },

    attract: {
      initial: 'showing',
      entry: 'firstSlide',
      on: {
        'user.cornerTap': [
          { guard: 'opensPinPad', target: 'pinPad', actions: { type: 'openPinPad', params: { returnTo: 'attract' } } },
          { actions: 'recordCornerTap' },
        ],
      },
      states: {
        showing: {
          entry: 'scheduleNextSlide',
          exit: 'cancelNextSlide',
          on: {
            'timer.nextSlide': { target: 'showing', reenter: true, actions: 'nextSlide' },
            'user.touch': 'starting',
          },
        },
        starting: {
          invoke: {
            src: 'startSession',
            input: ({ context }) => ({ locale: context.locale }),
            onDone: { target: '#root.session', actions: { type: 'beginSession', params: ({ event }) => event.output } },
            onError: { target: 'showing', actions: { type: 'rememberStartError', params: ({ event }) => ({ error: event.error }) } },
          },
        },
      },
    },

    session: {
      initial: 'home',
      on: {
        'user.stillHere': { actions: 'reportActivity' },
        'user.cornerTap': [
          { guard: 'opensPinPad', target: 'pinPad', actions: { type: 'openPinPad', params: { returnTo: 'session' } } },
          { actions: 'recordCornerTap' },
        ],
      },
      states: {
        home: {
          on: {
            'user.choose': { target: 'flow', actions: 'rememberChoice' },
            'user.end': 'ending',
            // the quickest way to a dossier's status: show the receipt's QR, no tap needed
            'core.readerRead': { guard: 'readIsReceipt', target: 'flow', actions: 'trackReadCode' },
          },
        },
        // Each home choice is a flow machine (renderer/flows/): invoked here, stopped with the session.
        flow: {
          initial: 'pick',
          on: {
            'core.scanPage': { actions: 'forwardToFlow' },
            'core.readerRead': { actions: 'forwardToFlow' },
            'core.deviceStatus': { actions: [{ type: 'setDevices', params: ({ event }) => ({ devices: event.devices }) }, 'forwardToFlow'] },
          },
          states: {
            pick: {
              always: [
                { guard: { type: 'choiceIs', params: { choice: 'submit' } }, target: 'submit' },
                { guard: { type: 'choiceIs', params: { choice: 'guide' } }, target: 'guide' },
                { guard: { type: 'choiceIs', params: { choice: 'track' } }, target: 'track' },
                { guard: { type: 'choiceIs', params: { choice: 'rate' } }, target: 'rate' },
                { guard: { type: 'choiceIs', params: { choice: 'help' } }, target: 'help' },
                { target: '#root.session.home', actions: 'forgetChoice' },
              ],
            },
            submit: {
              invoke: {
                id: 'submit',
                src: 'submitFlow',
                input: ({ context }) => flowInput(context),
                onDone: [
                  { guard: { type: 'flowSays', params: ({ event }) => ({ out: event.output, next: 'end' }) }, target: '#root.session.ending' },
                  { guard: { type: 'flowSays', params: ({ event }) => ({ out: event.output, next: 'flow' }) }, target: 'pick', reenter: true, actions: { type: 'handOver', params: ({ event }) => event.output } },
                  { target: '#root.session.home', actions: 'forgetChoice' },
                ],
                // a flow never throws on purpose; if it does, the resident is back home, not stuck
                onError: { target: '#root.session.home', actions: 'forgetChoice' },
              },
            },
            guide: {
              invoke: {
                id: 'guide',
                src: 'guideFlow',
                input: ({ context }) => flowInput(context),
                onDone: [
                  { guard: { type: 'flowSays', params: ({ event }) => ({ out: event.output, next: 'end' }) }, target: '#root.session.ending' },
                  { guard: { type: 'flowSays', params: ({ event }) => ({ out: event.output, next: 'flow' }) }, target: 'pick', reenter: true, actions: { type: 'handOver', params: ({ event }) => event.output } },
                  { target: '#root.session.home', actions: 'forgetChoice' },
                ],
                // a flow never throws on purpose; if it does, the resident is back home, not stuck
                onError: { target: '#root.session.home', actions: 'forgetChoice' },
              },
            },
            track: {
              invoke: {
                id: 'track',
                src: 'trackFlow',
                input: ({ context }) => flowInput(context),
                onDone: [
                  { guard: { type: 'flowSays', params: ({ event }) => ({ out: event.output, next: 'end' }) }, target: '#root.session.ending' },
                  { guard: { type: 'flowSays', params: ({ event }) => ({ out: event.output, next: 'flow' }) }, target: 'pick', reenter: true, actions: { type: 'handOver', params: ({ event }) => event.output } },
                  { target: '#root.session.home', actions: 'forgetChoice' },
                ],
                // a flow never throws on purpose; if it does, the resident is back home, not stuck
                onError: { target: '#root.session.home', actions: 'forgetChoice' },
              },
            },
            rate: {
              invoke: {
                id: 'rate',
                src: 'rateFlow',
                input: ({ context }) => flowInput(context),
                onDone: [
                  { guard: { type: 'flowSays', params: ({ event }) => ({ out: event.output, next: 'end' }) }, target: '#root.session.ending' },
                  { guard: { type: 'flowSays', params: ({ event }) => ({ out: event.output, next: 'flow' }) }, target: 'pick', reenter: true, actions: { type: 'handOver', params: ({ event }) => event.output } },
                  { target: '#root.session.home', actions: 'forgetChoice' },
                ],
                // a flow never throws on purpose; if it does, the resident is back home, not stuck
                onError: { target: '#root.session.home', actions: 'forgetChoice' },
              },
            },
            help: {
              invoke: {
                id: 'help',
                src: 'helpFlow',
                input: ({ context }) => flowInput(context),
                onDone: [
                  { guard: { type: 'flowSays', params: ({ event }) => ({ out: event.output, next: 'end' }) }, target: '#root.session.ending' },
                  { guard: { type: 'flowSays', params: ({ event }) => ({ out: event.output, next: 'flow' }) }, target: 'pick', reenter: true, actions: { type: 'handOver', params: ({ event }) => event.output } },
                  { target: '#root.session.home', actions: 'forgetChoice' },
                ],
                // a flow never throws on purpose; if it does, the resident is back home, not stuck
                onError: { target: '#root.session.home', actions: 'forgetChoice' },
              },
            },
          },
        },
        ending: {
          invoke: {
            src: 'endSession',
            input: ({ context }) => ({ sessionId: context.session?.info.sessionId ?? '', reason: 'user' as const }),
            // the core wipes on its side whatever the answer; the renderer wipes regardless
            onDone: { target: '#root.attract', actions: 'wipeSession' },
            onError: { target: '#root.attract', actions: 'wipeSession' },
          },
        },
        hist: { type: 'history' },
      },
    },

    pinPad: {
      initial: 'entering',
      exit: 'closePinPad',
      on: { 'user.pinCancel': '.leaving' },
      states: {
        entering: {
          after: { diagnosticsIdle: 'leaving' },
          on: {
            'user.pinDigit': { guard: 'pinHasRoom', target: 'entering', reenter: true, actions: 'appendDigit' },
            'user.pinClear': { target: 'entering', reenter: true, actions: 'clearPin' },
            'user.pinRole': { target: 'entering', reenter: true, actions: 'setPinRole' },
            'user.pinSubmit': { guard: 'pinLongEnough', target: 'checking' },
          },
        },
        checking: {
          invoke: {
            src: 'unlock',
            input: ({ context }) => ({ role: context.pinPad?.role ?? 'technician', pin: context.pinPad?.pin ?? '' }),
            onDone: [
              // assisted mode: the officer's next sessions carry channel kiosk-assisted
              {
                guard: { type: 'unlockedOfficer', params: ({ event }) => ({ operator: event.output }) },
                target: '#root.attract',
                actions: [{ type: 'grantOperator', params: ({ event }) => event.output }, 'endResidentSession'],
              },
              {
                target: '#root.diagnostics',
                actions: [{ type: 'grantOperator', params: ({ event }) => event.output }, 'endResidentSession'],
              },
            ],
            onError: { target: 'entering', actions: { type: 'pinFailed', params: ({ event }) => ({ error: event.error }) } },
          },
        },
        leaving: {
          always: [
            { guard: { type: 'padReturnsTo', params: { to: 'session' } }, target: '#root.session.hist' },
            { guard: { type: 'padReturnsTo', params: { to: 'booting' } }, target: '#root.booting' },
            { target: '#root.attract' },
          ],
        },
      },
    },

    diagnostics: {
      initial: 'watching',
      invoke: [
        {
          src: 'loadDevices',
          onDone: { actions: { type: 'setDevices', params: ({ event }) => ({ devices: event.output }) } },
          // diagnostics still shows what the events said; nothing to undo
          onError: { actions: [] },
        },
        // the technician's screens (renderer/diagnostics/): on the parent state, so activity
        // (which re-enters `watching` to push the idle deadline back) does not restart them
        {
          id: 'diagnostics',
          src: 'diagnosticsFlow',
          input: ({ context }) => diagnosticsInput(context),
          onDone: { target: 'locking' },
          onError: { target: 'locking' },
        },
      ],
      on: {
        'user.exitDiagnostics': 'locking',
        'core.deviceStatus': { actions: [{ type: 'setDevices', params: ({ event }) => ({ devices: event.devices }) }, sendTo('diagnostics', ({ event }) => event)] },
        'core.queueCounts': { actions: sendTo('diagnostics', ({ event }) => event) },
      },
      states: {
        watching: {
          after: { diagnosticsIdle: '#root.locking' },
          on: { 'user.activity': { target: 'watching', reenter: true } },
        },
      },
    },

    locking: {
      invoke: {
        src: 'lock',
        onDone: { target: 'attract', actions: ['forgetOperator', 'wipeSession'] },
        onError: { target: 'attract', actions: ['forgetOperator', 'wipeSession'] },
      },
    },
  },
});

export type RootMachine = typeof rootMachine;
