import { kioskError, type ErrorKind } from '../../../../common/errors.js';
import type { ComponentPages, PageView } from '../../../../common/kiosk-api/contract.js';
import type { RemovePageInput, ScanPagesInput } from '../../../../renderer/flows/scan/scan-machine.js';

/** What the paper looks like to the scanner: each sheet's quality flags. */
export interface Sheet {
  blank?: boolean;
  tooDark?: boolean;
  tooLight?: boolean;
}

/**
 * The core's side of `scan.pages` / `scan.removePage` as main/sessions/session-documents.ts
 * behaves: pages kept per component, a batch appends, a retake replaces one page from the
 * glass, a removal renumbers; the feeder holds sheets and runs out; one `onPage` per page
 * while a scan runs. Faults are queued by kind and hit the next scan.
 */
export class FakeScanner {
  readonly components = new Map<string, Sheet[]>();
  /** sheets waiting in the feeder */
  feeder: Sheet[] = [];
  /** the sheet lying on the glass (an empty glass scans as a blank page) */
  glass: Sheet = {};
  readonly faults: ErrorKind[] = [];
  /** each `scan.pages` call's arguments */
  readonly asked: ScanPagesInput[] = [];
  /** while set, a scan has sent its pages but does not answer yet (progress on screen) */
  gate: Promise<void> | null = null;
  readonly #ids = new WeakMap<Sheet, number>();
  #serial = 0;

  constructor(private readonly onPage: (componentId: string, page: PageView) => void = () => undefined) {}

  view(sheet: Sheet, index: number): PageView {
    return {
      index,
      // one data URL per scanned sheet, like a real thumbnail
      thumbnail: `data:image/jpeg;base64,${Buffer.from(`sheet-${this.#idOf(sheet)}`).toString('base64')}`,
      blank: sheet.blank ?? false,
      tooDark: sheet.tooDark ?? false,
      tooLight: sheet.tooLight ?? false,
    };
  }

  #idOf(sheet: Sheet): number {
    let id = this.#ids.get(sheet);
    if (id === undefined) this.#ids.set(sheet, (id = ++this.#serial));
    return id;
  }

  async scan(ask: ScanPagesInput): Promise<ComponentPages> {
    this.asked.push(ask);
    const fault = this.faults.shift();
    if (fault) throw kioskError(fault, `simulated ${fault}`);
    const pages = [...(this.components.get(ask.componentId) ?? [])];
    if (ask.replaceIndex !== undefined) {
      if (ask.replaceIndex > pages.length) throw kioskError('InvalidArguments', 'no such page');
      // every scan makes a new image, even of the same sheet
      const sheet = { ...this.glass };
      pages[ask.replaceIndex - 1] = sheet;
      this.onPage(ask.componentId, this.view(sheet, ask.replaceIndex));
      if (this.gate) await this.gate;
      this.components.set(ask.componentId, pages);
      return this.answer(ask.componentId, false);
    }
    const wanted = ask.source === 'flatbed' ? 1 : (ask.maxPages ?? Infinity);
    const batch: Sheet[] = [];
    if (ask.source === 'flatbed') batch.push({ ...this.glass });
    else while (batch.length < wanted && this.feeder.length > 0) batch.push({ ...(this.feeder.shift() as Sheet) });
    if (batch.length === 0) throw kioskError('FeederEmpty', 'the feeder is empty');
    for (const sheet of batch) {
      pages.push(sheet);
      this.onPage(ask.componentId, this.view(sheet, pages.length));
    }
    if (this.gate) await this.gate;
    this.components.set(ask.componentId, pages);
    return this.answer(ask.componentId, ask.source === 'feeder' && batch.length < wanted);
  }

  async removePage(ask: RemovePageInput): Promise<ComponentPages> {
    const fault = this.faults.shift();
    if (fault) throw kioskError(fault, `simulated ${fault}`);
    const pages = this.components.get(ask.componentId) ?? [];
    if (ask.index < 1 || ask.index > pages.length) throw kioskError('InvalidArguments', 'no such page');
    this.components.set(
      ask.componentId,
      pages.filter((_, i) => i !== ask.index - 1),
    );
    return this.answer(ask.componentId, false);
  }

  answer(componentId: string, feederEmpty: boolean): ComponentPages {
    return { componentId, pages: (this.components.get(componentId) ?? []).map((s, i) => this.view(s, i + 1)), feederEmpty };
  }
}
