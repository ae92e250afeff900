import { existsSync } from 'node:fs';

// USB attach/detach from the `usb` package (v3: WebUSB-style connect/disconnect events), where
// the machine has a bus. Kiosks without one (and these build machines) get a watcher that
// never fires: subscribing there makes the package reject a promise nobody can catch.
export interface UsbIds {
  vendorId: number;
  productId: number;
}

interface ConnectionEvent {
  device: { vendorId: number; productId: number };
}
type Listener = (ev: ConnectionEvent) => void;
export interface ConnectionEventTarget {
  addEventListener(type: 'connect' | 'disconnect', listener: Listener): void;
  removeEventListener(type: 'connect' | 'disconnect', listener: Listener): void;
}

export interface UsbHotplugWatch {
  /** false when the usb module or the bus is missing: nothing will be reported */
  available: boolean;
  stop(): void;
}

const hasUsbBus = (): boolean => process.platform !== 'linux' || existsSync('/sys/bus/usb/devices');

/** `target` is injectable so the matching logic is tested without a bus. */
export const watchUsbHotplug = async (
  ids: UsbIds,
  onEvent: (event: 'attach' | 'detach') => void,
  target?: ConnectionEventTarget,
): Promise<UsbHotplugWatch> => {
  let source = target;
  if (!source) {
    if (!hasUsbBus()) return { available: false, stop: () => {} };
    try {
      const { WebUSB } = (await import('usb')) as unknown as { WebUSB: new (o: { allowAllDevices: boolean }) => ConnectionEventTarget };
      // allowAllDevices: otherwise WebUSB reports only devices a page was granted
      source = new WebUSB({ allowAllDevices: true });
    } catch {
      return { available: false, stop: () => {} };
    }
  }
  const matches = (ev: ConnectionEvent) => ev.device.vendorId === ids.vendorId && ev.device.productId === ids.productId;
  const attach: Listener = (ev) => matches(ev) && onEvent('attach');
  const detach: Listener = (ev) => matches(ev) && onEvent('detach');
  source.addEventListener('connect', attach);
  source.addEventListener('disconnect', detach);
  const s = source;
  return {
    available: true,
    stop: () => {
      s.removeEventListener('connect', attach);
      s.removeEventListener('disconnect', detach);
    },
  };
};
