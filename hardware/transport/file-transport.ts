import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { TransportError } from './byte-transport.js';
import type { ByteTransport, TransportErrorKind } from './byte-transport.js';
import { TransportListeners } from './transport-listeners.js';

// A write-only link: a printer's device file (/dev/usb/lp0) or a plain file in tests.
// Nothing can be read back, so the adapter prints without status checks.

const kindOf = (code: string | undefined): TransportErrorKind =>
  code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO' ? 'notFound' : code === 'EACCES' || code === 'EPERM' || code === 'EBUSY' ? 'locked' : 'io';

export class FileTransport implements ByteTransport {
  readonly describe: string;
  readonly bidirectional = false;
  readonly #listeners = new TransportListeners();
  #handle: FileHandle | undefined;

  constructor(readonly path: string) {
    this.describe = `file://${path}`;
  }

  get isOpen(): boolean {
    return this.#handle !== undefined;
  }

  async open(): Promise<void> {
    if (this.#handle) return;
    try {
      // append: a device file ignores it, a plain file keeps every job in order
      this.#handle = await open(this.path, 'a');
    } catch (e) {
      const x = e as NodeJS.ErrnoException;
      throw new TransportError(kindOf(x.code), x.message, this.describe);
    }
  }

  async write(data: Uint8Array): Promise<void> {
    const handle = this.#handle;
    if (!handle) throw new TransportError('closed', 'not open', this.describe);
    try {
      // write() may take part of the buffer (a device file can): loop until all of it is out
      for (let done = 0; done < data.length; ) done += (await handle.write(data, done, data.length - done)).bytesWritten;
    } catch (e) {
      const x = e as NodeJS.ErrnoException;
      this.#handle = undefined;
      await handle.close().catch(() => undefined);
      const error = new TransportError(x.code === 'ENODEV' ? 'closed' : kindOf(x.code), x.message, this.describe);
      this.#listeners.emitClose(error);
      throw error;
    }
  }

  onData(): () => void {
    return () => undefined;
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.#listeners.onClose(listener);
  }

  async close(): Promise<void> {
    const handle = this.#handle;
    if (!handle) return;
    this.#handle = undefined;
    await handle.close();
    this.#listeners.emitClose();
  }
}
