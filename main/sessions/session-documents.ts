import type { KioskError } from '../../common/errors.js';
import { kioskError } from '../../common/errors.js';
import type { ComponentPages, PageView } from '../../common/kiosk-api/contract.js';
import { err, ok, type Result } from '../../common/result.js';
import type { ScannerAdapter } from '../../hardware/scanner/scanner-adapter.js';
import type { ScannedPage, ScanSource } from '../../hardware/scanner/scan-types.js';
import { thumbnailDataUrl } from '../../hardware/scanner/thumbnails.js';

export interface ScanAsk {
  source: ScanSource;
  maxPages?: number;
  /** retake: scan one page and put it in place of this 1-based page */
  replaceIndex?: number;
}

const view = (p: ScannedPage, index: number): PageView => ({
  index,
  thumbnail: thumbnailDataUrl(p.thumbnail),
  blank: p.quality.blank,
  tooDark: p.quality.tooDark,
  tooLight: p.quality.tooLight,
});

/**
 * The pages a resident has scanned in this session, per dossier component. They are PII: they
 * live only in the session's scan folders and are removed when the session ends or times out.
 */
export class SessionDocuments {
  readonly #components = new Map<string, ScannedPage[]>();
  readonly #dirs = new Set<string>();
  #sessionId: string | null = null;

  constructor(private readonly scanner: () => ScannerAdapter | null) {}

  async scan(sessionId: string, componentId: string, ask: ScanAsk, onPage?: (page: PageView) => void): Promise<Result<ComponentPages, KioskError>> {
    const scanner = this.scanner();
    if (!scanner) return err(kioskError('NoDevice', 'this kiosk has no scanner'));
    await this.#own(sessionId);
    const existing = this.#components.get(componentId) ?? [];
    if (ask.replaceIndex !== undefined && (ask.replaceIndex < 1 || ask.replaceIndex > existing.length)) {
      return err(kioskError('InvalidArguments', `no page ${ask.replaceIndex} to retake`, { issues: [{ path: 'replaceIndex', rule: `must be 1 to ${existing.length}` }] }));
    }
    const base = ask.replaceIndex ?? existing.length;
    const r = await scanner.scan({
      source: ask.replaceIndex !== undefined ? 'flatbed' : ask.source,
      ...(ask.replaceIndex !== undefined ? { maxPages: 1 } : ask.maxPages !== undefined ? { maxPages: ask.maxPages } : {}),
      onPage: (p) => onPage?.(view(p, ask.replaceIndex ?? base + p.index)),
    });
    if (!r.ok) return r;
    this.#dirs.add(r.value.dir);
    // a session that ended while the scanner ran must not keep the pages it produced
    if (this.#sessionId !== sessionId) {
      await scanner.discard(r.value);
      return err(kioskError('SessionNotFound', 'the session ended during the scan'));
    }
    const pages = [...existing];
    if (ask.replaceIndex !== undefined && r.value.pages[0]) pages[ask.replaceIndex - 1] = r.value.pages[0];
    else pages.push(...r.value.pages);
    this.#components.set(componentId, pages);
    return ok(this.#view(componentId, r.value.feederEmpty));
  }

  removePage(sessionId: string, componentId: string, index: number): Result<ComponentPages, KioskError> {
    if (this.#sessionId !== sessionId) return err(kioskError('SessionNotFound', 'no pages for this session'));
    const pages = this.#components.get(componentId) ?? [];
    if (index < 1 || index > pages.length) return err(kioskError('InvalidArguments', `no page ${index}`, { issues: [{ path: 'index', rule: `must be 1 to ${pages.length}` }] }));
    this.#components.set(componentId, pages.filter((_, i) => i !== index - 1));
    return ok(this.#view(componentId, false));
  }

  /** The scanned pages of each component, for building the dossier's PDFs. */
  pagesOf(sessionId: string, componentId: string): readonly ScannedPage[] {
    return this.#sessionId === sessionId ? (this.#components.get(componentId) ?? []) : [];
  }

  /** Deletes every page file of the session (end, timeout, or another session starting). */
  async wipe(): Promise<void> {
    const scanner = this.scanner();
    const dirs = [...this.#dirs];
    this.#dirs.clear();
    this.#components.clear();
    this.#sessionId = null;
    if (scanner) await Promise.all(dirs.map((dir) => scanner.discard({ dir })));
  }

  async #own(sessionId: string): Promise<void> {
    if (this.#sessionId !== sessionId) {
      await this.wipe();
      this.#sessionId = sessionId;
    }
  }

  #view(componentId: string, feederEmpty: boolean): ComponentPages {
    return { componentId, pages: (this.#components.get(componentId) ?? []).map((p, i) => view(p, i + 1)), feederEmpty };
  }
}
