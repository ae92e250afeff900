// The listener bookkeeping every ByteTransport shares. Emitting over a copy lets a listener
// unsubscribe (or close the transport) from inside its own callback.
export class TransportListeners {
  readonly #data = new Set<(chunk: Buffer) => void>();
  readonly #close = new Set<(error?: Error) => void>();

  onData(listener: (chunk: Buffer) => void): () => void {
    this.#data.add(listener);
    return () => this.#data.delete(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    this.#close.add(listener);
    return () => this.#close.delete(listener);
  }

  emitData(chunk: Buffer): void {
    for (const l of [...this.#data]) l(chunk);
  }

  emitClose(error?: Error): void {
    for (const l of [...this.#close]) l(error);
  }
}
