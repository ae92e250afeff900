import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { kioskError } from '../../common/errors.js';
import type { KioskError } from '../../common/errors.js';
import { err, ok } from '../../common/result.js';
import type { Result } from '../../common/result.js';
import type { BackendScanRequest, BackendScanResult, ScannerBackend } from '../scanner/scan-types.js';
import { simPagePng } from './scanner-sim-page.js';

// A scanner for machines without SANE (config `kind: 'simulator'`). It behaves like SANE's
// test backend through the same backend interface: pages land one by one as files, the
// feeder runs out (10 sheets by default, like the test backend), and it can be told to jam,
// hang or be absent, so the adapter's error paths are the same with or without SANE.

export type ScannerSimFault = 'jam' | 'hang' | 'absent' | 'busy';

export interface ScannerSimOptions {
  /** sheets in the feeder; each feeder page takes one */
  feederSheets?: number;
  /** how long one page takes; cancel tests need it above zero */
  pageDelayMs?: number;
  /** page numbers (1-based, within a scan) that come out blank */
  blankPages?: readonly number[];
  fault?: ScannerSimFault;
  /** with fault `jam`: the pages that come through before the jam */
  jamAfterPages?: number;
  /** a hung scan fails with DeviceTimeout after this long, as the SANE runner's deadline does */
  timeoutMs?: number;
}

const DEVICE = 'simulator:0';

export class ScannerSimulator implements ScannerBackend {
  readonly implementation = 'simulator' as const;
  readonly describe = 'simulator';
  #feeder: number;
  #fault: ScannerSimFault | undefined;
  readonly #opts: ScannerSimOptions;

  constructor(opts: ScannerSimOptions = {}) {
    this.#opts = opts;
    this.#feeder = opts.feederSheets ?? 10;
    this.#fault = opts.fault;
  }

  /** Puts `sheets` into the feeder (it holds only what was loaded last). */
  loadFeeder(sheets: number): void {
    this.#feeder = sheets;
  }

  feederSheets(): number {
    return this.#feeder;
  }

  setFault(fault: ScannerSimFault | undefined): void {
    this.#fault = fault;
  }

  device(): string {
    return this.#fault === 'absent' ? '' : DEVICE;
  }

  async listDevices(): Promise<Result<string[], KioskError>> {
    return ok(this.#fault === 'absent' ? [] : [DEVICE]);
  }

  async scan(req: BackendScanRequest): Promise<Result<BackendScanResult, KioskError>> {
    if (this.#fault === 'absent') return err(kioskError('NoDevice', `open of device ${DEVICE} failed: no simulated scanner`));
    if (this.#fault === 'busy') return err(kioskError('DeviceBusy', `${DEVICE}: device busy`));
    const wanted = req.source === 'flatbed' ? 1 : (req.maxPages ?? Infinity);
    const files: string[] = [];
    while (files.length < wanted) {
      if (req.source === 'feeder' && this.#feeder <= 0) {
        return files.length > 0 ? ok({ files, feederEmpty: true }) : err(kioskError('FeederEmpty', `${DEVICE}: document feeder out of documents`));
      }
      const waited = await this.#wait(this.#fault === 'hang' ? (this.#opts.timeoutMs ?? 60_000) : (this.#opts.pageDelayMs ?? 20), req.signal);
      if (waited === 'aborted') return err(kioskError('Cancelled', `${DEVICE}: cancelled after ${files.length} page(s)`));
      if (this.#fault === 'hang') return err(kioskError('DeviceTimeout', `${DEVICE}: no page within ${this.#opts.timeoutMs ?? 60_000} ms`));
      if (this.#fault === 'jam' && files.length >= (this.#opts.jamAfterPages ?? 0)) {
        return err(kioskError('ScanJam', `${DEVICE}: document feeder jammed after ${files.length} page(s)`));
      }
      const index = files.length + 1;
      const file = join(req.dir, `page${index}.png`);
      await writeFile(file, await simPagePng({ dpi: req.dpi, pageNumber: index, blank: this.#opts.blankPages?.includes(index) ?? false }));
      if (req.source === 'feeder') this.#feeder--;
      files.push(file);
      req.onPageFile?.(file, index);
    }
    return ok({ files, feederEmpty: false });
  }

  #wait(ms: number, signal: AbortSignal | undefined): Promise<'elapsed' | 'aborted'> {
    if (signal?.aborted) return Promise.resolve('aborted');
    return new Promise((resolve) => {
      const onAbort = (): void => {
        clearTimeout(timer);
        resolve('aborted');
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve('elapsed');
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
