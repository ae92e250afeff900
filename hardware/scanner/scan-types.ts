import type { KioskError } from '../../common/errors.js';
import type { Result } from '../../common/result.js';
import type { PageQuality } from './page-quality.js';
import type { Thumbnail } from './thumbnails.js';

// What a scanner backend (SANE or the simulator) does, and what the adapter hands on.

export type ScanSource = 'flatbed' | 'feeder';

export interface BackendScanRequest {
  source: ScanSource;
  /** feeder: stop after this many pages; absent = until the feeder is empty. Flatbed: always 1 */
  maxPages?: number;
  /** where page files go (`page1.png`, `page2.png`…); the adapter owns and removes it */
  dir: string;
  dpi: number;
  signal?: AbortSignal;
  /** called once a page file is complete on disk, in page order */
  onPageFile?: (file: string, index: number) => void;
}

export interface BackendScanResult {
  files: string[];
  /**
   * The feeder ran out before `maxPages` (or, with no maximum, ended the batch). With at least
   * one page this is a result, not an error: the resident keeps the pages and is asked for
   * more. With zero pages the backend returns a `FeederEmpty` error instead.
   */
  feederEmpty: boolean;
}

export interface ScannerBackend {
  readonly implementation: 'real' | 'simulator';
  /** a short name for logs and diagnostics: `sane:test:0`, `simulator` */
  readonly describe: string;
  /** the devices it can see; an empty list is not an error */
  listDevices(): Promise<Result<string[], KioskError>>;
  /** the device the scans use, if the backend can see it */
  device(): string;
  scan(request: BackendScanRequest): Promise<Result<BackendScanResult, KioskError>>;
}

export interface ScannedPage {
  /** 1-based, in scan order */
  index: number;
  file: string;
  widthPx: number;
  heightPx: number;
  dpi: number;
  quality: PageQuality;
  thumbnail: Thumbnail;
}

export interface ScanRequest {
  source: ScanSource;
  maxPages?: number;
  signal?: AbortSignal;
  /** one event per page, as soon as it is scanned and checked */
  onPage?: (page: ScannedPage) => void;
}

export interface ScanOutcome {
  pages: ScannedPage[];
  /** see BackendScanResult.feederEmpty: prompt the resident to add the remaining pages */
  feederEmpty: boolean;
  /** the folder holding the page files; `ScannerAdapter.discard` removes it */
  dir: string;
}
