import { z } from 'zod';
import { DeviceId, DeviceStatus } from '../domain/device-status.js';
import { IdentitySourceKind, IdentityWarning } from '../domain/citizen-identity.js';
import { method, NoArgs, QueueState } from './contract-parts.js';
import { JourneyStep } from './journey-contract.js';

// The technician's part of the KioskApi (issue #6): diagnostics screens, queue actions,
// logs, statistics. Every method here refuses with NotAuthorized without an unlocked
// technician (an officer PIN never opens them), and every action (not the views) is written
// to the append-only audit. Nothing here carries PII in clear: residents appear as a masked
// ID number (`0010******56`) and initials at most.

const IsoTime = z.string();
/** an absolute folder on the kiosk (a USB drive's mount point, usually from `diag.exportTargets`) */
const Folder = z.string().min(1).max(1024).regex(/^\//, 'must be an absolute path');
/** a dossier as the queue screen names it: its id (UUID) or its local receipt code */
const DossierRef = z.string().min(3).max(80).regex(/^[0-9A-Za-z.-]+$/, 'must be a dossier id or local code');
export const Month = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2026-03');

// ─── devices ────────────────────────────────────────────────────────────────

export const DiagDevice = z.object({
  status: DeviceStatus,
  /** receipts printed, pages scanned, cards read, errors… as the adapter counts them */
  counters: z.record(z.string(), z.number()),
});
export type DiagDevice = z.infer<typeof DiagDevice>;

export const PrintTestResult = z.object({
  bytes: z.number().int().min(0),
  /** the printer simulator's rendering of what it received; null on a real printer */
  preview: z.object({ png: z.string().describe('data:image/png;base64,…'), text: z.string() }).nullable(),
});
export type PrintTestResult = z.infer<typeof PrintTestResult>;

export const ScanTestResult = z.object({
  widthPx: z.number().int(),
  heightPx: z.number().int(),
  dpi: z.number(),
  /** the page, scaled to at most 800 px wide, as a data: URL (JPEG) */
  image: z.string(),
  blank: z.boolean(),
  tooDark: z.boolean(),
  tooLight: z.boolean(),
  durationMs: z.number().int().min(0),
  implementation: z.enum(['real', 'simulator', 'null']),
});
export type ScanTestResult = z.infer<typeof ScanTestResult>;

export const CardTestResult = z.object({
  /** `0010******56` */
  idNumberMasked: z.string(),
  /** `N. V. A.` */
  initials: z.string(),
  source: IdentitySourceKind,
  warnings: z.array(IdentityWarning),
  implementation: z.enum(['real', 'simulator', 'null']),
});
export type CardTestResult = z.infer<typeof CardTestResult>;

// ─── queue ──────────────────────────────────────────────────────────────────

export const QueueSummary = z.object({
  counts: z.record(QueueState, z.number().int().min(0)),
  oldestPendingAt: IsoTime.nullable(),
  oldestPendingAgeMs: z.number().nullable(),
  /** the forwarder's last error (PII-free text) */
  lastError: z.string().nullable(),
  breaker: z.enum(['closed', 'open', 'half-open']),
  lastDeliveredAt: IsoTime.nullable(),
});
export type QueueSummary = z.infer<typeof QueueSummary>;

export const QueueItem = z.object({
  id: z.string(),
  localCode: z.string(),
  officialCode: z.string().nullable(),
  procedureCode: z.string(),
  assisted: z.boolean(),
  state: QueueState,
  attempts: z.number().int(),
  rejections: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  /** when the forwarder tries it next (submitted/uploading only) */
  nextAttemptAt: IsoTime.nullable(),
  attachmentCount: z.number().int(),
  attachmentBytes: z.number().int(),
  /** masked: null once purged, or when the sealed payload cannot be read */
  applicant: z.object({ idNumberMasked: z.string(), initials: z.string() }).nullable(),
});
export type QueueItem = z.infer<typeof QueueItem>;

export const QueueRetryResult = z.object({
  id: z.string(),
  localCode: z.string(),
  previousState: QueueState,
  state: QueueState,
});
export type QueueRetryResult = z.infer<typeof QueueRetryResult>;

export const ExportTarget = z.object({
  path: z.string(),
  /** the mount's folder name (usually the drive's label) */
  label: z.string(),
  freeBytes: z.number().min(0),
  removable: z.boolean(),
});
export type ExportTarget = z.infer<typeof ExportTarget>;

export const QueueExportResult = z.object({
  /** the encrypted bundle (`.kbundle`): AES-256-GCM under a key scrypt-derived from the passphrase */
  bundlePath: z.string(),
  /** beside the bundle, in clear, no PII: local codes, procedures, sizes, the bundle's sha256 */
  manifestPath: z.string(),
  dossiers: z.number().int(),
  attachments: z.number().int(),
  bytes: z.number().int(),
  sha256: z.string(),
});
export type QueueExportResult = z.infer<typeof QueueExportResult>;

// ─── network, config, system ────────────────────────────────────────────────

export const CertificateInfo = z.object({
  /** client: the kiosk's mTLS certificate; ca: the CA it trusts; server: what the city presented */
  which: z.enum(['client', 'ca', 'server']),
  subject: z.string(),
  notAfter: IsoTime.nullable(),
  daysLeft: z.number().nullable(),
  /** why it could not be read */
  error: z.string().nullable(),
});
export type CertificateInfo = z.infer<typeof CertificateInfo>;

export const NetworkStatus = z.object({
  baseUrl: z.string(),
  auth: z.enum(['none', 'bearer', 'mtls']),
  reachable: z.boolean(),
  latencyMs: z.number().nullable(),
  /** CityUnreachable: …, CityTimeout: …; null when reachable */
  error: z.string().nullable(),
  checkedAt: IsoTime,
  certificates: z.array(CertificateInfo),
  lastDeliveredAt: IsoTime.nullable(),
  breaker: z.enum(['closed', 'open', 'half-open']),
});
export type NetworkStatus = z.infer<typeof NetworkStatus>;

export const DiagConfig = z.object({
  siteId: z.string(),
  siteName: z.string(),
  kioskId: z.string(),
  appVersion: z.string(),
  /** null when the catalog cannot be read (the reason is in the logs) */
  catalogVersion: z.string().nullable(),
  sitePath: z.string(),
  shell: z.enum(['electron', 'browser-host']),
  startedAt: IsoTime,
});
export type DiagConfig = z.infer<typeof DiagConfig>;

export const ConfigReloadResult = z.object({
  /** false: the file was refused and the running config stays */
  applied: z.boolean(),
  /** applied and different from the running one */
  changed: z.boolean(),
  /** why it was refused (technician-facing, names the file), null when applied */
  reason: z.string().nullable(),
  issues: z.array(z.object({ path: z.string(), rule: z.string() })),
  /** device settings changed: they take effect after a restart */
  restartNeeded: z.boolean(),
  config: DiagConfig,
});
export type ConfigReloadResult = z.infer<typeof ConfigReloadResult>;

export const SystemStatus = z.object({
  dataDir: z.string(),
  diskFreeBytes: z.number(),
  diskTotalBytes: z.number(),
  memory: z.object({ rssBytes: z.number(), heapUsedBytes: z.number(), systemFreeBytes: z.number(), systemTotalBytes: z.number() }),
  uptimeSeconds: z.object({ app: z.number(), system: z.number() }),
  nodeVersion: z.string(),
  platform: z.string(),
  shell: z.enum(['electron', 'browser-host']),
  /** `diag.exitKiosk` works here (Electron shell with a desktop to return to) */
  canExitKiosk: z.boolean(),
});
export type SystemStatus = z.infer<typeof SystemStatus>;

// ─── logs ───────────────────────────────────────────────────────────────────

export const LogLevel = z.enum(['debug', 'info', 'warn', 'error']);
export type LogLevel = z.infer<typeof LogLevel>;
export const LogLine = z.object({
  at: z.string(),
  level: LogLevel,
  component: z.string(),
  message: z.string(),
  /** the line's other fields as compact JSON (already redacted) */
  detail: z.string(),
});
export type LogLine = z.infer<typeof LogLine>;

// ─── statistics and audit ───────────────────────────────────────────────────

export const StatsSummary = z.object({
  /** inclusive Vietnam-time days, yyyy-mm-dd */
  from: z.iso.date(),
  to: z.iso.date(),
  sessions: z.number().int(),
  /** sessions by how they ended */
  sessionEnds: z.record(z.string(), z.number().int()),
  submissions: z.array(z.object({ procedureCode: z.string(), selfService: z.number().int(), assisted: z.number().int() })),
  /** resident sessions that reached each step, and those that ended there without submitting */
  steps: z.array(z.object({ step: JourneyStep, reached: z.number().int(), abandoned: z.number().int() })),
  identitySource: z.record(IdentitySourceKind, z.number().int()),
  /** 1 Rất hài lòng · 2 Hài lòng · 3 Không hài lòng */
  satisfaction: z.object({ '1': z.number().int(), '2': z.number().int(), '3': z.number().int() }),
  assisted: z.number().int(),
  selfService: z.number().int(),
  /** failures a resident met (a receipt that did not print, a scan that failed) */
  deviceErrors: z.array(z.object({ device: DeviceId, kind: z.string(), count: z.number().int() })),
  /** the devices' own trouble as the kiosk watched it (paper out, offline…), resident or not */
  deviceFaults: z.array(z.object({ device: DeviceId, kind: z.string(), count: z.number().int() })),
});
export type StatsSummary = z.infer<typeof StatsSummary>;

export const MonthlyReport = z.object({
  month: Month,
  /** UTF-8 CSV with a header row; one row per procedure, then a TOTAL row */
  csv: z.string(),
  /** a self-contained printable page (inline SVG chart, no scripts, no external resources) */
  html: z.string(),
  summary: StatsSummary,
});
export type MonthlyReport = z.infer<typeof MonthlyReport>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: IsoTime,
  /** the operator's id from the secrets file; `unknown` for a failed PIN or a refused call */
  operatorId: z.string(),
  role: z.enum(['technician', 'officer', 'unknown']),
  /** `auth.unlock`, `auth.lock`, `devices.selfTest`, `diag.queueRetry`… */
  action: z.string(),
  /** what it acted on: a device, a local code, a folder; empty when nothing in particular */
  target: z.string(),
  /** `ok`, or the error kind (`PinRejected`, `PinLocked`, `NotAuthorized`…) */
  result: z.string(),
  detail: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const diagnosticsContract = {
  /** every device's live status, last error and counters */
  'diag.devices': method(NoArgs, z.array(DiagDevice)),
  /** prints the Vietnamese test receipt (pangram + QR); with the simulator, its rendering */
  'diag.printTest': method(NoArgs, PrintTestResult),
  /** scans one flatbed page and shows it; the page files are deleted at once */
  'diag.scanTest': method(NoArgs, ScanTestResult),
  /**
   * waits up to `timeoutSeconds` (default 20) for a card on the reader and shows it masked.
   * `simulate`: the ID-reader simulator presents its first sample card (simulator only).
   * `payload`: a keyboard-wedge reader types into the screen; the screen sends what it got.
   */
  'diag.cardTest': method(
    z.object({ timeoutSeconds: z.number().int().min(1).max(60).optional(), simulate: z.boolean().optional(), payload: z.string().max(2000).optional() }).strict(),
    CardTestResult,
  ),

  'diag.queueSummary': method(NoArgs, QueueSummary),
  /** newest first; `states` narrows it (default all but purged) */
  'diag.queueList': method(
    z.object({ states: z.array(QueueState).min(1).optional(), limit: z.number().int().min(1).max(500).optional(), offset: z.number().int().min(0).optional() }).strict(),
    z.object({ items: z.array(QueueItem), total: z.number().int() }),
  ),
  /** submitted/uploading: due now and the forwarder woken; dead: back to submitted (counters reset) */
  'diag.queueRetry': method(z.object({ ref: DossierRef }).strict(), QueueRetryResult),
  /** removable drives (and other writable mounts) a bundle or the logs can go to */
  'diag.exportTargets': method(NoArgs, z.array(ExportTarget)),
  /**
   * the chosen dossiers (with their attachments) as one encrypted bundle in `dir`; the
   * dossiers stay in the queue. The passphrase goes to the city's IT apart from the drive.
   */
  'diag.queueExport': method(
    z.object({
      refs: z.array(DossierRef).min(1).max(500),
      dir: Folder,
      passphrase: z.string().min(10, 'must be at least 10 characters').max(200),
    }).strict(),
    QueueExportResult,
  ),

  /** asks the city now (one light request): reachability, latency, certificates, last delivery */
  'diag.network': method(NoArgs, NetworkStatus),

  'diag.config': method(NoArgs, DiagConfig),
  /** re-reads the site file; an invalid one is refused with the reason, the running one stays */
  'diag.configReload': method(NoArgs, ConfigReloadResult),

  /** the newest log lines (newest last); `level` is the minimum; `component` exact; `contains` a substring */
  'diag.logs': method(
    z.object({
      level: LogLevel.optional(),
      component: z.string().max(64).optional(),
      contains: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(2000).optional(),
    }).strict(),
    z.object({ lines: z.array(LogLine), components: z.array(z.string()) }),
  ),
  /** copies the (redacted) log files into a new folder under `dir` */
  'diag.logsExport': method(z.object({ dir: Folder }).strict(), z.object({ folder: z.string(), files: z.array(z.string()), bytes: z.number().int() })),

  'diag.system': method(NoArgs, SystemStatus),
  /**
   * ends the app with the restart exit code (75) once the reply is sent; the supervisor
   * (systemd, the Electron launcher) starts it again. Dossiers are durable: nothing is lost.
   */
  'diag.restart': method(NoArgs, z.object({ exitCode: z.number().int(), inMs: z.number().int() })),
  /** leaves kiosk mode to the desktop (Electron shell only); NotAvailable elsewhere */
  'diag.exitKiosk': method(NoArgs, z.object({ exiting: z.literal(true) })),

  /** anonymous statistics for an inclusive day range (Vietnam time); default: this month so far */
  'diag.stats': method(z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }).strict(), StatsSummary),
  /** the city's monthly report: CSV and a printable page with a chart */
  'diag.statsMonthly': method(z.object({ month: Month }).strict(), MonthlyReport),
  /** the audit trail, newest first */
  'diag.audit': method(z.object({ since: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(), z.array(AuditEntry)),
} as const;
