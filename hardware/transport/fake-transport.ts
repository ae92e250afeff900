import type { ByteTransport } from './byte-transport.js';
import { TransportError } from './byte-transport.js';
import { TransportListeners } from './transport-listeners.js';

// An in-memory link that behaves like a cable to a device (after node-serialport's
// binding-mock, minus its global registry): the `host` end is what an adapter opens, the
// `device` end is what a simulator or a test talks through. Each link has its own state.

export interface FakeLinkOptions {
  name?: string;
  /** false: the host's open() rejects with notFound (nothing plugged in) */
  present?: boolean;
  /** true: the host's open() rejects with locked (another process holds the port) */
  locked?: boolean;
}

export class FakeTransport implements ByteTransport {
  readonly bidirectional = true;
  /** every write made through this end, in order */
  readonly writes: Uint8Array[] = [];
  readonly #listeners = new TransportListeners();
  readonly #link: FakeLink;
  readonly #side: 'host' | 'device';
  #open = false;

  constructor(
    readonly describe: string,
    link: FakeLink,
    side: 'host' | 'device',
  ) {
    this.#link = link;
    this.#side = side;
  }

  get isOpen(): boolean {
    return this.#open;
  }

  open(): Promise<void> {
    if (this.#side === 'host') {
      if (!this.#link.present) return Promise.reject(new TransportError('notFound', 'no such port', this.describe));
      if (this.#link.locked) return Promise.reject(new TransportError('locked', 'port is in use', this.describe));
    }
    this.#open = true;
    return Promise.resolve();
  }

  write(data: Uint8Array): Promise<void> {
    if (!this.#open) return Promise.reject(new TransportError('closed', 'port is not open', this.describe));
    const copy = Uint8Array.from(data);
    this.writes.push(copy);
    this.#link.deliver(this.#side, copy);
    return Promise.resolve();
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.#listeners.onData(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.#listeners.onClose(listener);
  }

  close(): Promise<void> {
    this.drop(undefined);
    return Promise.resolve();
  }

  /** @internal bytes from the other end; a closed end hears nothing, like a closed port */
  receive(chunk: Uint8Array): void {
    if (!this.#open) return;
    const buffer = Buffer.from(chunk);
    this.#listeners.emitData(buffer);
  }

  /** @internal the end closes, by us (no error) or because the device went away */
  drop(error: Error | undefined): void {
    if (!this.#open) return;
    this.#open = false;
    this.#listeners.emitClose(error);
  }
}

export class FakeLink {
  readonly host: FakeTransport;
  readonly device: FakeTransport;
  present: boolean;
  locked: boolean;

  constructor({ name = 'fake', present = true, locked = false }: FakeLinkOptions = {}) {
    this.present = present;
    this.locked = locked;
    this.host = new FakeTransport(`fake://${name}`, this, 'host');
    this.device = new FakeTransport(`fake://${name}#device`, this, 'device');
  }

  /** the cable is pulled: the host end closes with an error and cannot reopen until plug() */
  unplug(): void {
    this.present = false;
    this.host.drop(new TransportError('closed', 'device unplugged', this.host.describe));
  }

  plug(): void {
    this.present = true;
  }

  /** @internal delivered on a later microtask, as a real port delivers on a later tick */
  deliver(from: 'host' | 'device', chunk: Uint8Array): void {
    const to = from === 'host' ? this.device : this.host;
    queueMicrotask(() => to.receive(chunk));
  }
}
