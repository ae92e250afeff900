import { createActor, fromPromise, type SimulatedClock, type SnapshotFrom } from 'xstate';
import { kioskError, type ErrorKind, type KioskError } from '../../../common/errors.js';
import type { DeviceStatus } from '../../../common/domain/device-status.js';
import type {
  AuditEntry,
  ConfigReloadResult,
  DiagConfig,
  DiagDevice,
  ExportTarget,
  MonthlyReport,
  NetworkStatus,
  QueueItem,
  QueueSummary,
  StatsSummary,
  SystemStatus,
} from '../../../common/kiosk-api/diagnostics-contract.js';
import { diagnosticsMachine } from '../../../renderer/diagnostics/diagnostics-machine.js';
import type { DiagnosticsInput } from '../../../renderer/diagnostics/diagnostics-types.js';
import { testAppInfo, testConfig, testDevices } from '../renderer/fake-core.js';

// What a technician's kiosk answers in these tests: one plausible answer per diag.* method,
// recorded calls, faults queued per method, and gates that hold a call open (to see the
// machine while an action runs).

export const operator = { role: 'technician' as const, operatorId: 'tech-01', expiresAt: '2026-01-05T03:00:00.000Z' };

export const diagInput = (over: Partial<DiagnosticsInput> = {}): DiagnosticsInput => ({
  operator,
  config: testConfig,
  appInfo: testAppInfo,
  devices: testDevices,
  ...over,
});

export const diagDevices: DiagDevice[] = [
  { status: { id: 'printer', state: 'online', implementation: 'simulator', media: 'ok', since: '2026-01-05T01:00:00.000Z' }, counters: { receipts: 12, errors: 1 } },
  { status: { id: 'scanner', state: 'online', implementation: 'simulator', since: '2026-01-05T01:00:00.000Z' }, counters: { pages: 40 } },
  { status: { id: 'idReader', state: 'online', implementation: 'simulator', since: '2026-01-05T01:00:00.000Z' }, counters: { cards: 3 } },
];

export const item = (over: Partial<QueueItem> & Pick<QueueItem, 'id' | 'localCode' | 'state'>): QueueItem => ({
  officialCode: null,
  procedureCode: '1.000894',
  assisted: false,
  attempts: 0,
  rejections: 0,
  lastError: null,
  createdAt: '2026-01-05T02:00:00.000Z',
  updatedAt: '2026-01-05T02:00:00.000Z',
  nextAttemptAt: null,
  attachmentCount: 2,
  attachmentBytes: 123_456,
  applicant: { idNumberMasked: '0010******56', initials: 'N. V. A.' },
  ...over,
});

export const pending = item({ id: 'a1b2c3d4-0000-4000-8000-000000000001', localCode: 'KT01-260105-0001', state: 'submitted', attempts: 3, lastError: 'CityUnreachable: connect ECONNREFUSED', nextAttemptAt: '2026-01-05T03:10:00.000Z' });
export const dead = item({ id: 'a1b2c3d4-0000-4000-8000-000000000002', localCode: 'KT01-260105-0002', state: 'dead', attempts: 12, rejections: 1, lastError: 'CityRejected: 422 form invalid' });
export const delivered = item({ id: 'a1b2c3d4-0000-4000-8000-000000000003', localCode: 'KT01-260105-0003', state: 'delivered', officialCode: 'UBND-260105-0042', applicant: null });
export const queueItems = [pending, dead, delivered];

export const noCounts = { submitted: 0, uploading: 0, delivered: 0, tracked: 0, purged: 0, dead: 0 };

export const queueSummary: QueueSummary = {
  counts: { submitted: 1, uploading: 0, delivered: 1, tracked: 0, purged: 0, dead: 1 },
  oldestPendingAt: '2026-01-04T23:00:00.000Z',
  oldestPendingAgeMs: (3 * 60 + 12) * 60_000,
  lastError: 'CityUnreachable: connect ECONNREFUSED',
  breaker: 'open',
  lastDeliveredAt: '2026-01-05T01:30:00.000Z',
};

export const usbDrive: ExportTarget = { path: '/media/kiosk/USB-KT', label: 'USB-KT', freeBytes: 8 * 1024 ** 3, removable: true };

