import type { DeviceId, DeviceStatus } from '../common/domain/device-status.js';
import { kioskError, type KioskError } from '../common/errors.js';
import { err, type Result } from '../common/result.js';
import type { DeviceAdapter, SelfTestReport } from './device-adapter.js';

/**
 * A device the site does not have (`kind: 'none'`), or one the core cannot see (a
 * keyboard-wedge reader types into the renderer). It reports a fixed status and never fails
 * to start, so flows can still ask it and say what works without it.
 */
export class FixedStatusDevice implements DeviceAdapter {
  readonly #status: DeviceStatus;

  constructor(
    readonly id: DeviceId,
    state: DeviceStatus['state'] = 'noDevice',
    implementation: DeviceStatus['implementation'] = 'null',
  ) {
    this.#status = { id, state, implementation, since: new Date().toISOString() };
  }

  status(): DeviceStatus {
    return this.#status;
  }
  onStatus(): () => void {
    return () => {};
  }
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async selfTest(): Promise<Result<SelfTestReport, KioskError>> {
    return err(kioskError(this.#status.state === 'noDevice' ? 'NoDevice' : 'NotAvailable', `${this.id}: no self-test for this device (${this.#status.implementation})`));
  }
  counters(): Record<string, number> {
    return {};
  }
}
