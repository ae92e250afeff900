import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { DeviceState, DeviceStatus } from '../../common/domain/device-status.js';
import { kioskError } from '../../common/errors.js';
import type { ErrorKind, KioskError } from '../../common/errors.js';
import { err, ok } from '../../common/result.js';
import type { Result } from '../../common/result.js';
import type { DeviceAdapter, SelfTestReport } from '../device-adapter.js';
import { assessPage } from './page-quality.js';
import { pagesToPdf } from './pages-to-pdf.js';
import type { PdfOptions } from './pages-to-pdf.js';
import type { ScannedPage, ScannerBackend, ScanOutcome, ScanRequest } from './scan-types.js';
import { makeThumbnail } from './thumbnails.js';

// The scanner as the device manager and the KioskApi see it, over SANE or the simulator:
// one scan at a time, each page checked and thumbnailed as it lands, statuses in XFS4IoT words.

export interface ScannerAdapterOptions {
  backend: ScannerBackend;
  /** the scan resolution (config `resolutionDpi`) */
  dpi: number;
  /** where per-scan folders go (they hold PII: mode 0700, removed on error and by `discard`) */
  workRoot?: string;
  /** the self-test's quick scan */
  selfTestDpi?: number;
  now?: () => Date;
  /**
   * While the scanner is missing or failed, look for it again this often (ms; 0: never). A
   * scanner plugged in or switched on after the kiosk started must come back by itself: SANE
   * has no hot-plug events, and a procedure that needs the scanner is refused until it does.
   */
  reprobeMs?: number;
}

const DEFAULT_REPROBE_MS = 30_000;

export interface ScannedPdf {
  bytes: Uint8Array;
  pageCount: number;
}

// what a failed scan says about the device; kinds not listed leave the state as it was
const stateAfter: Partial<Record<ErrorKind, DeviceState>> = {
  NoDevice: 'noDevice',
  DeviceOffline: 'offline',
  DeviceTimeout: 'hardwareError',
  Internal: 'hardwareError',
  // a person can clear these: open the feeder, close the lid
  ScanJam: 'userError',
  CoverOpen: 'userError',
};
// the resident's doing or a normal end, not a device failure
const notErrors = new Set<ErrorKind>(['Cancelled', 'FeederEmpty']);

export class ScannerAdapter implements DeviceAdapter {
  readonly id = 'scanner' as const;
  readonly #backend: ScannerBackend;
  readonly #opts: ScannerAdapterOptions;
  readonly #listeners = new Set<(s: DeviceStatus) => void>();
  readonly #counters = { scans: 0, pagesScanned: 0, scanErrors: 0, feederEmpty: 0, cancelled: 0 };
  #status: DeviceStatus;
  #scanning = false;
  #running = false;
  #reprobe: NodeJS.Timeout | null = null;

  constructor(opts: ScannerAdapterOptions) {
    this.#opts = opts;
    this.#backend = opts.backend;
    this.#status = { id: 'scanner', state: 'offline', implementation: opts.backend.implementation, since: this.#now() };
  }

  get describe(): string {
    return this.#backend.describe;
  }

  #now(): string {
    return (this.#opts.now?.() ?? new Date()).toISOString();
  }

  #set(state: DeviceState, lastError?: string): void {
    if (state === this.#status.state && lastError === this.#status.lastError) return;
    this.#status = {
      id: 'scanner',
      state,
      implementation: this.#backend.implementation,
      ...(lastError !== undefined ? { lastError } : {}),
      since: state === this.#status.state ? this.#status.since : this.#now(),
    };
    for (const l of this.#listeners) l(this.#status);
  }

