import { join } from 'node:path';
import { kioskError } from '../../common/errors.js';
import type { KioskError } from '../../common/errors.js';
import { err, ok } from '../../common/result.js';
import type { Result } from '../../common/result.js';
import type { ScanimageOutcome } from './scanimage-runner.js';
import { runScanimage, startScanimage } from './scanimage-runner.js';
import { classifyScanimageFailure, feederRanOut, lastSaneMessage } from './sane-status.js';
import type { SaneDevice, SaneDeviceOptions } from './sane-options.js';
import { DEVICE_LIST_FORMAT, greyMode, nearestResolution, parseDeviceList, parseDeviceOptions, sourceFor } from './sane-options.js';
import type { BackendScanRequest, BackendScanResult, ScannerBackend } from './scan-types.js';

// The real scanner through SANE's `scanimage`. Every scan is a batch (`--batch=DIR/page%d.png
// --batch-print`): scanimage writes each page to a `.part` file, renames it when complete and
// only then prints its name on stdout, so a printed line is a finished page.

export interface SaneScannerOptions {
  /** the configured device (`test:0`, `epson2:libusb:001:004`); absent = the first listed */
  device?: string;
  /** no page for this long (from the start or since the last page) = DeviceTimeout */
  timeoutSeconds: number;
  binary?: string;
  saneConfigDir?: string;
  killGraceMs?: number;
  /** once the last asked-for page is in, how long scanimage may take to exit before it is killed */
  exitGraceMs?: number;
  /** extra scanimage arguments, e.g. the test backend's `--test-picture Grid` */
  extraArgs?: readonly string[];
  /** the scan area wanted; clamped to what the device allows (A4 by default) */
  pageWidthMm?: number;
  pageHeightMm?: number;
}

const LIST_TIMEOUT_MS = 20_000;
const OPTIONS_TIMEOUT_MS = 15_000;
const DEFAULT_EXIT_GRACE_MS = 3000;

const failure = (o: ScanimageOutcome, what: string, timeoutMs: number): KioskError => {
  if (o.end === 'spawnError') return kioskError('NoDevice', `${what}: scanimage could not be started (${o.spawnError ?? 'unknown'}); is sane-utils installed?`);
  if (o.end === 'timeout') return kioskError('DeviceTimeout', `${what}: scanimage did not finish within ${timeoutMs} ms; its process group was killed`);
  if (o.end === 'cancelled') return kioskError('Cancelled', `${what}: cancelled`);
  return kioskError(classifyScanimageFailure(o.stderr, o.exitCode), `${what}: ${lastSaneMessage(o.stderr) || `exit code ${o.exitCode}`}`);
};

export class SaneScanner implements ScannerBackend {
  readonly implementation = 'real' as const;
  readonly #opts: SaneScannerOptions;
  readonly #optionsCache = new Map<string, SaneDeviceOptions>();
  #device: string | undefined;

  constructor(opts: SaneScannerOptions) {
    this.#opts = opts;
    this.#device = opts.device;
  }

  get describe(): string {
    return `sane:${this.#device ?? '(first device)'}`;
  }

  device(): string {
    return this.#device ?? '';
  }

