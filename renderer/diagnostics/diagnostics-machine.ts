import { assign, fromPromise, setup } from 'xstate';
import type { DeviceId } from '../../common/domain/device-status.js';
import type { ArgsOf, ResultOf } from '../../common/kiosk-api/contract.js';
import type {
  AuditEntry,
  CardTestResult,
  ConfigReloadResult,
  DiagConfig,
  DiagDevice,
  ExportTarget,
  LogLevel,
  MonthlyReport,
  NetworkStatus,
  PrintTestResult,
  QueueExportResult,
  QueueRetryResult,
  QueueSummary,
  ScanTestResult,
  StatsSummary,
  SystemStatus,
} from '../../common/kiosk-api/diagnostics-contract.js';
import type { KioskMethod } from '../../common/kiosk-api/methods.js';
import { asKioskError } from '../machines/kiosk-failure.js';
import type { CoreEvent } from '../machines/root-types.js';
import { exportProblemOf, monthOf, retryKindOf, shiftMonth, toggled } from './diagnostics-rules.js';
import {
  queueFilterStates,
  type DiagnosticsContext,
  type DiagnosticsInput,
  type ExportKind,
  type LogsExportResult,
  type QueueFilter,
  type RestartResult,
  type SelfTestResult,
} from './diagnostics-types.js';

// The technician's diagnostics (issue #6): one top-level state per tab, each loading its data
// on entry and offering its actions. Every KioskApi call is a named actor (provided by
// diagnostics-actors.ts); a failed call is kept as `failure` with its method and shown with
// its kind and technician detail. While an action runs (a test print, an export, a restart)
// the tabs hold still, so its answer is never lost behind another tab.

const notProvided = (name: string) => () => {
  throw new Error(`actor ${name} must be provided (see renderer/diagnostics/diagnostics-actors.ts)`);
};

/** how often the log tail refreshes itself while auto-refresh is on */
export const logsRefreshMs = 5000;
/** lines asked of diag.logs / rows of diag.audit / dossiers of diag.queueList */
export const logsLimit = 200;
export const auditLimit = 200;
export const queueListLimit = 100;

export type CardTestArgs = ArgsOf<'diag.cardTest'>;
export type LogsArgs = ArgsOf<'diag.logs'>;
export type LogsAnswer = ResultOf<'diag.logs'>;
export type QueueListArgs = ArgsOf<'diag.queueList'>;
export type QueueListAnswer = ResultOf<'diag.queueList'>;
export interface QueueExportArgs {
  refs: string[];
  dir: string;
  passphrase: string;
}

export type DiagnosticsEvent =
  // tabs, and the current tab's data again (network: "check now")
  | { type: 'diag.tab.devices' }
  | { type: 'diag.tab.queue' }
  | { type: 'diag.tab.network' }
  | { type: 'diag.tab.config' }
  | { type: 'diag.tab.logs' }
  | { type: 'diag.tab.system' }
  | { type: 'diag.tab.stats' }
  | { type: 'diag.tab.audit' }
  | { type: 'diag.refresh' }
  // devices
  | { type: 'diag.device.printTest' }
  | { type: 'diag.device.scanTest' }
  | { type: 'diag.device.cardTest' }
  | { type: 'diag.device.cardTestSimulated' }
  /** a keyboard-wedge reader "typed" a card on the devices tab */
  | { type: 'diag.device.cardPayload'; text: string }
  | { type: 'diag.device.selfTest'; device: DeviceId }
  // queue
  | { type: 'diag.queue.filter'; filter: QueueFilter }
  | { type: 'diag.queue.toggle'; id: string }
  | { type: 'diag.queue.selectAll' }
  | { type: 'diag.queue.selectNone' }
  | { type: 'diag.queue.retry'; ref: string }
  | { type: 'diag.queue.export' }
  // the export form (queue bundle, logs)
  | { type: 'diag.export.target'; path: string }
  | { type: 'diag.export.folder'; dir: string }
  | { type: 'diag.export.passphrase'; value: string }
  | { type: 'diag.export.passphraseAgain'; value: string }
  | { type: 'diag.export.start' }
  | { type: 'diag.export.cancel' }
  | { type: 'diag.export.close' }
  // config
  | { type: 'diag.config.reload' }
  // logs
  | { type: 'diag.logs.level'; level: LogLevel }
  | { type: 'diag.logs.component'; component: string | null }
  | { type: 'diag.logs.auto' }
  | { type: 'diag.logs.export' }
  // system: both ask to confirm first
  | { type: 'diag.system.restart' }
  | { type: 'diag.system.exitKiosk' }
  | { type: 'diag.confirm' }
  | { type: 'diag.cancel' }
  // stats
  | { type: 'diag.stats.prevMonth' }
  | { type: 'diag.stats.nextMonth' }
  // forwarded by the root while diagnostics runs
  | Extract<CoreEvent, { type: 'core.deviceStatus' | 'core.queueCounts' }>;

