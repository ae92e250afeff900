import { parseCccdQr } from '../../common/cccd/parse-cccd-qr.js';
import type { InvalidIdPayload } from '../../common/cccd/invalid-id-payload.js';
import type { CitizenIdentity } from '../../common/domain/citizen-identity.js';
import type { DeviceState, DeviceStatus } from '../../common/domain/device-status.js';
import type { KioskError } from '../../common/errors.js';
import type { Result } from '../../common/result.js';
import { ok } from '../../common/result.js';
import type { DeviceAdapter, SelfTestReport } from '../device-adapter.js';
import type { BackoffOptions } from '../manager/backoff.js';
import { backoffDelay } from '../manager/backoff.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import { TransportError } from '../transport/byte-transport.js';
import type { FrameEvent, Terminator } from './qr-frame-decoder.js';
import { QrFrameDecoder } from './qr-frame-decoder.js';
import { systemClock, type Clock } from '../clock.js';

export type CardResult = Result<CitizenIdentity, InvalidIdPayload>;

export interface SerialQrReaderOptions {
  /** a fresh transport for each connection attempt (a port that saw an unplug is not reused) */
  openTransport: () => ByteTransport;
  terminator: Terminator;
  implementation?: DeviceStatus['implementation'];
  partialTimeoutMs?: number;
  maxFrameBytes?: number;
  backoff?: BackoffOptions;
  clock?: Clock;
  /** the day cards are checked against (default: the clock's now) */
  today?: () => Date;
}

/**
 * The CCCD QR reader on a serial (CDC-ACM) port, as a DeviceAdapter: frames from the
 * decoder are parsed into identities and handed to onCard listeners. An unplug closes the
 * transport; the reader retries with backoff until the port comes back.
 */
export class SerialQrReader implements DeviceAdapter {
  readonly id = 'idReader' as const;
  readonly #options: SerialQrReaderOptions;
  readonly #clock: Clock;
  readonly #backoff: BackoffOptions;
  readonly #statusListeners = new Set<(status: DeviceStatus) => void>();
  readonly #cardListeners = new Set<(card: CardResult) => void>();
  readonly #frameListeners = new Set<(frame: FrameEvent) => void>();
  readonly #counters = { cardsRead: 0, invalidPayloads: 0, garbageFrames: 0, reconnects: 0 };
  #status: DeviceStatus;
  #transport: ByteTransport | undefined;
  #detach: (() => void)[] = [];
  #decoder: QrFrameDecoder;
  #running = false;
  #everOnline = false;
  #attempt = 0;
  #retryTimer: unknown;
  #partialTimer: unknown;
  #lastActivityAt: number | undefined;

  constructor(options: SerialQrReaderOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#backoff = options.backoff ?? { baseMs: 250, capMs: 5000 };
    this.#decoder = this.#newDecoder();
    this.#status = { id: this.id, state: 'offline', implementation: options.implementation ?? 'real', since: this.#isoNow() };
  }

  status(): DeviceStatus {
    return this.#status;
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  /** every frame the reader sends: an identity, or why its payload was refused */
  onCard(listener: (card: CardResult) => void): () => void {
    this.#cardListeners.add(listener);
    return () => this.#cardListeners.delete(listener);
  }

  /**
   * every frame as the decoder gave it, before any parsing: the text of a QR that is not a
   * CCCD (a receipt's tracking code) and unreadable bytes reach the core only this way
   */
  onFrame(listener: (frame: FrameEvent) => void): () => void {
    this.#frameListeners.add(listener);
    return () => this.#frameListeners.delete(listener);
  }

  /** resolves after the first connection attempt; a failure is a status, not a rejection */
  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    await this.#connect();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#clock.clearTimeout(this.#retryTimer);
    this.#clock.clearTimeout(this.#partialTimer);
    const transport = this.#release();
    await transport?.close();
    this.#setState('offline');
  }