  #run(args: string[], timeoutMs: number): Promise<ScanimageOutcome> {
    return runScanimage({ args, timeoutMs, ...this.#common() });
  }

  #common() {
    return {
      ...(this.#opts.binary ? { binary: this.#opts.binary } : {}),
      ...(this.#opts.saneConfigDir ? { saneConfigDir: this.#opts.saneConfigDir } : {}),
      ...(this.#opts.killGraceMs !== undefined ? { killGraceMs: this.#opts.killGraceMs } : {}),
    };
  }

  async listSaneDevices(): Promise<Result<SaneDevice[], KioskError>> {
    const o = await this.#run(['-f', DEVICE_LIST_FORMAT], LIST_TIMEOUT_MS);
    if (o.end !== 'exited' || o.exitCode !== 0) return err(failure(o, 'listing scanners', LIST_TIMEOUT_MS));
    return ok(parseDeviceList(o.stdout));
  }

  async listDevices(): Promise<Result<string[], KioskError>> {
    const r = await this.listSaneDevices();
    return r.ok ? ok(r.value.map((d) => d.name)) : r;
  }

  /** The configured device, or the first one listed when none is configured. */
  async resolveDevice(): Promise<Result<string, KioskError>> {
    if (this.#device) return ok(this.#device);
    const r = await this.listSaneDevices();
    if (!r.ok) return r;
    const first = r.value[0];
    if (!first) return err(kioskError('NoDevice', 'no SANE device found'));
    this.#device = first.name;
    return ok(first.name);
  }

  async options(device?: string): Promise<Result<SaneDeviceOptions, KioskError>> {
    const dev = device !== undefined ? ok(device) : await this.resolveDevice();
    if (!dev.ok) return dev;
    const name = dev.value;
    const cached = this.#optionsCache.get(name);
    if (cached) return ok(cached);
    const o = await this.#run(['-d', name, '-A'], OPTIONS_TIMEOUT_MS);
    if (o.end !== 'exited' || o.exitCode !== 0) return err(failure(o, `reading options of ${name}`, OPTIONS_TIMEOUT_MS));
    const parsed = parseDeviceOptions(o.stdout);
    this.#optionsCache.set(name, parsed);
    return ok(parsed);
  }

  async scan(req: BackendScanRequest): Promise<Result<BackendScanResult, KioskError>> {
    const dev = await this.resolveDevice();
    if (!dev.ok) return dev;
    const optsR = await this.options(dev.value);
    if (!optsR.ok) return optsR;
    const args = this.#scanArgs(dev.value, optsR.value, req);
    if (!args.ok) return args;

    const timeoutMs = this.#opts.timeoutSeconds * 1000;
    const wanted = req.source === 'flatbed' ? 1 : req.maxPages;
    const files: string[] = [];
    let allIn = false;
    const run = startScanimage({
      args: args.value,
      timeoutMs,
      ...this.#common(),
      ...(req.signal ? { signal: req.signal } : {}),
      onStdoutLine: (line) => {
        if (!line.startsWith(req.dir)) return;
        files.push(line);
        req.onPageFile?.(line, files.length);
        allIn = wanted !== undefined && files.length >= wanted;
        // each page restarts the clock; after the last one only a short exit is allowed,
        // because scanimage can hang at exit with every page already on disk
        run.extendDeadline(allIn ? (this.#opts.exitGraceMs ?? DEFAULT_EXIT_GRACE_MS) : timeoutMs);
      },
    });
    const o = await run.done;

    if (o.end === 'timeout' && allIn) return ok({ files, feederEmpty: false });
    if (o.end !== 'exited') return err(failure(o, `scanning on ${dev.value}`, timeoutMs));
    const ranOut = req.source === 'feeder' && feederRanOut(o.stderr);
    if (ranOut) {
      return files.length > 0 ? ok({ files, feederEmpty: true }) : err(kioskError('FeederEmpty', `scanning on ${dev.value}: the feeder is empty`));
    }
    if (o.exitCode !== 0) return err(failure(o, `scanning on ${dev.value} after ${files.length} page(s)`, timeoutMs));
    if (files.length === 0) return err(kioskError('Internal', `scanning on ${dev.value}: scanimage exited 0 without a page`));
    return ok({ files, feederEmpty: false });
  }

  #scanArgs(device: string, o: SaneDeviceOptions, req: BackendScanRequest): Result<string[], KioskError> {
    const args = ['-d', device, '--format=png'];
    const mode = greyMode(o.modes);
    if (mode) args.push('--mode', mode);
    if (o.resolutions) args.push('--resolution', String(nearestResolution(o.resolutions, req.dpi)));
    const source = sourceFor(o.sources, req.source);
    if (source) args.push('--source', source.name);
    else if (req.source === 'feeder') return err(kioskError('NotAvailable', `${device} has no document feeder (sources: ${o.sources.map((s) => s.name).join(', ') || 'none'})`));
    if (o.maxWidthMm !== undefined) args.push('-x', String(Math.min(o.maxWidthMm, this.#opts.pageWidthMm ?? 210)));
    if (o.maxHeightMm !== undefined) args.push('-y', String(Math.min(o.maxHeightMm, this.#opts.pageHeightMm ?? 297)));
    args.push(`--batch=${join(req.dir, 'page%d.png')}`, '--batch-print');
    const count = req.source === 'flatbed' ? 1 : req.maxPages;
    if (count !== undefined) args.push(`--batch-count=${count}`);
    args.push(...(this.#opts.extraArgs ?? []));
    return ok(args);
  }
}
