import type { DeviceState, DeviceStatus, PrinterMedia } from '../../common/domain/device-status.js';
import { kioskError } from '../../common/errors.js';
import type { KioskError } from '../../common/errors.js';
import { cut, qr, receipt, separator, text } from '../../common/receipt/receipt-doc.js';
import type { ReceiptDoc } from '../../common/receipt/receipt-doc.js';
import { err, ok } from '../../common/result.js';
import type { Result } from '../../common/result.js';
import type { DeviceAdapter, SelfTestReport } from '../device-adapter.js';
import { backoffDelay } from '../manager/backoff.js';
import type { BackoffOptions } from '../manager/backoff.js';
import { TransportError } from '../transport/byte-transport.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import { encodeReceipt } from './escpos-encoder.js';
import type { TextMode } from './escpos-encoder.js';
import { conditionOf, isPaperSensorByte, isRealtimeStatusByte, JOB_DONE_MARKER, parseRealtimeStatus, statusRequest } from './escpos-status.js';
import type { PrinterCondition } from './escpos-status.js';
import { fontIsInUse } from './raster-text.js';
import type { ReceiptFont } from './receipt-font.js';

export interface ReceiptPrinterOptions {
  transport: ByteTransport;
  implementation: 'real' | 'simulator';
  textMode: TextMode;
  widthDots: number;
  font: ReceiptFont;
  /** cp1258 mode: the printer's `ESC t` number for WPC1258 */
  codePage?: number;
  logos?: Readonly<Record<string, Uint8Array>>;
  statusTimeoutMs?: number;
  /** from sending a job to the printer reporting it done */
  jobTimeoutMs?: number;
  /** status polling while a job prints */
  pollMs?: number;
  /** status polling while idle, so the kiosk refuses early when the paper is out; 0 = never */
  idlePollMs?: number;
  backoff?: BackoffOptions;
}

export const TEST_PANGRAM = 'Tiếng Việt: Đặng Thị Hồng Nhung — ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự';

/**
 * The receipt printer as a device: ESC/POS over any ByteTransport. With a two-way link it
 * checks status before a job, sends the job as one buffer followed by `GS r 1` (answered
 * only once the job has printed) and polls `DLE EOT` meanwhile, so paper running out during
 * the job fails it instead of reporting a receipt nobody got.
 */
export class ReceiptPrinter implements DeviceAdapter {
  readonly id = 'printer' as const;
  readonly #o: Required<Omit<ReceiptPrinterOptions, 'codePage' | 'logos'>> & Pick<ReceiptPrinterOptions, 'codePage' | 'logos'>;
  readonly #listeners = new Set<(s: DeviceStatus) => void>();
  readonly #counters = { receiptsPrinted: 0, jobsFailed: 0, bytesSent: 0, reconnects: 0, unencodableChars: 0 };
  #status: DeviceStatus;
  #running = false;
  #attempt = 0;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #idleTimer: ReturnType<typeof setInterval> | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #statusQueue: Promise<unknown> = Promise.resolve();
  #statusReply: { bytes: number[]; done: () => void } | undefined;
  #jobDone: (() => void) | undefined;
  #busy = false;
  readonly #unsubscribe: (() => void)[] = [];

