// Bytes from a QR reader in, text frames out. Pure: no I/O, no timers; time comes from the
// injected `now()`, and the adapter calls expire() when it wants a stale partial reported.

export type Terminator = 'CR' | 'LF' | 'CRLF';

export interface QrFrameDecoderOptions {
  terminator: Terminator;
  /** a partial frame with no new byte for this long is dropped (the reader sends a frame in one go) */
  partialTimeoutMs?: number;
  /** longer than any QR payload; bytes beyond it are discarded up to the next terminator */
  maxFrameBytes?: number;
  now: () => number;
}

export type GarbageReason = 'invalidUtf8' | 'controlBytes' | 'tooLong' | 'wrongTerminator';

export type FrameEvent =
  | { kind: 'frame'; text: string }
  | { kind: 'garbage'; reason: GarbageReason; bytes: number }
  | { kind: 'partialDropped'; bytes: number; idleMs: number };

const CR = 0x0d;
const LF = 0x0a;

interface Boundary {
  /** end of the frame's bytes */
  end: number;
  /** first byte after the terminator */
  next: number;
  /** ended by the configured terminator, not by a lone CR or LF in CRLF mode */
  proper: boolean;
}

export class QrFrameDecoder {
  readonly #terminator: Terminator;
  readonly #partialTimeoutMs: number;
  readonly #maxFrameBytes: number;
  readonly #now: () => number;
  readonly #utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  #buffer: Uint8Array = new Uint8Array(0);
  #lastByteAt = 0;
  /** inside an over-long frame: discard until the next terminator */
  #skipping = false;

  constructor({ terminator, partialTimeoutMs = 500, maxFrameBytes = 4096, now }: QrFrameDecoderOptions) {
    this.#terminator = terminator;
    this.#partialTimeoutMs = partialTimeoutMs;
    this.#maxFrameBytes = maxFrameBytes;
    this.#now = now;
  }

  /** bytes held for a frame not yet terminated */
  get pendingBytes(): number {
    return this.#buffer.length;
  }

  /** when a pending partial frame goes stale (undefined: nothing pending) */
  get partialDeadline(): number | undefined {
    return this.#buffer.length > 0 || this.#skipping ? this.#lastByteAt + this.#partialTimeoutMs : undefined;
  }

  push(chunk: Uint8Array): FrameEvent[] {
    const events = this.expire();
    if (chunk.length === 0) return events;
    this.#lastByteAt = this.#now();
    const joined = new Uint8Array(this.#buffer.length + chunk.length);
    joined.set(this.#buffer, 0);
    joined.set(chunk, this.#buffer.length);

    let start = 0;
    for (let b = this.#findBoundary(joined, start); b !== undefined; b = this.#findBoundary(joined, start)) {
      if (this.#skipping) this.#skipping = false;
      else this.#emitFrame(joined.subarray(start, b.end), b.proper, events);
      start = b.next;
    }
    this.#buffer = joined.slice(start);
    if (this.#buffer.length > this.#maxFrameBytes) {
      if (!this.#skipping) events.push({ kind: 'garbage', reason: 'tooLong', bytes: this.#buffer.length });
      this.#skipping = true;
      // keep a trailing CR: in CRLF mode it may be the first half of the terminator
      this.#buffer = this.#buffer[this.#buffer.length - 1] === CR ? Uint8Array.of(CR) : new Uint8Array(0);
    }
    return events;
  }

  /** drop a partial frame that has been idle longer than partialTimeoutMs */
  expire(): FrameEvent[] {
    const idleMs = this.#now() - this.#lastByteAt;
    if ((this.#buffer.length === 0 && !this.#skipping) || !(idleMs > this.#partialTimeoutMs)) return [];
    const bytes = this.#buffer.length;
    this.#buffer = new Uint8Array(0);
    const wasSkipping = this.#skipping;
    this.#skipping = false;
    // the over-long frame was reported when it overflowed
    return wasSkipping && bytes === 0 ? [] : [{ kind: 'partialDropped', bytes, idleMs }];
  }

  #findBoundary(buf: Uint8Array, from: number): Boundary | undefined {
    if (this.#terminator !== 'CRLF') {
      const i = buf.indexOf(this.#terminator === 'CR' ? CR : LF, from);
      return i < 0 ? undefined : { end: i, next: i + 1, proper: true };
    }
    for (let i = from; i < buf.length; i++) {
      const byte = buf[i];
      if (byte === LF) return { end: i, next: i + 1, proper: false };
      if (byte === CR) {
        // a CR at the end of what has arrived may be the first half of CRLF: wait
        if (i + 1 >= buf.length) return undefined;
        return buf[i + 1] === LF ? { end: i, next: i + 2, proper: true } : { end: i, next: i + 1, proper: false };
      }
    }
    return undefined;
  }

  #emitFrame(raw: Uint8Array, proper: boolean, events: FrameEvent[]): void {
    // a reader set to CRLF while we expect CR (or LF) leaves the other half at an edge
    let s = 0;
    let e = raw.length;
    while (s < e && (raw[s] === CR || raw[s] === LF)) s++;
    while (e > s && (raw[e - 1] === CR || raw[e - 1] === LF)) e--;
    const bytes = raw.subarray(s, e);
    if (bytes.length === 0) return; // a stray terminator
    if (!proper) {
      events.push({ kind: 'garbage', reason: 'wrongTerminator', bytes: bytes.length });
      return;
    }
    if (bytes.length > this.#maxFrameBytes) {
      events.push({ kind: 'garbage', reason: 'tooLong', bytes: bytes.length });
      return;
    }
    if (bytes.some((b) => (b < 0x20 && b !== 0x09) || b === 0x7f)) {
      events.push({ kind: 'garbage', reason: 'controlBytes', bytes: bytes.length });
      return;
    }
    const text = this.#decode(bytes);
    events.push(text === undefined ? { kind: 'garbage', reason: 'invalidUtf8', bytes: bytes.length } : { kind: 'frame', text });
  }

  #decode(bytes: Uint8Array): string | undefined {
    try {
      return this.#utf8.decode(bytes);
    } catch (error) {
      // the fatal decoder's only signal for malformed UTF-8 is a TypeError; anything else is a bug
      if (error instanceof TypeError) return undefined;
      throw error;
    }
  }
}