export const network: NetworkStatus = {
  baseUrl: 'https://motcua.example.gov.vn/api',
  auth: 'mtls',
  reachable: false,
  latencyMs: null,
  error: 'CityTimeout: no answer in 5 s',
  checkedAt: '2026-01-05T02:00:00.000Z',
  certificates: [
    { which: 'client', subject: 'CN=KT01', notAfter: '2026-01-25T00:00:00.000Z', daysLeft: 20, error: null },
    { which: 'ca', subject: 'CN=City CA', notAfter: '2030-01-01T00:00:00.000Z', daysLeft: 1457, error: null },
  ],
  lastDeliveredAt: null,
  breaker: 'open',
};

export const diagConfig: DiagConfig = {
  siteId: 'test-site',
  siteName: 'Chung cư Thử nghiệm',
  kioskId: 'KT01',
  appVersion: '0.1.0',
  catalogVersion: '2026.01',
  sitePath: '/etc/kiosk/sites/test-site.json',
  shell: 'browser-host',
  startedAt: '2026-01-05T01:00:00.000Z',
};

export const reloadRefused: ConfigReloadResult = {
  applied: false,
  changed: false,
  reason: '/etc/kiosk/sites/test-site.json: timeouts.idleSeconds must be at least 30',
  issues: [{ path: 'timeouts.idleSeconds', rule: 'must be at least 30' }],
  restartNeeded: false,
  config: diagConfig,
};

export const systemStatus: SystemStatus = {
  dataDir: '/var/lib/kiosk',
  diskFreeBytes: 20 * 1024 ** 3,
  diskTotalBytes: 64 * 1024 ** 3,
  memory: { rssBytes: 150 * 1024 ** 2, heapUsedBytes: 60 * 1024 ** 2, systemFreeBytes: 2 * 1024 ** 3, systemTotalBytes: 8 * 1024 ** 3 },
  uptimeSeconds: { app: 3 * 3600 + 12 * 60, system: 2 * 86400 + 5 * 3600 },
  nodeVersion: 'v20.19.0',
  platform: 'linux x64',
  shell: 'browser-host',
  canExitKiosk: false,
};

export const statsSummary = (from = '2026-01-01', to = '2026-01-05'): StatsSummary => ({
  from,
  to,
  sessions: 40,
  sessionEnds: { completed: 30, timeout: 10 },
  submissions: [{ procedureCode: '1.000894', selfService: 6, assisted: 2 }],
  steps: [{ step: 'submit.identify', reached: 10, abandoned: 2 }],
  identitySource: { qr: 7, manual: 1, chip: 0 },
  satisfaction: { '1': 5, '2': 2, '3': 1 },
  assisted: 2,
  selfService: 6,
  deviceErrors: [],
  deviceFaults: [{ device: 'printer', kind: 'PaperOut', count: 1 }],
});

export const monthly = (month: string): MonthlyReport => ({ month, csv: 'procedure,self,assisted\n', html: '<html></html>', summary: statsSummary(`${month}-01`, `${month}-28`) });

export const auditRows: AuditEntry[] = [
  { id: 2, at: '2026-01-05T02:05:00.000Z', operatorId: 'tech-01', role: 'technician', action: 'diag.printTest', target: 'printer', result: 'ok', detail: '1234 bytes' },
  { id: 1, at: '2026-01-05T02:00:00.000Z', operatorId: 'unknown', role: 'unknown', action: 'auth.unlock', target: '', result: 'PinRejected', detail: '' },
];

type Answer = (input: unknown) => unknown;