  constructor(opts: ReceiptPrinterOptions) {
    this.#o = { statusTimeoutMs: 2000, jobTimeoutMs: 60_000, pollMs: 250, idlePollMs: 10_000, backoff: { baseMs: 500, capMs: 30_000 }, ...opts };
    this.#status = { id: 'printer', state: 'offline', implementation: opts.implementation, since: new Date().toISOString() };
    this.#unsubscribe.push(
      opts.transport.onData((chunk) => this.#route(chunk)),
      opts.transport.onClose((error) => this.#onClose(error)),
    );
  }

  status(): DeviceStatus {
    return { ...this.#status };
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  counters(): Record<string, number> {
    return { ...this.#counters };
  }

  async start(): Promise<void> {
    this.#running = true;
    await this.#connect();
    if (this.#o.idlePollMs > 0) {
      this.#idleTimer = setInterval(() => {
        if (!this.#busy && this.#o.transport.isOpen && this.#o.transport.bidirectional) void this.#refresh();
      }, this.#o.idlePollMs);
      this.#idleTimer.unref();
    }
  }

  /** Reads the status now (DLE EOT) rather than at the next idle poll: a paper change shows at once. */
  async refresh(): Promise<void> {
    if (this.#running && this.#o.transport.isOpen && this.#o.transport.bidirectional) await this.#refresh();
  }

  /** USB hot-plug: try at once when our device appears; show noDevice at once when it goes. */
  async hotplug(event: 'attach' | 'detach'): Promise<void> {
    if (!this.#running) return;
    if (event === 'detach') {
      this.#set({ state: 'noDevice', lastError: `${this.#o.transport.describe}: detached` });
      await this.#o.transport.close().catch(() => undefined);
      return;
    }
    if (this.#o.transport.isOpen) return;
    clearTimeout(this.#reconnectTimer);
    this.#attempt = 0;
    await this.#connect();
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#reconnectTimer);
    clearInterval(this.#idleTimer);
    await this.#o.transport.close().catch(() => undefined);
    this.#set({ state: 'offline', lastError: undefined });
  }

  /** Prints one receipt; jobs queue behind each other. */
  print(doc: ReceiptDoc): Promise<Result<{ bytes: number }, KioskError>> {
    const job = this.#queue.then(() => this.#printNow(doc));
    this.#queue = job.catch(() => undefined);
    return job;
  }

  /** A receipt a technician can read: every tone on every vowel, and a QR to scan. */
  printTestReceipt(): Promise<Result<{ bytes: number }, KioskError>> {
    return this.print(
      receipt(
        text('KIỂM TRA MÁY IN', { bold: true, align: 'center', size: 'double' }),
        separator(),
        text(TEST_PANGRAM),
        text('ĂÂÊÔƠƯĐ ăâêôơưđ — Ỳ Ý Ỷ Ỹ Ỵ'),
        text(`Chế độ chữ: ${this.#o.textMode} · ${this.#o.widthDots} điểm`, { align: 'center' }),
        qr('KIOSK-PRINTER-TEST'),
        cut(),
      ),
    );
  }

  async selfTest(): Promise<Result<SelfTestReport, KioskError>> {
    const lines = [`transport ${this.#o.transport.describe}: ${this.#o.transport.isOpen ? 'open' : 'closed'}`];
    if (this.#o.transport.isOpen && this.#o.transport.bidirectional) {
      const r = await this.#refresh();
      lines.push(r.ok ? `status: ${r.value.state}, paper ${r.value.media}${r.value.error ? ` (${r.value.error.message})` : ''}` : `status: ${r.error.message}`);
    } else if (!this.#o.transport.bidirectional) lines.push('status: not readable on a write-only link');
    if (this.#o.textMode === 'raster') {
      const inUse = await fontIsInUse(this.#o.font).catch(() => false);
      lines.push(`font ${this.#o.font.family}: ${inUse ? 'renders' : 'NOT FOUND, text would fall back to another face'}`);
    }
    const s = this.status();
    return ok({ device: 'printer', passed: s.state === 'online' && s.media !== 'out' && s.media !== 'jammed', lines });
  }

  async #printNow(doc: ReceiptDoc): Promise<Result<{ bytes: number }, KioskError>> {
    this.#busy = true;
    try {
      const t = this.#o.transport;
      if (!t.isOpen) return this.#fail(kioskError('DeviceOffline', `printer not connected (${t.describe})`));
      const encoded = await encodeReceipt(doc, { textMode: this.#o.textMode, widthDots: this.#o.widthDots, font: this.#o.font, codePage: this.#o.codePage, logos: this.#o.logos });
      if (!encoded.ok) return this.#fail(encoded.error);
      this.#counters.unencodableChars += encoded.value.unencodable.length;
      if (t.bidirectional) {
        const before = await this.#refresh();
        if (!before.ok) return this.#fail(before.error);
        if (before.value.error) return this.#fail(before.value.error);
      }
      const bytes = t.bidirectional ? Buffer.concat([encoded.value.bytes, JOB_DONE_MARKER]) : encoded.value.bytes;
      const done = t.bidirectional ? new Promise<void>((resolve) => (this.#jobDone = resolve)) : Promise.resolve();
      try {
        await t.write(bytes);
      } catch (e) {
        return this.#fail(kioskError('DeviceOffline', `sending the job failed: ${(e as Error).message}`));
      }
      this.#counters.bytesSent += bytes.length;
      if (t.bidirectional) {
        const finished = await this.#watchJob(done);
        if (!finished.ok) return this.#fail(finished.error);
        await this.#refresh(); // paper may have reached near-end during the job
      }
      this.#counters.receiptsPrinted++;
      return ok({ bytes: bytes.length });
    } finally {
      this.#jobDone = undefined;
      this.#busy = false;
    }
  }

  /** Waits for the job-done reply while polling status: an error condition ends the wait. */
  async #watchJob(done: Promise<void>): Promise<Result<void, KioskError>> {
    const deadline = Date.now() + this.#o.jobTimeoutMs;
    let finished = false;
    void done.then(() => (finished = true));
    while (!finished) {
      if (Date.now() > deadline) return err(kioskError('DeviceTimeout', `printer did not finish the job within ${this.#o.jobTimeoutMs} ms`));
      const tick = new Promise<void>((r) => setTimeout(r, this.#o.pollMs));
      await Promise.race([done, tick]);
      if (finished) break;
      const s = await this.#refresh();
      if (!s.ok) return err(s.error);
      if (s.value.error) return err(s.value.error);
    }
    return ok(undefined);
  }

  #fail(error: KioskError): Result<never, KioskError> {
    this.#counters.jobsFailed++;
    this.#set({ lastError: `${error.kind}: ${error.message}` });
    return err(error);
  }

  /** Asks DLE EOT 1–4 and updates the status; queries never overlap. */
  #refresh(): Promise<Result<PrinterCondition, KioskError>> {
    const run = this.#statusQueue.then(() => this.#query());
    this.#statusQueue = run.catch(() => undefined);
    return run;
  }

  async #query(): Promise<Result<PrinterCondition, KioskError>> {
    const t = this.#o.transport;
    if (!t.isOpen) return err(kioskError('DeviceOffline', `printer not connected (${t.describe})`));
    const reply = await new Promise<number[] | undefined>((resolve) => {
      const timer = setTimeout(() => {
        this.#statusReply = undefined;
        resolve(undefined);
      }, this.#o.statusTimeoutMs);
      const pending = { bytes: [] as number[], done: () => (clearTimeout(timer), (this.#statusReply = undefined), resolve(pending.bytes)) };
      this.#statusReply = pending;
      t.write(statusRequest()).catch(() => pending.done());
    });
    if (!reply || reply.length < 4) {
      const e = kioskError('DeviceTimeout', `no status reply within ${this.#o.statusTimeoutMs} ms`);
      this.#set({ state: 'offline', lastError: e.message });
      return err(e);
    }
    const parsed = parseRealtimeStatus(reply);
    if ('invalid' in parsed) {
      const e = kioskError('DeviceOffline', `unreadable status: ${parsed.invalid}`);
      this.#set({ state: 'hardwareError', lastError: e.message });
      return err(e);
    }
    const c = conditionOf(parsed);
    this.#set({ state: c.state, media: c.media, lastError: c.error ? `${c.error.kind}: ${c.error.message}` : undefined });
    return ok(c);
  }

  // DLE EOT replies have bit 4 on, GS r replies bit 4 off: the byte says which wait it ends
  #route(chunk: Buffer): void {
    for (const b of chunk) {
      const pending = this.#statusReply;
      if (pending && isRealtimeStatusByte(b)) {
        pending.bytes.push(b);
        if (pending.bytes.length === 4) pending.done();
      } else if (isPaperSensorByte(b)) this.#jobDone?.();
    }
  }

  async #connect(): Promise<void> {
    if (!this.#running) return;
    const t = this.#o.transport;
    try {
      await t.open();
    } catch (e) {
      const notFound = e instanceof TransportError && e.kind === 'notFound';
      this.#set({ state: notFound ? 'noDevice' : 'offline', lastError: `${t.describe}: ${(e as Error).message}` });
      this.#scheduleReconnect();
      return;
    }
    if (this.#attempt > 0) this.#counters.reconnects++;
    this.#attempt = 0;
    if (t.bidirectional) await this.#refresh();
    else this.#set({ state: 'online', lastError: undefined });
  }

  #scheduleReconnect(): void {
    if (!this.#running) return;
    clearTimeout(this.#reconnectTimer);
    const delay = backoffDelay(this.#attempt++, this.#o.backoff);
    this.#reconnectTimer = setTimeout(() => void this.#connect(), delay);
    this.#reconnectTimer.unref();
  }

  #onClose(error?: Error): void {
    this.#statusReply?.done();
    if (!error || !this.#running) return;
    this.#set({ state: 'offline', lastError: `${this.#o.transport.describe}: ${error.message}` });
    this.#scheduleReconnect();
  }

  #set(patch: { state?: DeviceState; media?: PrinterMedia; lastError?: string | undefined }): void {
    const next: DeviceStatus = { ...this.#status, ...patch };
    if (!('lastError' in patch)) next.lastError = this.#status.lastError;
    if (next.lastError === undefined) delete next.lastError;
    const changed = next.state !== this.#status.state || next.media !== this.#status.media || next.lastError !== this.#status.lastError;
    if (!changed) return;
    if (next.state !== this.#status.state) next.since = new Date().toISOString();
    this.#status = next;
    const snapshot = this.status();
    this.#listeners.forEach((l) => l(snapshot));
  }
}
