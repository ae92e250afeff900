import { Socket } from 'node:net';
import { TransportError } from './byte-transport.js';
import type { ByteTransport, TransportErrorKind } from './byte-transport.js';
import { TransportListeners } from './transport-listeners.js';

// A raw TCP link (port 9100 "JetDirect" printers, the printer simulator). Reopenable: each
// open() makes a fresh socket, so an adapter reconnects through the same object.

export interface TcpTransportOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
}

const kindOf = (code: string | undefined): TransportErrorKind => {
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EAI_AGAIN':
      return 'notFound';
    case 'ETIMEDOUT':
      return 'timeout';
    case 'EPIPE':
    case 'ECONNRESET':
      return 'closed';
    default:
      return 'io';
  }
};

export class TcpTransport implements ByteTransport {
  readonly describe: string;
  readonly bidirectional = true;
  readonly #opts: Required<TcpTransportOptions>;
  readonly #listeners = new TransportListeners();
  #socket: Socket | undefined;
  /** sockets we closed ourselves: their close is not a peer drop */
  readonly #closing = new WeakSet<Socket>();

  constructor(opts: TcpTransportOptions) {
    this.#opts = { connectTimeoutMs: 3000, ...opts };
    this.describe = `tcp://${opts.host}:${opts.port}`;
  }

  get isOpen(): boolean {
    return this.#socket !== undefined && !this.#socket.destroyed && this.#socket.readyState === 'open';
  }

  open(): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    const socket = new Socket();
    return new Promise((resolve, reject) => {
      const fail = (kind: TransportErrorKind, message: string): void => {
        socket.destroy();
        reject(new TransportError(kind, message, this.describe));
      };
      const timer = setTimeout(() => fail('timeout', `no connection within ${this.#opts.connectTimeoutMs} ms`), this.#opts.connectTimeoutMs);
      socket.once('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        fail(kindOf(e.code), e.message);
      });
      socket.connect(this.#opts.port, this.#opts.host, () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.setNoDelay(true);
        socket.setKeepAlive(true, 10_000);
        this.#attach(socket);
        resolve();
      });
    });
  }

  #attach(socket: Socket): void {
    this.#socket = socket;
    let lastError: Error | undefined;
    socket.on('data', (chunk: Buffer) => this.#listeners.emitData(chunk));
    socket.on('error', (e: NodeJS.ErrnoException) => (lastError = new TransportError(kindOf(e.code), e.message, this.describe)));
    // a peer that closes politely sends FIN: answer it, so the socket closes on our side too
    socket.on('end', () => socket.end());
    socket.once('close', () => {
      if (this.#socket === socket) this.#socket = undefined;
      const error = this.#closing.has(socket) ? undefined : (lastError ?? new TransportError('closed', 'the peer closed the connection', this.describe));
      this.#listeners.emitClose(error);
    });
  }

  write(data: Uint8Array): Promise<void> {
    const socket = this.#socket;
    if (!socket || !this.isOpen) return Promise.reject(new TransportError('closed', 'not connected', this.describe));
    return new Promise((resolve, reject) => {
      socket.write(data, (e?: Error | null) => (e ? reject(new TransportError('io', e.message, this.describe)) : resolve()));
    });
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.#listeners.onData(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.#listeners.onClose(listener);
  }

  close(): Promise<void> {
    const socket = this.#socket;
    if (!socket) return Promise.resolve();
    return new Promise((resolve) => {
      this.#closing.add(socket);
      socket.once('close', () => resolve());
      // end() lets queued bytes reach the printer; destroy if the peer never answers the FIN
      socket.end();
      setTimeout(() => socket.destroy(), 1000).unref();
    });
  }
}