const tabEvents = ['diag.tab.devices', 'diag.tab.queue', 'diag.tab.network', 'diag.tab.config', 'diag.tab.logs', 'diag.tab.system', 'diag.tab.stats', 'diag.tab.audit'] as const;
/** an action is running: tab changes and refreshes wait for it (handled here, so the tab stays) */
const holdTabs = Object.fromEntries([...tabEvents, 'diag.refresh'].map((type) => [type, {}])) as Record<(typeof tabEvents)[number] | 'diag.refresh', object>;

const initialContext = (input: DiagnosticsInput): DiagnosticsContext => ({
  input,
  failure: null,
  devices: input.devices,
  counters: {},
  printResult: null,
  scanResult: null,
  cardResult: null,
  cardPayload: null,
  selfTestDevice: null,
  selfTests: {},
  queueSummary: null,
  queueCounts: null,
  queueItems: null,
  queueTotal: 0,
  queueFilter: 'all',
  selected: [],
  retryRef: null,
  retried: null,
  exportKind: 'queue',
  exportTargets: [],
  exportDir: '',
  passphrase: '',
  passphraseAgain: '',
  exportProblem: null,
  bundle: null,
  logsExported: null,
  network: null,
  config: null,
  configReload: null,
  logs: null,
  logComponents: [],
  logLevel: 'info',
  logComponent: null,
  logsAuto: false,
  system: null,
  restart: null,
  exitingKiosk: false,
  stats: null,
  month: null,
  thisMonth: null,
  monthly: null,
  audit: null,
});

/** `onError` of an invoke: keep the failure with the method that failed */
const failed = (action: KioskMethod) => ({ type: 'fail' as const, params: ({ event }: { event: { error: unknown } }) => ({ action, error: event.error }) });

