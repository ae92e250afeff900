import type { DeviceId, DeviceStatus } from '../common/domain/device-status.js';
import type { KioskError } from '../common/errors.js';
import type { Result } from '../common/result.js';

export interface SelfTestReport {
  device: DeviceId;
  passed: boolean;
  /** one line per check, technician-facing */
  lines: string[];
}

/** What the device manager needs from every device, real or simulated. */
export interface DeviceAdapter {
  readonly id: DeviceId;
  status(): DeviceStatus;
  onStatus(listener: (status: DeviceStatus) => void): () => void;
  /** connect and keep connected (reconnect with backoff when the transport drops) */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** read the device's status now instead of at its next poll (devices that poll) */
  refresh?(): Promise<void>;
  selfTest(): Promise<Result<SelfTestReport, KioskError>>;
  /** receipts printed, pages scanned, cards read… */
  counters(): Record<string, number>;
}
