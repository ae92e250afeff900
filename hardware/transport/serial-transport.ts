import { stat } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import type { ByteTransport, TransportErrorKind } from './byte-transport.js';
import { TransportError } from './byte-transport.js';
import { TransportListeners } from './transport-listeners.js';

export interface SerialTransportOptions {
  path: string;
  /** CDC-ACM readers ignore it; real UARTs need the reader's setting (default 9600) */
  baudRate?: number;
  /** how often to check the device node is still the one we opened (default 500 ms) */
  presenceCheckMs?: number;
}

// node-serialport's errors carry only a message (bindings-cpp), so the kind comes from it
const openErrorKind = (message: string): TransportErrorKind => {
  if (/No such file|ENOENT|cannot find|File not found/i.test(message)) return 'notFound';
  if (/Cannot lock port|Resource temporarily unavailable|EBUSY|Access denied.*in use/i.test(message)) return 'locked';
  if (/Permission denied|EACCES/i.test(message)) return 'refused';
  return 'io';
};

interface NodeIdentity {
  ino: number;
  rdev: number;
}
const identityOf = (path: string): Promise<NodeIdentity | undefined> =>
  stat(path).then(
    (s) => ({ ino: s.ino, rdev: s.rdev }),
    () => undefined,
  );

/** A ByteTransport over a serial port (a CDC-ACM QR reader, a serial printer, a pty in tests). */
export class SerialTransport implements ByteTransport {
  readonly describe: string;
  readonly bidirectional = true;
  readonly #options: Required<SerialTransportOptions>;
  readonly #listeners = new TransportListeners();
  #port: SerialPort | undefined;

  constructor(options: SerialTransportOptions) {
    this.#options = { baudRate: 9600, presenceCheckMs: 500, ...options };
    this.describe = `serial://${options.path}`;
  }

  get isOpen(): boolean {
    return this.#port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    if (this.#port !== undefined) return;
    // a fresh SerialPort per open: one that saw an unplug is not reused
    const port = new SerialPort({ path: this.#options.path, baudRate: this.#options.baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) => {
      port.open((error) => {
        if (error) reject(new TransportError(openErrorKind(error.message), error.message, this.describe));
        else resolve();
      });
    });
    this.#port = port;
    // listeners go on before any await: an 'error' with no listener would crash the process
    this.#watch(port, identityOf(this.#options.path));
  }

  write(data: Uint8Array): Promise<void> {
    const port = this.#port;
    if (port === undefined || !port.isOpen) return Promise.reject(new TransportError('closed', 'port is not open', this.describe));
    return new Promise((resolve, reject) => {
      port.write(Buffer.from(data), (error) => {
        if (error) {
          reject(new TransportError('io', error.message, this.describe));
          return;
        }
        port.drain((drainError) => (drainError ? reject(new TransportError('io', drainError.message, this.describe)) : resolve()));
      });
    });
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.#listeners.onData(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.#listeners.onClose(listener);
  }

  close(): Promise<void> {
    const port = this.#port;
    if (port === undefined || !port.isOpen) return Promise.resolve();
    return new Promise((resolve) => {
      port.close(() => resolve());
    });
  }

  #watch(port: SerialPort, openedNode: Promise<NodeIdentity | undefined>): void {
    let reported = false;
    let failure: Error | undefined;
    let presenceTimer: ReturnType<typeof setTimeout> | undefined;

    const closed = (error?: Error): void => {
      if (reported) return;
      reported = true;
      clearTimeout(presenceTimer);
      if (this.#port === port) this.#port = undefined;
      port.removeAllListeners();
      // an 'error' after this must not crash the process as an unhandled EventEmitter error
      port.on('error', () => undefined);
      const reason = error === undefined ? undefined : new TransportError('closed', error.message, this.describe);
      this.#listeners.emitClose(reason);
    };
    const fail = (error: Error): void => {
      const first = failure === undefined;
      failure = error;
      if (first && port.isOpen) port.close();
      else closed(error);
    };

    port.on('data', (chunk: Buffer) => {
      this.#listeners.emitData(chunk);
    });
    // serialport passes a DisconnectedError when a read or write failed (EIO), null when closed
    port.on('close', (error: Error | null) => closed(error ?? failure));
    // an asynchronous error on an open port leaves it unusable: close it and report why
    port.on('error', fail);

    // On Linux an unplugged tty (and a pty whose master died) may read 0 bytes forever, which
    // bindings-cpp retries without reporting (serialport/bindings-cpp#162): watch the node
    // itself, gone or replaced by a new device, and close the port then.
    const checkPresence = async (): Promise<void> => {
      const [opened, now] = await Promise.all([openedNode, identityOf(this.#options.path)]);
      if (reported) return;
      if (now === undefined || (opened !== undefined && (now.ino !== opened.ino || now.rdev !== opened.rdev))) {
        fail(new Error(`device ${this.#options.path} disappeared`));
        return;
      }
      presenceTimer = setTimeout(() => void checkPresence(), this.#options.presenceCheckMs);
    };
    presenceTimer = setTimeout(() => void checkPresence(), this.#options.presenceCheckMs);
  }
}