/** The diag.* answers, by actor name (the machine's `setup({actors})` keys). */
const defaultAnswers = (): Record<string, Answer> => ({
  'diag.devices': () => diagDevices,
  'diag.printTest': () => ({ bytes: 1234, preview: { png: 'data:image/png;base64,iVBORw0KGgo=', text: 'BIÊN NHẬN THỬ' } }),
  'diag.scanTest': () => ({ widthPx: 1654, heightPx: 2339, dpi: 200, image: 'data:image/jpeg;base64,/9j/', blank: false, tooDark: true, tooLight: false, durationMs: 3200, implementation: 'simulator' }),
  'diag.cardTest': () => ({ idNumberMasked: '0010******56', initials: 'N. V. A.', source: 'qr', warnings: [], implementation: 'simulator' }),
  'devices.selfTest': (input) => ({ device: (input as { device: string }).device, passed: true, lines: ['port open', 'status ok'] }),
  'diag.queueSummary': () => queueSummary,
  'diag.queueList': () => ({ items: queueItems, total: 3 }),
  'diag.queueRetry': (input) => {
    const ref = (input as { ref: string }).ref;
    const found = queueItems.find((i) => i.id === ref);
    if (!found) throw kioskError('DossierNotFound', `no dossier ${ref}`);
    return { id: found.id, localCode: found.localCode, previousState: found.state, state: found.state === 'dead' ? 'submitted' : found.state };
  },
  'diag.exportTargets': () => [usbDrive],
  'diag.queueExport': (input) => {
    const { refs, dir } = input as { refs: string[]; dir: string };
    return { bundlePath: `${dir}/KT01-dossiers.kbundle`, manifestPath: `${dir}/KT01-dossiers.manifest.json`, dossiers: refs.length, attachments: 4, bytes: 654_321, sha256: 'ab'.repeat(32) };
  },
  'diag.network': () => network,
  'diag.config': () => diagConfig,
  'diag.configReload': () => reloadRefused,
  'diag.logs': () => ({
    lines: [
      { at: '2026-01-05T02:00:00.000Z', level: 'info', component: 'forwarder', message: 'sent', detail: '{"code":"KT01-260105-0003"}' },
      { at: '2026-01-05T02:01:00.000Z', level: 'error', component: 'printer', message: 'paper out', detail: '' },
    ],
    components: ['forwarder', 'printer'],
  }),
  'diag.logsExport': (input) => ({ folder: `${(input as { dir: string }).dir}/KT01-logs-20260105-090000`, files: ['kiosk.jsonl'], bytes: 4096 }),
  'diag.system': () => systemStatus,
  'diag.restart': () => ({ exitCode: 75, inMs: 500 }),
  'diag.exitKiosk': () => {
    throw kioskError('NotAvailable', 'the browser-host shell has no kiosk mode to leave; stop the kiosk from its host instead');
  },
  'diag.stats': () => statsSummary(),
  'diag.statsMonthly': (input) => monthly((input as { month: string }).month),
  'diag.audit': () => auditRows,
});

interface Gate {
  promise: Promise<void>;
  open: () => void;
}

export class FakeDiagnostics {
  readonly calls: { method: string; input: unknown }[] = [];
  readonly answers = defaultAnswers();
  readonly #faults = new Map<string, KioskError[]>();
  readonly #gates = new Map<string, Gate>();

  /** the next call of `method` fails with `kind` */
  fail(method: string, kind: ErrorKind, message = `simulated ${kind}`, extra: Partial<KioskError> = {}): void {
    const queued = this.#faults.get(method) ?? [];
    queued.push(kioskError(kind, message, extra));
    this.#faults.set(method, queued);
  }

  /** holds calls of `method` open until the returned function is called */
  hold(method: string): () => void {
    let open = () => undefined as void;
    const promise = new Promise<void>((resolve) => {
      open = resolve;
    });
    this.#gates.set(method, { promise, open });
    return () => {
      this.#gates.delete(method);
      open();
    };
  }

  callsOf(method: string): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.input);
  }

  actors() {
    return Object.fromEntries(
      Object.keys(this.answers).map((name) => [
        name,
        fromPromise(async ({ input }: { input: unknown }) => {
          this.calls.push({ method: name, input });
          const gate = this.#gates.get(name);
          if (gate) await gate.promise;
          const fault = this.#faults.get(name)?.shift();
          if (fault) throw fault;
          const answer = this.answers[name];
          if (!answer) throw kioskError('UnknownMethod', name);
          return answer(input);
        }),
      ]),
    );
  }
}

export type DiagSnapshot = SnapshotFrom<typeof diagnosticsMachine>;

/** the machine over the fake, started; `settle` waits until no call is running */
export const startDiagnostics = (fake = new FakeDiagnostics(), opts: { input?: DiagnosticsInput; clock?: SimulatedClock } = {}) => {
  const machine = diagnosticsMachine.provide({ actors: fake.actors() as never });
  const actor = createActor(machine, { input: opts.input ?? diagInput(), ...(opts.clock ? { clock: opts.clock } : {}) });
  actor.start();
  const until = async (predicate: (s: DiagSnapshot) => boolean) => {
    for (let i = 0; i < 200; i++) {
      if (predicate(actor.getSnapshot())) return actor.getSnapshot();
      await new Promise((r) => setTimeout(r, 0));
    }
    throw new Error(`timed out in ${JSON.stringify(actor.getSnapshot().value)}`);
  };
  const settle = () => until((s) => !s.hasTag('loading') && !s.hasTag('busy'));
  return { fake, actor, until, settle };
};

export const liveDevices = (state: DeviceStatus['state'], lastError?: string): DeviceStatus[] => [
  { id: 'printer', state, implementation: 'simulator', media: state === 'userError' ? 'out' : 'ok', since: '2026-01-05T02:30:00.000Z', ...(lastError ? { lastError } : {}) },
];
