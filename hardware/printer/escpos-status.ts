import type { DeviceState, PrinterMedia } from '../../common/domain/device-status.js';
import { kioskError } from '../../common/errors.js';
import type { KioskError } from '../../common/errors.js';

// Real-time status, `DLE EOT n` (Epson ESC/POS reference, "DLE EOT"): answered at once even
// while a job prints, one byte per request, bits 1 and 4 always on and bits 0 and 7 off.
// n=1 printer, n=2 offline cause, n=3 error cause, n=4 roll paper sensor.

export const STATUS_QUERIES = [1, 2, 3, 4] as const;
export type StatusQuery = (typeof STATUS_QUERIES)[number];

/** The four requests, sent together; the printer answers one byte each, in order. */
export const statusRequest = (): Buffer => Buffer.from(STATUS_QUERIES.flatMap((n) => [0x10, 0x04, n]));

/**
 * `GS r 1` (transmit paper sensor status) is NOT real-time: the printer answers it only after
 * everything sent before it is processed, so its reply marks "job done". Bit 4 is off in its
 * reply, which tells it apart from a `DLE EOT` reply.
 */
export const JOB_DONE_MARKER = Buffer.from([0x1d, 0x72, 0x01]);

export const isRealtimeStatusByte = (b: number): boolean => (b & 0x93) === 0x12;
export const isPaperSensorByte = (b: number): boolean => (b & 0x90) === 0x00;

export interface RealtimeStatus {
  online: boolean;
  drawerPin3: boolean;
  coverOpen: boolean;
  /** paper being fed with the FEED button */
  feeding: boolean;
  /** printing stopped because the paper ran out */
  stoppedByPaperEnd: boolean;
  errorOccurred: boolean;
  /** the autocutter failed: usually a paper jam at the cutter */
  cutterError: boolean;
  unrecoverableError: boolean;
  /** e.g. head temperature: clears by itself */
  autoRecoverableError: boolean;
  paperNearEnd: boolean;
  paperOut: boolean;
}

const bit = (b: number, n: number): boolean => ((b >> n) & 1) === 1;

/** Parses the four reply bytes (n = 1, 2, 3, 4); rejects bytes that are not status replies. */
export const parseRealtimeStatus = (reply: readonly number[]): RealtimeStatus | { invalid: string } => {
  if (reply.length !== 4) return { invalid: `expected 4 status bytes, got ${reply.length}` };
  const bad = reply.findIndex((b) => !isRealtimeStatusByte(b));
  if (bad >= 0) return { invalid: `byte ${bad + 1} (0x${(reply[bad] ?? 0).toString(16)}) is not a DLE EOT reply` };
  const [printer = 0x12, offline = 0x12, error = 0x12, paper = 0x12] = reply;
  return {
    online: !bit(printer, 3),
    drawerPin3: bit(printer, 2),
    coverOpen: bit(offline, 2),
    feeding: bit(offline, 3),
    stoppedByPaperEnd: bit(offline, 5),
    errorOccurred: bit(offline, 6),
    cutterError: bit(error, 2),
    unrecoverableError: bit(error, 3),
    autoRecoverableError: bit(error, 5),
    // the near-end and end sensors each report on two bits (both on = true)
    paperNearEnd: bit(paper, 2) && bit(paper, 3),
    paperOut: (bit(paper, 5) && bit(paper, 6)) || bit(offline, 5),
  };
};

/** The inverse, for the simulator and tests: what a printer in this condition answers. */
export const encodeRealtimeStatus = (s: Partial<RealtimeStatus>): [number, number, number, number] => [
  0x12 | (s.online === false ? 0x08 : 0) | (s.drawerPin3 ? 0x04 : 0),
  0x12 | (s.coverOpen ? 0x04 : 0) | (s.feeding ? 0x08 : 0) | (s.stoppedByPaperEnd ? 0x20 : 0) | (s.errorOccurred ? 0x40 : 0),
  0x12 | (s.cutterError ? 0x04 : 0) | (s.unrecoverableError ? 0x08 : 0) | (s.autoRecoverableError ? 0x20 : 0),
  0x12 | (s.paperNearEnd ? 0x0c : 0) | (s.paperOut ? 0x60 : 0),
];

export interface PrinterCondition {
  state: DeviceState;
  media: PrinterMedia;
  /** why it cannot print now, if it cannot */
  error?: KioskError;
}

/** Status → XFS4IoT words, and the typed error a print would fail with (most actionable first). */
export const conditionOf = (s: RealtimeStatus): PrinterCondition => {
  const media: PrinterMedia = s.paperOut ? 'out' : s.cutterError ? 'jammed' : s.paperNearEnd ? 'low' : 'ok';
  if (s.coverOpen) return { state: 'userError', media, error: kioskError('CoverOpen', 'printer cover is open') };
  if (s.paperOut) return { state: 'userError', media, error: kioskError('PaperOut', 'printer is out of paper') };
  if (s.cutterError) return { state: 'hardwareError', media, error: kioskError('PaperJam', 'autocutter error: paper jam at the cutter') };
  if (s.unrecoverableError) return { state: 'hardwareError', media, error: kioskError('DeviceOffline', 'printer reports an unrecoverable error') };
  if (!s.online) {
    // head overheating and the like clear by themselves: busy, not broken
    if (s.autoRecoverableError) return { state: 'deviceBusy', media, error: kioskError('DeviceBusy', 'printer is recovering from an error', { retryAfterMs: 5000 }) };
    return { state: 'offline', media, error: kioskError('DeviceOffline', s.feeding ? 'printer is feeding paper (FEED button)' : 'printer is offline') };
  }
  return { state: 'online', media };
};
