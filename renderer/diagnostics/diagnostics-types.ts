import type { PublicConfig } from '../../common/config/public-config.js';
import type { DeviceId, DeviceStatus } from '../../common/domain/device-status.js';
import type { KioskError } from '../../common/errors.js';
import type { QueueState } from '../../common/kiosk-api/contract-parts.js';
import type { AppInfo, QueueCounts } from '../../common/kiosk-api/contract.js';
import type {
  AuditEntry,
  CardTestResult,
  ConfigReloadResult,
  DiagConfig,
  ExportTarget,
  LogLevel,
  LogLine,
  MonthlyReport,
  NetworkStatus,
  PrintTestResult,
  QueueExportResult,
  QueueItem,
  QueueRetryResult,
  QueueSummary,
  ScanTestResult,
  StatsSummary,
  SystemStatus,
} from '../../common/kiosk-api/diagnostics-contract.js';
import type { KioskMethod } from '../../common/kiosk-api/methods.js';
import type { Operator } from '../machines/root-types.js';

/** What the diagnostics machine starts with; the root invokes it while a technician is in. */
export interface DiagnosticsInput {
  operator: Operator;
  config: PublicConfig | null;
  appInfo: AppInfo | null;
  devices: DeviceStatus[];
}

/** The technician's screens, one per tab; the screen's data-screen is `diag.<tab>`. */
export const diagTabs = ['devices', 'queue', 'network', 'config', 'logs', 'system', 'stats', 'audit'] as const;
export type DiagTab = (typeof diagTabs)[number];

/** A call that failed, kept with the method so the technician knows what was tried. */
export interface DiagFailure {
  action: KioskMethod;
  error: KioskError;
}

export interface SelfTestResult {
  device: DeviceId;
  passed: boolean;
  lines: string[];
}

/** Narrows the queue list (`diag.queueList` states); `all` is the core's default (all but purged). */
export const queueFilters = ['all', 'pending', 'dead', 'delivered'] as const;
export type QueueFilter = (typeof queueFilters)[number];
export const queueFilterStates: Readonly<Record<QueueFilter, readonly QueueState[] | null>> = {
  all: null,
  pending: ['submitted', 'uploading'],
  dead: ['dead'],
  delivered: ['delivered', 'tracked'],
};

/** Why an export cannot start yet; the form says it next to the field. */
export type ExportProblem = 'noFolder' | 'relativeFolder' | 'shortPassphrase' | 'mismatch';
/** what the export form sends out: an encrypted bundle of dossiers, or the log files */
export type ExportKind = 'queue' | 'logs';

export interface LogsExportResult {
  folder: string;
  files: string[];
  bytes: number;
}

export interface RestartResult {
  exitCode: number;
  inMs: number;
}

export interface DiagnosticsContext {
  input: DiagnosticsInput;
  /** the last call that failed on this tab (cleared when the tab or a new action starts) */
  failure: DiagFailure | null;

  // devices: statuses live from core.deviceStatus, counters from diag.devices
  devices: DeviceStatus[];
  counters: Partial<Record<DeviceId, Record<string, number>>>;
  printResult: PrintTestResult | null;
  scanResult: ScanTestResult | null;
  cardResult: CardTestResult | null;
  /** what a keyboard-wedge reader typed, on its way to diag.cardTest (dropped once answered) */
  cardPayload: string | null;
  /** the device whose self-test runs (or ran last) */
  selfTestDevice: DeviceId | null;
  selfTests: Partial<Record<DeviceId, SelfTestResult>>;

  // queue
  queueSummary: QueueSummary | null;
  /** live counts: from the summary, then from core.queueCounts */
  queueCounts: QueueCounts | null;
  queueItems: QueueItem[] | null;
  queueTotal: number;
  queueFilter: QueueFilter;
  /** selected dossier ids */
  selected: string[];
  retryRef: string | null;
  retried: QueueRetryResult | null;

  // the export form (a queue bundle or the logs)
  exportKind: ExportKind;
  exportTargets: ExportTarget[];
  exportDir: string;
  /** only while the export form is open; wiped when it closes */
  passphrase: string;
  passphraseAgain: string;
  exportProblem: ExportProblem | null;
  bundle: QueueExportResult | null;
  logsExported: LogsExportResult | null;

  network: NetworkStatus | null;
  config: DiagConfig | null;
  /** the last reload's answer; a refusal keeps showing until the next reload */
  configReload: ConfigReloadResult | null;

  logs: LogLine[] | null;
  logComponents: string[];
  logLevel: LogLevel;
  /** null: every component */
  logComponent: string | null;
  logsAuto: boolean;

  system: SystemStatus | null;
  restart: RestartResult | null;
  exitingKiosk: boolean;

  stats: StatsSummary | null;
  /** the month the report shows (yyyy-mm), first the month diag.stats covers */
  month: string | null;
  /** the newest month there is a report for (the one diag.stats covers) */
  thisMonth: string | null;
  monthly: MonthlyReport | null;

  audit: AuditEntry[] | null;
}