export const diagnosticsMachine = setup({
  types: {
    input: {} as DiagnosticsInput,
    context: {} as DiagnosticsContext,
    events: {} as DiagnosticsEvent,
  },
  actors: {
    'diag.devices': fromPromise<DiagDevice[]>(notProvided('diag.devices')),
    'diag.printTest': fromPromise<PrintTestResult>(notProvided('diag.printTest')),
    'diag.scanTest': fromPromise<ScanTestResult>(notProvided('diag.scanTest')),
    'diag.cardTest': fromPromise<CardTestResult, CardTestArgs>(notProvided('diag.cardTest')),
    'devices.selfTest': fromPromise<SelfTestResult, { device: DeviceId }>(notProvided('devices.selfTest')),
    'diag.queueSummary': fromPromise<QueueSummary>(notProvided('diag.queueSummary')),
    'diag.queueList': fromPromise<QueueListAnswer, QueueListArgs>(notProvided('diag.queueList')),
    'diag.queueRetry': fromPromise<QueueRetryResult, { ref: string }>(notProvided('diag.queueRetry')),
    'diag.exportTargets': fromPromise<ExportTarget[]>(notProvided('diag.exportTargets')),
    'diag.queueExport': fromPromise<QueueExportResult, QueueExportArgs>(notProvided('diag.queueExport')),
    'diag.network': fromPromise<NetworkStatus>(notProvided('diag.network')),
    'diag.config': fromPromise<DiagConfig>(notProvided('diag.config')),
    'diag.configReload': fromPromise<ConfigReloadResult>(notProvided('diag.configReload')),
    'diag.logs': fromPromise<LogsAnswer, LogsArgs>(notProvided('diag.logs')),
    'diag.logsExport': fromPromise<LogsExportResult, { dir: string }>(notProvided('diag.logsExport')),
    'diag.system': fromPromise<SystemStatus>(notProvided('diag.system')),
    'diag.restart': fromPromise<RestartResult>(notProvided('diag.restart')),
    'diag.exitKiosk': fromPromise<{ exiting: true }>(notProvided('diag.exitKiosk')),
    'diag.stats': fromPromise<StatsSummary, ArgsOf<'diag.stats'>>(notProvided('diag.stats')),
    'diag.statsMonthly': fromPromise<MonthlyReport, { month: string }>(notProvided('diag.statsMonthly')),
    'diag.audit': fromPromise<AuditEntry[], ArgsOf<'diag.audit'>>(notProvided('diag.audit')),
  },
  delays: {
    logsRefresh: logsRefreshMs,
  },
  guards: {
    hasCardPayload: ({ event }) => event.type === 'diag.device.cardPayload' && event.text.trim() !== '',
    canRetry: ({ context, event }) => {
      if (event.type !== 'diag.queue.retry') return false;
      const item = context.queueItems?.find((i) => i.id === event.ref || i.localCode === event.ref);
      return item !== undefined && retryKindOf(item) !== null;
    },
    hasSelection: ({ context }) => context.selected.length > 0,
    exportReady: ({ context }) => exportProblemOf(context.exportKind, context.exportDir, context.passphrase, context.passphraseAgain) === null,
    logsAuto: ({ context }) => context.logsAuto,
    hasMonth: ({ context }) => context.month !== null,
    beforeThisMonth: ({ context }) => context.month !== null && context.thisMonth !== null && context.month < context.thisMonth,
  },
  actions: {
    fail: assign({ failure: (_, params: { action: KioskMethod; error: unknown }) => ({ action: params.action, error: asKioskError(params.error) }) }),
    clearFailure: assign({ failure: null }),

    setDevices: assign({
      devices: ({ context, event }) => (event.type === 'core.deviceStatus' ? event.devices : context.devices),
    }),
    setQueueCounts: assign({
      queueCounts: ({ context, event }) => (event.type === 'core.queueCounts' ? event.queue : context.queueCounts),
    }),

    keepDevices: assign((_, devices: DiagDevice[]) => ({
      devices: devices.map((d) => d.status),
      counters: Object.fromEntries(devices.map((d) => [d.status.id, d.counters])),
    })),
    keepPrint: assign({ printResult: (_, r: PrintTestResult) => r }),
    keepScan: assign({ scanResult: (_, r: ScanTestResult) => r }),
    keepCard: assign({ cardResult: (_, r: CardTestResult) => r, cardPayload: null }),
    rememberCardPayload: assign({ cardPayload: ({ event }) => (event.type === 'diag.device.cardPayload' ? event.text : null) }),
    forgetCardPayload: assign({ cardPayload: null }),
    rememberSelfTest: assign({ selfTestDevice: ({ context, event }) => (event.type === 'diag.device.selfTest' ? event.device : context.selfTestDevice) }),
    keepSelfTest: assign({ selfTests: ({ context }, r: SelfTestResult) => ({ ...context.selfTests, [r.device]: r }) }),

    keepQueueSummary: assign((_, s: QueueSummary) => ({ queueSummary: s, queueCounts: { counts: s.counts, oldestPendingAt: s.oldestPendingAt } })),
    keepQueueList: assign(({ context }, list: QueueListAnswer) => ({
      queueItems: list.items,
      queueTotal: list.total,
      // a dossier that left the list (another filter, purged) is no longer selected
      selected: context.selected.filter((id) => list.items.some((i) => i.id === id)),
    })),
    setFilter: assign({ queueFilter: ({ context, event }) => (event.type === 'diag.queue.filter' ? event.filter : context.queueFilter), selected: [] }),
    toggleSelected: assign({ selected: ({ context, event }) => (event.type === 'diag.queue.toggle' ? toggled(context.selected, event.id) : context.selected) }),
    selectAll: assign({ selected: ({ context }) => (context.queueItems ?? []).map((i) => i.id) }),
    selectNone: assign({ selected: [] }),
    rememberRetry: assign({ retryRef: ({ event }) => (event.type === 'diag.queue.retry' ? event.ref : null), retried: null }),
    keepRetry: assign({ retried: (_, r: QueueRetryResult) => r }),

    openExport: assign((_, params: { kind: ExportKind }) => ({
      exportKind: params.kind,
      exportTargets: [],
      exportDir: '',
      passphrase: '',
      passphraseAgain: '',
      exportProblem: null,
      bundle: null,
      logsExported: null,
      failure: null,
    })),
    keepTargets: assign(({ context }, targets: ExportTarget[]) => ({
      exportTargets: targets,
      // one drive plugged in: it is the one
      exportDir: context.exportDir === '' && targets.length === 1 && targets[0] ? targets[0].path : context.exportDir,
    })),
    chooseTarget: assign({ exportDir: ({ context, event }) => (event.type === 'diag.export.target' ? event.path : context.exportDir), exportProblem: null }),
    typeFolder: assign({ exportDir: ({ context, event }) => (event.type === 'diag.export.folder' ? event.dir : context.exportDir), exportProblem: null }),
    typePassphrase: assign({ passphrase: ({ context, event }) => (event.type === 'diag.export.passphrase' ? event.value : context.passphrase), exportProblem: null }),
    typePassphraseAgain: assign({
      passphraseAgain: ({ context, event }) => (event.type === 'diag.export.passphraseAgain' ? event.value : context.passphraseAgain),
      exportProblem: null,
    }),
    explainExportProblem: assign({
      exportProblem: ({ context }) => exportProblemOf(context.exportKind, context.exportDir, context.passphrase, context.passphraseAgain),
    }),
    // the passphrase goes to the city's IT by another way; the kiosk forgets it at once
    wipePassphrase: assign({ passphrase: '', passphraseAgain: '' }),
    keepBundle: assign({ bundle: (_, r: QueueExportResult) => r, selected: [] }),
    keepLogsExport: assign({ logsExported: (_, r: LogsExportResult) => r }),

    keepNetwork: assign({ network: (_, r: NetworkStatus) => r }),
    keepConfig: assign({ config: (_, r: DiagConfig) => r }),
    keepReload: assign((_, r: ConfigReloadResult) => ({ configReload: r, config: r.config })),
    clearReload: assign({ configReload: null }),

    keepLogs: assign((_, r: LogsAnswer) => ({ logs: r.lines, logComponents: r.components })),
    setLogLevel: assign({ logLevel: ({ context, event }) => (event.type === 'diag.logs.level' ? event.level : context.logLevel) }),
    setLogComponent: assign({ logComponent: ({ context, event }) => (event.type === 'diag.logs.component' ? event.component : context.logComponent) }),
    toggleLogsAuto: assign({ logsAuto: ({ context }) => !context.logsAuto }),

    keepSystem: assign({ system: (_, r: SystemStatus) => r }),
    keepRestart: assign({ restart: (_, r: RestartResult) => r }),
    markExiting: assign({ exitingKiosk: true }),

    keepStats: assign(({ context }, s: StatsSummary) => ({
      stats: s,
      thisMonth: monthOf(s.to),
      month: context.month ?? monthOf(s.to),
    })),
    prevMonth: assign({ month: ({ context }) => (context.month ? shiftMonth(context.month, -1) : context.month), monthly: null }),
    nextMonth: assign({ month: ({ context }) => (context.month ? shiftMonth(context.month, 1) : context.month), monthly: null }),
    keepMonthly: assign({ monthly: (_, r: MonthlyReport) => r }),

    keepAudit: assign({ audit: (_, r: AuditEntry[]) => r }),
  },
}).createMachine({
  id: 'diagnostics',
  context: ({ input }) => initialContext(input),
  initial: 'devices',
  on: {
    'diag.tab.devices': '.devices',
    'diag.tab.queue': '.queue',
    'diag.tab.network': '.network',
    'diag.tab.config': '.config',
    'diag.tab.logs': '.logs',
    'diag.tab.system': '.system',
    'diag.tab.stats': '.stats',
    'diag.tab.audit': '.audit',
    'core.deviceStatus': { actions: 'setDevices' },
    'core.queueCounts': { actions: 'setQueueCounts' },
  },
  states: {
    devices: {
      entry: 'clearFailure',
      initial: 'loading',
      on: { 'diag.refresh': { target: '.loading', actions: 'clearFailure' } },
      states: {
        loading: {
          tags: ['loading'],
          invoke: {
            src: 'diag.devices',
            onDone: { target: 'idle', actions: { type: 'keepDevices', params: ({ event }) => event.output } },
            onError: { target: 'idle', actions: failed('diag.devices') },
          },
        },
        idle: {
          on: {
            'diag.device.printTest': { target: 'printing', actions: 'clearFailure' },
            'diag.device.scanTest': { target: 'scanning', actions: 'clearFailure' },
            'diag.device.cardTest': { target: 'readingCard', actions: ['clearFailure', 'forgetCardPayload'] },
            'diag.device.cardTestSimulated': { target: 'simulatingCard', actions: ['clearFailure', 'forgetCardPayload'] },
            'diag.device.cardPayload': { guard: 'hasCardPayload', target: 'readingCard', actions: ['clearFailure', 'rememberCardPayload'] },
            'diag.device.selfTest': { target: 'selfTesting', actions: ['clearFailure', 'rememberSelfTest'] },
          },
        },
        // after a test the counters changed: read them again
        printing: {
          tags: ['busy'],
          on: holdTabs,
          invoke: {
            src: 'diag.printTest',
            onDone: { target: 'loading', actions: { type: 'keepPrint', params: ({ event }) => event.output } },
            onError: { target: 'idle', actions: failed('diag.printTest') },
          },
        },
        scanning: {
          tags: ['busy'],
          on: holdTabs,
          invoke: {
            src: 'diag.scanTest',
            onDone: { target: 'loading', actions: { type: 'keepScan', params: ({ event }) => event.output } },
            onError: { target: 'idle', actions: failed('diag.scanTest') },
          },
        },
        // waits (up to the core's 20 s) for a card on the reader, or checks what the wedge typed
        readingCard: {
          tags: ['busy'],
          on: holdTabs,
          invoke: {
            src: 'diag.cardTest',
            input: ({ context }): CardTestArgs => (context.cardPayload !== null ? { payload: context.cardPayload } : {}),
            onDone: { target: 'loading', actions: { type: 'keepCard', params: ({ event }) => event.output } },
            onError: { target: 'idle', actions: [failed('diag.cardTest'), 'forgetCardPayload'] },
          },
        },
        simulatingCard: {
          tags: ['busy'],
          on: holdTabs,
          invoke: {
            src: 'diag.cardTest',
            input: (): CardTestArgs => ({ simulate: true }),
            onDone: { target: 'loading', actions: { type: 'keepCard', params: ({ event }) => event.output } },
            onError: { target: 'idle', actions: failed('diag.cardTest') },
          },
        },
        selfTesting: {
          tags: ['busy'],
          on: holdTabs,
          invoke: {
            src: 'devices.selfTest',
            input: ({ context }) => ({ device: context.selfTestDevice ?? 'printer' }),
            onDone: { target: 'loading', actions: { type: 'keepSelfTest', params: ({ event }) => event.output } },
            onError: { target: 'idle', actions: failed('devices.selfTest') },
          },
        },
      },
    },

    queue: {
      entry: 'clearFailure',
      initial: 'loading',
      on: { 'diag.refresh': { target: '.loading', actions: 'clearFailure' } },
      states: {
        loading: {
          tags: ['loading'],
          invoke: {
            src: 'diag.queueSummary',
            onDone: { target: 'listing', actions: { type: 'keepQueueSummary', params: ({ event }) => event.output } },
            // the list may still answer: show what there is
            onError: { target: 'listing', actions: failed('diag.queueSummary') },
          },
        },
        listing: {
          tags: ['loading'],
          invoke: {
            src: 'diag.queueList',
            input: ({ context }): QueueListArgs => {
              const states = queueFilterStates[context.queueFilter];
              return states ? { states: [...states], limit: queueListLimit } : { limit: queueListLimit };
            },
            onDone: { target: 'idle', actions: { type: 'keepQueueList', params: ({ event }) => event.output } },
            onError: { target: 'idle', actions: failed('diag.queueList') },
          },
        },
        idle: {
          on: {
            'diag.queue.filter': { target: 'listing', actions: ['clearFailure', 'setFilter'] },
            'diag.queue.toggle': { actions: 'toggleSelected' },
            'diag.queue.selectAll': { actions: 'selectAll' },
            'diag.queue.selectNone': { actions: 'selectNone' },
            'diag.queue.retry': { guard: 'canRetry', target: 'retrying', actions: ['clearFailure', 'rememberRetry'] },
            'diag.queue.export': { guard: 'hasSelection', target: 'export', actions: { type: 'openExport', params: { kind: 'queue' } } },
          },
        },
        retrying: {
          tags: ['busy'],
          on: holdTabs,
          invoke: {
            src: 'diag.queueRetry',
            input: ({ context }) => ({ ref: context.retryRef ?? '' }),
            // the dossier moved: counts and list again
            onDone: { target: 'loading', actions: { type: 'keepRetry', params: ({ event }) => event.output } },
            onError: { target: 'idle', actions: failed('diag.queueRetry') },
          },
        },
        export: exportStates('diag.queueExport'),
      },
    },

    network: {
      entry: 'clearFailure',
      initial: 'loading',
      on: { 'diag.refresh': { target: '.loading', actions: 'clearFailure' } },
      states: {
        loading: {
          tags: ['loading'],
          invoke: {
            src: 'diag.network',
            onDone: { target: 'idle', actions: { type: 'keepNetwork', params: ({ event }) => event.output } },
            onError: { target: 'idle', actions: failed('diag.network') },
          },
        },
        idle: {},
      },
    },

    config: {
      entry: 'clearFailure',
      initial: 'loading',
      on: { 'diag.refresh': { target: '.loading', actions: 'clearFailure' } },
      states: {
        loading: {
          tags: ['loading'],
          invoke: {
            src: 'diag.config',
            onDone: { target: 'idle', actions: { type: 'keepConfig', params: ({ event }) => event.output } },
            onError: { target: 'idle', actions: failed('diag.config') },
          },
        },
        idle: {
          on: { 'diag.config.reload': { target: 'reloading', actions: ['clearFailure', 'clearReload'] } },
        },
        reloading: {
          tags: ['busy'],
          on: holdTabs,
          invoke: {
            src: 'diag.configReload',
            onDone: { target: 'idle', actions: { type: 'keepReload', params: ({ event }) => event.output } },
            onError: { target: 'idle', actions: failed('diag.configReload') },
          },
        },
      },
    },

    logs: {
      entry: 'clearFailure',
      initial: 'loading',
      on: { 'diag.refresh': { target: '.loading', actions: 'clearFailure' } },
      states: {
        loading: {
          tags: ['loading'],
          invoke: {
            src: 'diag.logs',
            input: ({ context }): LogsArgs => ({ level: context.logLevel, ...(context.logComponent !== null ? { component: context.logComponent } : {}), limit: logsLimit }),
            onDone: { target: 'idle', actions: { type: 'keepLogs', params: ({ event }) => event.output } },
            onError: { target: 'idle', actions: failed('diag.logs') },
          },
          // the filters stay usable while an (auto-)refresh runs: ask again with the new ones
          on: {
            'diag.logs.level': { target: 'loading', reenter: true, actions: ['clearFailure', 'setLogLevel'] },
            'diag.logs.component': { target: 'loading', reenter: true, actions: ['clearFailure', 'setLogComponent'] },
            'diag.logs.auto': { actions: 'toggleLogsAuto' },
          },
        },
        idle: {
          // auto-refresh: the timer starts on entry, and only reloads when still wanted
          after: { logsRefresh: { guard: 'logsAuto', target: 'loading' } },
          on: {
            'diag.logs.level': { target: 'loading', actions: ['clearFailure', 'setLogLevel'] },
            'diag.logs.component': { target: 'loading', actions: ['clearFailure', 'setLogComponent'] },
            'diag.logs.auto': { target: 'idle', reenter: true, actions: 'toggleLogsAuto' },
            'diag.logs.export': { target: 'export', actions: { type: 'openExport', params: { kind: 'logs' } } },
          },
        },
        export: exportStates('diag.logsExport'),
      },
    },

    system: {
      entry: 'clearFailure',
      initial: 'loading',
      on: { 'diag.refresh': { target: '.loading', actions: 'clearFailure' } },
      states: {
        loading: {
          tags: ['loading'],
          invoke: {
            src: 'diag.system',
            onDone: { target: 'idle', actions: { type: 'keepSystem', params: ({ event }) => event.output } },
            onError: { target: 'idle', actions: failed('diag.system') },
          },
        },
        idle: {
          on: {
            'diag.system.restart': { target: 'confirmRestart', actions: 'clearFailure' },
            'diag.system.exitKiosk': { target: 'confirmExit', actions: 'clearFailure' },
          },
        },
        confirmRestart: {
          on: { 'diag.confirm': 'restarting', 'diag.cancel': 'idle' },
        },
        restarting: {
          tags: ['busy'],
          on: holdTabs,
          invoke: {
            src: 'diag.restart',
            onDone: { target: 'restarted', actions: { type: 'keepRestart', params: ({ event }) => event.output } },
            onError: { target: 'idle', actions: failed('diag.restart') },
          },
        },
        // the core exits once its answer is sent; the supervisor brings the kiosk back
        restarted: { tags: ['busy'], on: holdTabs },
        confirmExit: {
          on: { 'diag.confirm': 'exiting', 'diag.cancel': 'idle' },
        },
        exiting: {
          tags: ['busy'],
          on: holdTabs,
          invoke: {
            src: 'diag.exitKiosk',
            onDone: { target: 'idle', actions: 'markExiting' },
            // NotAvailable in the browser host: said on the tab
            onError: { target: 'idle', actions: failed('diag.exitKiosk') },
          },
        },
      },
    },

    stats: {
      entry: 'clearFailure',
      initial: 'loading',
      on: { 'diag.refresh': { target: '.loading', actions: 'clearFailure' } },
      states: {
        loading: {
          tags: ['loading'],
          invoke: {
            src: 'diag.stats',
            input: () => ({}),
            onDone: { target: 'loadingMonth', actions: { type: 'keepStats', params: ({ event }) => event.output } },
            onError: { target: 'idle', actions: failed('diag.stats') },
          },
        },
        loadingMonth: {
          tags: ['loading'],
          always: { guard: ({ context }) => context.month === null, target: 'idle' },
          invoke: {
            src: 'diag.statsMonthly',
            input: ({ context }) => ({ month: context.month ?? '' }),
            onDone: { target: 'idle', actions: { type: 'keepMonthly', params: ({ event }) => event.output } },
            onError: { target: 'idle', actions: failed('diag.statsMonthly') },
          },
        },
        idle: {
          on: {
            'diag.stats.prevMonth': { guard: 'hasMonth', target: 'loadingMonth', actions: ['clearFailure', 'prevMonth'] },
            'diag.stats.nextMonth': { guard: 'beforeThisMonth', target: 'loadingMonth', actions: ['clearFailure', 'nextMonth'] },
          },
        },
      },
    },

    audit: {
      entry: 'clearFailure',
      initial: 'loading',
      on: { 'diag.refresh': { target: '.loading', actions: 'clearFailure' } },
      states: {
        loading: {
          tags: ['loading'],
          invoke: {
            src: 'diag.audit',
            input: () => ({ limit: auditLimit }),
            onDone: { target: 'idle', actions: { type: 'keepAudit', params: ({ event }) => event.output } },
            onError: { target: 'idle', actions: failed('diag.audit') },
          },
        },
        idle: {},
      },
    },
  },
});

