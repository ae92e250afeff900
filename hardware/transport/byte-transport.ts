// The types-only contract every device protocol talks through (after node-serialport's
// bindings-interface): tcp, serial, usb, file and fake transports differ only here.
export interface ByteTransport {
  /** a short human name for logs and diagnostics, e.g. `tcp://127.0.0.1:9100` */
  readonly describe: string;
  /** false for write-only links (a file such as /dev/usb/lp0): no status can be read back */
  readonly bidirectional: boolean;
  readonly isOpen: boolean;
  /** rejects with a TransportError when the peer is absent, refuses or is locked */
  open(): Promise<void>;
  /** resolves once the bytes are handed to the OS (drained), rejects if the link dropped */
  write(data: Uint8Array): Promise<void>;
  onData(listener: (chunk: Buffer) => void): () => void;
  /** the link closed: by us (error undefined) or by the peer / an unplug (error set) */
  onClose(listener: (error?: Error) => void): () => void;
  close(): Promise<void>;
}

export type TransportErrorKind = 'notFound' | 'refused' | 'locked' | 'closed' | 'timeout' | 'io';

export class TransportError extends Error {
  constructor(
    readonly kind: TransportErrorKind,
    message: string,
    readonly transport: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}
