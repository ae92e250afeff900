import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { watchUsbHotplug, type ConnectionEventTarget } from '../../../hardware/transport/usb-hotplug.js';

/** Behaves like the usb package's WebUSB target: connect/disconnect events carrying the device. */
class FakeUsbBus implements ConnectionEventTarget {
  readonly #listeners = new Map<string, Set<(ev: { device: { vendorId: number; productId: number } }) => void>>();
  addEventListener(type: 'connect' | 'disconnect', l: (ev: { device: { vendorId: number; productId: number } }) => void) {
    this.#listeners.set(type, (this.#listeners.get(type) ?? new Set()).add(l));
  }
  removeEventListener(type: 'connect' | 'disconnect', l: (ev: { device: { vendorId: number; productId: number } }) => void) {
    this.#listeners.get(type)?.delete(l);
  }
  emit(type: 'connect' | 'disconnect', vendorId: number, productId: number) {
    for (const l of this.#listeners.get(type) ?? []) l({ device: { vendorId, productId } });
  }
}

describe('USB hot-plug', () => {
  it('reports attach and detach of our printer only, and stops when told', async () => {
    const bus = new FakeUsbBus();
    const seen: string[] = [];
    const watch = await watchUsbHotplug({ vendorId: 0x04b8, productId: 0x0e15 }, (e) => seen.push(e), bus);
    expect(watch.available).toBe(true);
    bus.emit('connect', 0x1234, 0x0e15);
    bus.emit('connect', 0x04b8, 0x0e15);
    bus.emit('disconnect', 0x04b8, 0x0e15);
    watch.stop();
    bus.emit('connect', 0x04b8, 0x0e15);
    expect(seen).toEqual(['attach', 'detach']);
  });

  it('says whether this machine has a bus, and never subscribes where it has none', async () => {
    const watch = await watchUsbHotplug({ vendorId: 1, productId: 2 }, () => {});
    expect(watch.available).toBe(existsSync('/sys/bus/usb/devices'));
    watch.stop();
  });
});
