import type { Catalog } from '../../common/catalog/catalog-schema.js';
import type { PublicConfig } from '../../common/config/public-config.js';
import type { DeviceStatus } from '../../common/domain/device-status.js';
import type { Locale } from '../../common/domain/locale.js';
import type { KioskError } from '../../common/errors.js';
import type { ReaderRead } from '../../common/kiosk-api/events.js';
import type { AppInfo, PageView, QueueCounts, Role, SessionEndReason, SessionInfo } from '../../common/kiosk-api/contract.js';

export const homeChoices = ['submit', 'track', 'guide', 'rate', 'help'] as const;
export type HomeChoice = (typeof homeChoices)[number];

export type PinDigit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
/** where a cancelled or idle PIN pad goes back to */
export type PadReturn = 'booting' | 'attract' | 'session';

/** Everything the renderer holds about one resident; wiped as a whole when the session ends. */
export interface ResidentSession {
  info: SessionInfo;
  choice: HomeChoice | null;
  /** handed from one flow to the next: guide → submit a procedure, submit/track → rate a code */
  handover: { procedureCode: string | null; code: string | null };
  /** the core's last countdown while the idle warning shows */
  warning: { remainingMs: number } | null;
  /** `at` of the last activity reported to the core (throttle) */
  lastReportAt: number | null;
}

export interface PinPad {
  role: Role;
  pin: string;
  message: { kind: KioskError['kind']; retryAfterMs?: number } | null;
  returnTo: PadReturn;
}

export interface Operator {
  role: Role;
  operatorId: string;
  expiresAt: string;
}

export interface RootContext {
  config: PublicConfig | null;
  catalog: Catalog | null;
  appInfo: AppInfo | null;
  devices: DeviceStatus[];
  connected: boolean;
  bootError: KioskError | null;
  locale: Locale;
  slideIndex: number;
  startError: KioskError | null;
  session: ResidentSession | null;
  /** times (ms, any monotonic clock) of recent taps on the technician hotspot */
  cornerTaps: number[];
  pinPad: PinPad | null;
  operator: Operator | null;
}

// `at` is the UI's event time (performance.now()): the machine stays pure and tests pass time in.
export type UserEvent =
  | { type: 'user.touch' }
  | { type: 'user.activity'; at: number }
  | { type: 'user.choose'; choice: HomeChoice }
  | { type: 'user.back' }
  | { type: 'user.setLocale'; locale: Locale }
  | { type: 'user.stillHere'; at: number }
  | { type: 'user.end' }
  | { type: 'user.retry' }
  | { type: 'user.cornerTap'; at: number }
  | { type: 'user.pinDigit'; digit: PinDigit }
  | { type: 'user.pinClear' }
  | { type: 'user.pinRole'; role: Role }
  | { type: 'user.pinSubmit' }
  | { type: 'user.pinCancel' }
  | { type: 'user.exitDiagnostics' }
  /** an officer ends assisted mode at the counter */
  | { type: 'user.endAssisted' };

export type CoreEvent =
  | { type: 'core.sessionTimer'; sessionId: string; phase: 'active' | 'warning' | 'expired'; remainingMs: number }
  | { type: 'core.deviceStatus'; devices: DeviceStatus[] }
  | { type: 'core.queueCounts'; queue: QueueCounts }
  | { type: 'core.configChanged'; config: PublicConfig }
  | { type: 'core.scanPage'; sessionId: string; componentId: string; page: PageView }
  | { type: 'core.readerRead'; sessionId: string; read: ReaderRead }
  | { type: 'core.disconnected' }
  | { type: 'core.reconnected' };

export type TimerEvent = { type: 'timer.nextSlide' };

export type RootEvent = UserEvent | CoreEvent | TimerEvent;

export interface BootData {
  config: PublicConfig;
  catalog: Catalog;
  /** so a flow's device check has facts before the first status event */
  devices: DeviceStatus[];
  appInfo: AppInfo;
}
/** What a `session.activity` call learnt: whether the core has forgotten the session. */
export interface ActivityReport {
  sessionId: string;
  lost: boolean;
}

export interface EndSessionInput {
  sessionId: string;
  reason: SessionEndReason;
}
export interface UnlockInput {
  role: Role;
  pin: string;
}