/**
 * The export form, the same for a queue bundle and the logs: pick a drive or type a folder
 * (and, for a bundle, a passphrase twice), run it, show what was written.
 */
function exportStates(method: 'diag.queueExport' | 'diag.logsExport') {
  const running =
    method === 'diag.queueExport'
      ? {
          tags: ['busy'],
          on: holdTabs,
          invoke: {
            src: 'diag.queueExport' as const,
            input: ({ context }: { context: DiagnosticsContext }): QueueExportArgs => ({
              refs: context.selected,
              dir: context.exportDir.trim(),
              passphrase: context.passphrase,
            }),
            onDone: { target: 'done', actions: { type: 'keepBundle' as const, params: ({ event }: { event: { output: QueueExportResult } }) => event.output } },
            onError: { target: 'form', actions: failed('diag.queueExport') },
          },
        }
      : {
          tags: ['busy'],
          on: holdTabs,
          invoke: {
            src: 'diag.logsExport' as const,
            input: ({ context }: { context: DiagnosticsContext }) => ({ dir: context.exportDir.trim() }),
            onDone: { target: 'done', actions: { type: 'keepLogsExport' as const, params: ({ event }: { event: { output: LogsExportResult } }) => event.output } },
            onError: { target: 'form', actions: failed('diag.logsExport') },
          },
        };
  return {
    initial: 'loadingTargets' as const,
    exit: 'wipePassphrase' as const,
    on: { 'diag.refresh': {} },
    states: {
      loadingTargets: {
        tags: ['loading'],
        invoke: {
          src: 'diag.exportTargets' as const,
          onDone: { target: 'form', actions: { type: 'keepTargets' as const, params: ({ event }: { event: { output: ExportTarget[] } }) => event.output } },
          // a folder can still be typed
          onError: { target: 'form', actions: failed('diag.exportTargets') },
        },
      },
      form: {
        on: {
          'diag.export.target': { actions: 'chooseTarget' as const },
          'diag.export.folder': { actions: 'typeFolder' as const },
          'diag.export.passphrase': { actions: 'typePassphrase' as const },
          'diag.export.passphraseAgain': { actions: 'typePassphraseAgain' as const },
          'diag.export.start': [
            { guard: 'exportReady' as const, target: 'running', actions: 'clearFailure' as const },
            { actions: 'explainExportProblem' as const },
          ],
          'diag.export.cancel': { target: '#diagnostics.' + (method === 'diag.queueExport' ? 'queue' : 'logs') + '.idle', actions: 'clearFailure' as const },
        },
      },
      running,
      done: {
        entry: 'wipePassphrase' as const,
        on: { 'diag.export.close': '#diagnostics.' + (method === 'diag.queueExport' ? 'queue' : 'logs') + '.idle' },
      },
    },
  };
}

export type DiagnosticsMachine = typeof diagnosticsMachine;
