import type { DeviceId, DeviceStatus } from '../../common/domain/device-status.js';
import type { DeviceAdapter } from '../device-adapter.js';

export interface DeviceReadiness {
  ready: boolean;
  /** required devices that are not online, with their status */
  missing: DeviceStatus[];
  /** devices that are online: what still works */
  working: DeviceId[];
}

/**
 * Owns the adapters the wiring chose (real, simulated or null), forwards their status
 * changes as one stream, and answers whether a procedure's devices are ready.
 */
export class DeviceManager {
  readonly #adapters = new Map<DeviceId, DeviceAdapter>();
  readonly #listeners = new Set<(all: DeviceStatus[]) => void>();
  readonly #unsubscribe: (() => void)[] = [];
  /** statuses pushed so far (tells `refresh` whether the adapter's change already went out) */
  #pushes = 0;

  constructor(adapters: readonly DeviceAdapter[]) {
    for (const a of adapters) {
      this.#adapters.set(a.id, a);
      this.#unsubscribe.push(a.onStatus(() => this.#emit()));
    }
  }

  get<T extends DeviceAdapter>(id: DeviceId): T | undefined {
    return this.#adapters.get(id) as T | undefined;
  }

  statuses(): DeviceStatus[] {
    return [...this.#adapters.values()].map((a) => a.status());
  }

  counters(): Record<string, Record<string, number>> {
    return Object.fromEntries([...this.#adapters.values()].map((a) => [a.id, a.counters()]));
  }

  onChange(listener: (all: DeviceStatus[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  requiredDevicesReady(required: readonly DeviceId[]): DeviceReadiness {
    const all = this.statuses();
    const missing = required.map((id) => all.find((s) => s.id === id) ?? noDevice(id)).filter((s) => !isUsable(s));
    return { ready: missing.length === 0, missing, working: all.filter(isUsable).map((s) => s.id) };
  }

  /**
   * Has a device read its status now and pushes the statuses once: changed or not, a listener
   * that caused the change (a technician, a test) hears the result without waiting for a poll.
   */
  async refresh(id: DeviceId): Promise<void> {
    const before = this.#pushes;
    await this.#adapters.get(id)?.refresh?.();
    if (this.#pushes === before) this.#emit();
  }

  async start(): Promise<void> {
    // one device failing to start must not keep the others from starting
    await Promise.allSettled([...this.#adapters.values()].map((a) => a.start()));
    this.#emit();
  }

  async stop(): Promise<void> {
    this.#unsubscribe.splice(0).forEach((u) => u());
    await Promise.allSettled([...this.#adapters.values()].map((a) => a.stop()));
  }

  #emit(): void {
    this.#pushes++;
    const all = this.statuses();
    for (const l of this.#listeners) l(all);
  }
}

/** Online and, for the printer, with paper: low paper still prints a receipt. */
export const isUsable = (s: DeviceStatus): boolean => s.state === 'online' && s.media !== 'out' && s.media !== 'jammed';

const noDevice = (id: DeviceId): DeviceStatus => ({ id, state: 'noDevice', implementation: 'null', since: new Date(0).toISOString() });
