import { TransportError } from './byte-transport.js';
import type { ByteTransport } from './byte-transport.js';
import { TransportListeners } from './transport-listeners.js';

// USB printer class (bulk OUT for jobs, bulk IN for status) through the `usb` package's
// WebUSB API. Loaded lazily: the native addon is only needed when a site has a USB printer.
// These build machines have no USB bus, so only the not-found path is exercised in tests.

export interface UsbTransportOptions {
  vendorId: number;
  productId: number;
  /** ms per bulk transfer */
  timeoutMs?: number;
}

// The parts of WebUSB's USBDevice we use; the package's own typings lean on DOM WebUSB types
// this project does not load, so the boundary is typed here.
interface UsbEndpointLike {
  endpointNumber: number;
  direction: 'in' | 'out';
  type: 'bulk' | 'interrupt' | 'isochronous';
}
interface UsbInterfaceLike {
  interfaceNumber: number;
  alternate: { interfaceClass: number; endpoints: UsbEndpointLike[] };
}
interface UsbDeviceLike {
  configuration: { interfaces: UsbInterfaceLike[] } | null | undefined;
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(value: number): Promise<void>;
  claimInterface(n: number): Promise<void>;
  releaseInterface(n: number): Promise<void>;
  transferOut(endpoint: number, data: Uint8Array): Promise<{ status: string; bytesWritten: number }>;
  transferIn(endpoint: number, length: number): Promise<{ status: string; data?: DataView }>;
}
interface UsbModule {
  usb: { findDeviceByIds(vid: number, pid: number): Promise<unknown> };
}

const PRINTER_CLASS = 0x07;
const hex = (n: number): string => n.toString(16).padStart(4, '0');

export class UsbTransport implements ByteTransport {
  readonly describe: string;
  readonly bidirectional = true;
  readonly #listeners = new TransportListeners();
  #device: UsbDeviceLike | undefined;
  #iface = 0;
  #out = 0;
  #in: number | undefined;

  constructor(readonly opts: UsbTransportOptions) {
    this.describe = `usb://${hex(opts.vendorId)}:${hex(opts.productId)}`;
  }

  get isOpen(): boolean {
    return this.#device !== undefined;
  }

  async open(): Promise<void> {
    if (this.#device) return;
    let found: unknown;
    try {
      const mod = (await import('usb')) as unknown as UsbModule;
      found = await mod.usb.findDeviceByIds(this.opts.vendorId, this.opts.productId);
    } catch (e) {
      // no USB bus at all (e.g. "/sys/bus/usb/devices/ not found") reads as "no such device"
      throw new TransportError('notFound', `no USB device ${this.describe}: ${(e as Error).message}`, this.describe);
    }
    if (!found) throw new TransportError('notFound', `no USB device ${this.describe}`, this.describe);
    const device = found as UsbDeviceLike;
    try {
      await device.open();
      if (!device.configuration) await device.selectConfiguration(1);
      const iface = device.configuration?.interfaces.find((i) => i.alternate.interfaceClass === PRINTER_CLASS) ?? device.configuration?.interfaces[0];
      const out = iface?.alternate.endpoints.find((e) => e.direction === 'out' && e.type === 'bulk');
      if (!iface || !out) throw new Error('no bulk OUT endpoint');
      await device.claimInterface(iface.interfaceNumber);
      this.#iface = iface.interfaceNumber;
      this.#out = out.endpointNumber;
      this.#in = iface.alternate.endpoints.find((e) => e.direction === 'in' && e.type === 'bulk')?.endpointNumber;
      this.#device = device;
      void this.#readLoop(device);
    } catch (e) {
      await device.close().catch(() => undefined);
      throw new TransportError('locked', `cannot claim ${this.describe}: ${(e as Error).message}`, this.describe);
    }
  }

  // status replies arrive on bulk IN; poll it while open
  async #readLoop(device: UsbDeviceLike): Promise<void> {
    const ep = this.#in;
    if (ep === undefined) return;
    while (this.#device === device) {
      try {
        const r = await device.transferIn(ep, 64);
        if (r.data && r.data.byteLength > 0) {
          const chunk = Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength);
          this.#listeners.emitData(chunk);
        }
      } catch (e) {
        if (this.#device === device) this.#drop(new TransportError('closed', (e as Error).message, this.describe));
        return;
      }
    }
  }

  #drop(error?: Error): void {
    this.#device = undefined;
    this.#listeners.emitClose(error);
  }

  async write(data: Uint8Array): Promise<void> {
    const device = this.#device;
    if (!device) throw new TransportError('closed', 'not open', this.describe);
    try {
      const r = await device.transferOut(this.#out, data);
      if (r.status !== 'ok' || r.bytesWritten !== data.length) throw new Error(`transfer ${r.status}, ${r.bytesWritten}/${data.length} bytes`);
    } catch (e) {
      const error = new TransportError('io', (e as Error).message, this.describe);
      this.#drop(error);
      throw error;
    }
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.#listeners.onData(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.#listeners.onClose(listener);
  }

  async close(): Promise<void> {
    const device = this.#device;
    if (!device) return;
    this.#device = undefined;
    await device.releaseInterface(this.#iface).catch(() => undefined);
    await device.close().catch(() => undefined);
    this.#listeners.emitClose();
  }
}