  async selfTest(): Promise<Result<SelfTestReport, KioskError>> {
    const open = this.#transport?.isOpen ?? false;
    const port = this.#transport?.describe ?? 'no port open';
    const activity =
      this.#lastActivityAt === undefined ? 'no data received since start' : `last data ${Math.round((this.#clock.now() - this.#lastActivityAt) / 1000)} s ago`;
    const c = this.#counters;
    return ok({
      device: this.id,
      passed: open,
      lines: [
        `port ${port}: ${open ? 'open' : `not open (${this.#status.state}${this.#status.lastError ? `: ${this.#status.lastError}` : ''})`}`,
        activity,
        `cards read ${c.cardsRead}, invalid payloads ${c.invalidPayloads}, garbage frames ${c.garbageFrames}, reconnects ${c.reconnects}`,
      ],
    });
  }

  counters(): Record<string, number> {
    return { ...this.#counters };
  }

  async #connect(): Promise<void> {
    let transport: ByteTransport;
    try {
      transport = this.#options.openTransport();
      await transport.open();
    } catch (error) {
      this.#failed(error);
      return;
    }
    if (!this.#running) {
      // stopped while opening: nobody is waiting for this port any more
      await transport.close().catch(() => undefined);
      return;
    }
    this.#transport = transport;
    this.#decoder = this.#newDecoder();
    this.#detach = [transport.onData((chunk) => this.#onData(chunk)), transport.onClose((error) => this.#onClose(error))];
    if (this.#everOnline) this.#counters.reconnects++;
    this.#everOnline = true;
    this.#attempt = 0;
    this.#setState('online');
  }

  #failed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    // XFS4IoT: offline covers "not connected"; a port that never appeared is noDevice;
    // a port held by another process or refused needs a technician: hardwareError
    const kind = error instanceof TransportError ? error.kind : 'io';
    const state: DeviceState = kind === 'notFound' ? (this.#everOnline ? 'offline' : 'noDevice') : 'hardwareError';
    this.#setState(state, message);
    this.#scheduleRetry();
  }

  #onClose(error?: Error): void {
    this.#release();
    this.#clock.clearTimeout(this.#partialTimer);
    if (!this.#running) return;
    this.#setState('offline', error?.message ?? 'port closed');
    this.#scheduleRetry();
  }

  #scheduleRetry(): void {
    if (!this.#running) return;
    this.#clock.clearTimeout(this.#retryTimer);
    const delay = Math.max(this.#backoff.baseMs / 2, backoffDelay(this.#attempt++, this.#backoff));
    this.#retryTimer = this.#clock.setTimeout(() => void this.#connect(), delay);
  }

  #release(): ByteTransport | undefined {
    this.#detach.splice(0).forEach((d) => d());
    const transport = this.#transport;
    this.#transport = undefined;
    return transport;
  }

  #onData(chunk: Uint8Array): void {
    this.#lastActivityAt = this.#clock.now();
    this.#handle(this.#decoder.push(chunk));
    this.#armPartialTimer();
  }

  #armPartialTimer(): void {
    this.#clock.clearTimeout(this.#partialTimer);
    const deadline = this.#decoder.partialDeadline;
    if (deadline === undefined) return;
    this.#partialTimer = this.#clock.setTimeout(() => this.#handle(this.#decoder.expire()), deadline - this.#clock.now() + 1);
  }

  #handle(events: FrameEvent[]): void {
    for (const event of events) {
      for (const l of [...this.#frameListeners]) l(event);
      if (event.kind !== 'frame') {
        this.#counters.garbageFrames++;
        continue;
      }
      const card = parseCccdQr(event.text, { today: this.#options.today?.() ?? new Date(this.#clock.now()), source: 'qr' });
      if (card.ok) this.#counters.cardsRead++;
      else this.#counters.invalidPayloads++;
      for (const l of [...this.#cardListeners]) l(card);
    }
  }

  #newDecoder(): QrFrameDecoder {
    const { terminator, partialTimeoutMs, maxFrameBytes } = this.#options;
    return new QrFrameDecoder({ terminator, partialTimeoutMs, maxFrameBytes, now: () => this.#clock.now() });
  }

  #setState(state: DeviceState, lastError?: string): void {
    if (state === this.#status.state && lastError === this.#status.lastError) return;
    const next: DeviceStatus = { id: this.id, state, implementation: this.#status.implementation, since: this.#status.since };
    if (state !== this.#status.state) next.since = this.#isoNow();
    if (lastError !== undefined) next.lastError = lastError;
    this.#status = next;
    for (const l of [...this.#statusListeners]) l(next);
  }

  #isoNow(): string {
    return new Date(this.#clock.now()).toISOString();
  }
}