  status(): DeviceStatus {
    return this.#status;
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async start(): Promise<void> {
    this.#running = true;
    await this.probe();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#clearReprobe();
    this.#set('offline');
  }

  /** The device manager's "look now" (a technician, a test): the same as a probe. */
  async refresh(): Promise<void> {
    await this.probe();
  }

  #clearReprobe(): void {
    if (this.#reprobe) clearTimeout(this.#reprobe);
    this.#reprobe = null;
  }

  /** After each probe: another one later while the scanner is not usable, none once it is. */
  #scheduleReprobe(): void {
    this.#clearReprobe();
    const every = this.#opts.reprobeMs ?? DEFAULT_REPROBE_MS;
    if (!this.#running || every <= 0 || this.#status.state === 'online') return;
    this.#reprobe = setTimeout(() => {
      this.#reprobe = null;
      void this.probe();
    }, every);
    // a kiosk shutting down does not wait for the next look
    this.#reprobe.unref();
  }

  /** Looks for the device again: `online` when the backend lists it. */
  async probe(): Promise<DeviceStatus> {
    if (this.#scanning) return this.#status;
    const r = await this.#backend.listDevices();
    if (!r.ok) this.#set(stateAfter[r.error.kind] ?? 'noDevice', r.error.message);
    else {
      const wanted = this.#backend.device();
      const found = wanted ? r.value.includes(wanted) : r.value.length > 0;
      if (found) this.#set('online');
      else this.#set('noDevice', wanted ? `${wanted} is not among ${r.value.join(', ') || 'no devices'}` : 'no scanner found');
    }
    this.#scheduleReprobe();
    return this.#status;
  }

  counters(): Record<string, number> {
    return { ...this.#counters };
  }

  async scan(req: ScanRequest, dpi: number = this.#opts.dpi): Promise<Result<ScanOutcome, KioskError>> {
    if (this.#scanning) return err(kioskError('DeviceBusy', 'a scan is already running', { retryAfterMs: 2000 }));
    this.#scanning = true;
    this.#set('deviceBusy');
    const root = this.#opts.workRoot ?? join(tmpdir(), 'kiosk-scans');
    await mkdir(root, { recursive: true, mode: 0o700 });
    const dir = await mkdtemp(join(root, 'scan-'));
    const pages: ScannedPage[] = [];
    // pages are checked in order while the next one is being scanned
    let chain: Promise<void> = Promise.resolve();
    let pageError: unknown;
    try {
      const r = await this.#backend.scan({
        source: req.source,
        ...(req.maxPages !== undefined ? { maxPages: req.maxPages } : {}),
        ...(req.signal ? { signal: req.signal } : {}),
        dir,
        dpi,
        onPageFile: (file, index) => {
          chain = chain.then(async () => {
            if (pageError !== undefined) return;
            try {
              const page = await describePage(file, index, dpi);
              pages.push(page);
              req.onPage?.(page);
            } catch (e) {
              pageError = e;
            }
          });
        },
      });
      await chain;
      const result: Result<ScanOutcome, KioskError> = !r.ok
        ? r
        : pageError !== undefined
          ? err(kioskError('Internal', `a scanned page could not be read: ${String(pageError)}`))
          : ok({ pages, feederEmpty: r.value.feederEmpty, dir });
      this.#account(result);
      if (!result.ok) await rm(dir, { recursive: true, force: true });
      return result;
    } catch (e) {
      await rm(dir, { recursive: true, force: true });
      this.#account(err(kioskError('Internal', String(e))));
      return err(kioskError('Internal', `scan failed: ${String(e)}`));
    } finally {
      this.#scanning = false;
    }
  }

  #account(r: Result<ScanOutcome, KioskError>): void {
    this.#counters.scans++;
    if (r.ok) {
      this.#counters.pagesScanned += r.value.pages.length;
      if (r.value.feederEmpty) this.#counters.feederEmpty++;
      this.#set('online');
      return;
    }
    const kind = r.error.kind;
    if (kind === 'Cancelled') this.#counters.cancelled++;
    else if (kind === 'FeederEmpty') this.#counters.feederEmpty++;
    if (!notErrors.has(kind)) this.#counters.scanErrors++;
    // the device answered (busy elsewhere, no feeder, cancelled…): it is there and usable
    this.#set(stateAfter[kind] ?? 'online', notErrors.has(kind) ? undefined : r.error.message);
    this.#scheduleReprobe();
  }

  /** Removes a scan's page files (they are PII) once its PDF is made or the resident rescans. */
  async discard(scan: Pick<ScanOutcome, 'dir'>): Promise<void> {
    await rm(scan.dir, { recursive: true, force: true });
  }

  async toPdf(pages: readonly ScannedPage[], opts: PdfOptions = {}): Promise<Result<ScannedPdf, KioskError>> {
    if (pages.length === 0) return err(kioskError('InvalidArguments', 'a PDF needs at least one page'));
    try {
      const bytes = await pagesToPdf(
        pages.map((p) => ({ image: p.file, dpi: p.dpi })),
        opts,
      );
      return ok({ bytes, pageCount: pages.length });
    } catch (e) {
      return err(kioskError('Internal', `making the PDF failed: ${String(e)}`));
    }
  }

  async selfTest(): Promise<Result<SelfTestReport, KioskError>> {
    const lines: string[] = [];
    const listed = await this.#backend.listDevices();
    if (!listed.ok) return ok({ device: 'scanner', passed: false, lines: [`list devices: ${listed.error.kind}: ${listed.error.message}`] });
    lines.push(`devices: ${listed.value.join(', ') || 'none'} (using ${this.#backend.describe})`);
    const dpi = this.#opts.selfTestDpi ?? 75;
    const started = Date.now();
    const r = await this.scan({ source: 'flatbed' }, dpi);
    if (!r.ok) {
      lines.push(`quick scan at ${dpi} dpi: ${r.error.kind}: ${r.error.message}`);
      return ok({ device: 'scanner', passed: false, lines });
    }
    const page = r.value.pages[0];
    await this.discard(r.value);
    const passed = page !== undefined && page.widthPx > 0 && page.heightPx > 0;
    lines.push(page ? `quick scan at ${dpi} dpi: ${page.widthPx}×${page.heightPx} px in ${Date.now() - started} ms` : 'quick scan: no page');
    return ok({ device: 'scanner', passed, lines });
  }
}

const describePage = async (file: string, index: number, dpi: number): Promise<ScannedPage> => {
  const [meta, quality, thumbnail] = await Promise.all([sharp(file).metadata(), assessPage(file), makeThumbnail(file)]);
  return {
    index,
    file,
    widthPx: meta.width ?? 0,
    heightPx: meta.height ?? 0,
    // scanimage tags its PNGs with the resolution it really used
    dpi: meta.density ?? dpi,
    quality,
    thumbnail,
  };
};
