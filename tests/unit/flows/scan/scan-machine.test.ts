import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor, type SnapshotFrom } from 'xstate';
import type { DossierComponent } from '../../../../common/catalog/catalog-schema.js';
import type { ErrorKind } from '../../../../common/errors.js';
import type { ComponentPages } from '../../../../common/kiosk-api/contract.js';
import {
  batchSize,
  minPages,
  pagesOnScreen,
  scanMachine,
  type RemovePageInput,
  type ScanPagesInput,
} from '../../../../renderer/flows/scan/scan-machine.js';
import type { ScanStepInput } from '../../../../renderer/flows/step-types.js';
import { FakeScanner, type Sheet } from './fake-scanner.js';

const sessionId = 'session-000000000001';
const declaration: DossierComponent = {
  id: 'to-khai',
  name: { vi: 'Tờ khai đăng ký kết hôn', en: 'Marriage registration form' },
  required: true,
  pages: { min: 2, max: 3 },
};
const optional: DossierComponent = {
  id: 'giay-uy-quyen',
  name: { vi: 'Giấy ủy quyền', en: 'Power of attorney' },
  required: false,
  pages: { min: 1, max: 2 },
};
const onePage: DossierComponent = { id: 'anh', name: { vi: 'Ảnh', en: 'Photo' }, required: true, pages: { min: 1, max: 1 } };

const sheets = (n: number, flags: Sheet = {}): Sheet[] => Array.from({ length: n }, () => ({ ...flags }));

/** The scan step over a scanner that behaves like the core's, its page events routed back in. */
const start = (component: DossierComponent = declaration, input: Partial<ScanStepInput> = {}) => {
  const scanner = new FakeScanner((componentId, page) => actor.send({ type: 'core.scanPage', sessionId, componentId, page }));
  const actor = createActor(
    scanMachine.provide({
      actors: {
        scanPages: fromPromise<ComponentPages, ScanPagesInput>(({ input }) => scanner.scan(input)),
        removePage: fromPromise<ComponentPages, RemovePageInput>(({ input }) => scanner.removePage(input)),
      },
    }),
    { input: { sessionId, component, pages: [], devices: [], ...input } },
  );
  actor.start();
  const until = (state: Parameters<SnapshotFrom<typeof scanMachine>['matches']>[0]) => waitFor(actor, (s) => s.matches(state), { timeout: 1000 });
  return { actor, scanner, until };
};

describe('scan step: scanning pages', () => {
  it('starts ready with what the component expects, on the feeder for a paper of several pages', () => {
    const { actor } = start();
    const s = actor.getSnapshot();
    expect(s.value).toBe('ready');
    expect(s.context.source).toBe('feeder');
    expect(s.context.pages).toEqual([]);
    expect(minPages(declaration)).toBe(2);
    expect(start(onePage).actor.getSnapshot().context.source).toBe('flatbed');
  });

  it('shows each page as the core announces it, then keeps what scan.pages answered', async () => {
    const { actor, scanner, until } = start();
    scanner.feeder = sheets(3);
    let release!: () => void;
    scanner.gate = new Promise<void>((r) => (release = r));

    actor.send({ type: 'scan.start' });
    expect(actor.getSnapshot().value).toBe('scanning');
    // the whole batch the component still expects, from the feeder
    expect(scanner.asked[0]).toEqual({ sessionId, componentId: 'to-khai', source: 'feeder', maxPages: 3 });
    await waitFor(actor, (s) => s.context.live.length === 3, { timeout: 1000 });
    expect(actor.getSnapshot().value).toBe('scanning');
    expect(pagesOnScreen(actor.getSnapshot().context).map((p) => p.index)).toEqual([1, 2, 3]);

    release();
    await until('ready');
    const c = actor.getSnapshot().context;
    expect(c.pages.map((p) => p.index)).toEqual([1, 2, 3]);
    expect(c.live).toEqual([]);
    expect(c.feederEmpty).toBe(false);
  });

  it('ignores page events of another component or another session', async () => {
    const { actor, scanner } = start();
    scanner.feeder = sheets(1);
    scanner.gate = new Promise<void>(() => undefined);
    actor.send({ type: 'scan.start' });
    await waitFor(actor, (s) => s.context.live.length === 1, { timeout: 1000 });
    const page = { index: 9, thumbnail: 'data:,', blank: false, tooDark: false, tooLight: false };
    actor.send({ type: 'core.scanPage', sessionId, componentId: 'other', page });
    actor.send({ type: 'core.scanPage', sessionId: 'session-000000000002', componentId: 'to-khai', page });
    expect(actor.getSnapshot().context.live.map((p) => p.index)).toEqual([1]);
  });

  it('says the feeder ran out, then adds the remaining pages after the first ones', async () => {
    const { actor, scanner, until } = start();
    scanner.feeder = sheets(1);
    actor.send({ type: 'scan.start' });
    await until('ready');
    expect(actor.getSnapshot().context.feederEmpty).toBe(true);
    expect(actor.getSnapshot().context.pages).toHaveLength(1);

    scanner.feeder = sheets(2);
    actor.send({ type: 'scan.start' });
    // only what is still missing
    expect(scanner.asked[1]).toMatchObject({ source: 'feeder', maxPages: 2 });
    await until('ready');
    const c = actor.getSnapshot().context;
    expect(c.feederEmpty).toBe(false);
    expect(c.pages.map((p) => p.index)).toEqual([1, 2, 3]);
  });

  it('adds pages one by one from the glass', async () => {
    const { actor, scanner, until } = start();
    actor.send({ type: 'scan.setSource', source: 'flatbed' });
    actor.send({ type: 'scan.start' });
    await until('ready');
    actor.send({ type: 'scan.start' });
    await until('ready');
    expect(scanner.asked.map((a) => a.source)).toEqual(['flatbed', 'flatbed']);
    expect(scanner.asked[0]).not.toHaveProperty('maxPages');
    expect(actor.getSnapshot().context.pages).toHaveLength(2);
  });

  it('asks a whole batch again once the expected pages are in', () => {
    expect(batchSize(declaration, 0)).toBe(3);
    expect(batchSize(declaration, 2)).toBe(1);
    expect(batchSize(declaration, 3)).toBe(3);
    expect(batchSize({ ...declaration, pages: { min: 1, max: 50 } }, 0)).toBe(50);
  });
});

describe('scan step: retake and remove', () => {
  const twoScanned = async (flags: Sheet[] = [{}, {}]) => {
    const k = start();
    k.scanner.feeder = flags;
    k.actor.send({ type: 'scan.start' });
    await k.until('ready');
    return k;
  };

  it('retakes a blank page from the glass once the resident has placed it', async () => {
    const { actor, scanner, until } = await twoScanned([{}, { blank: true }]);
    const before = actor.getSnapshot().context.pages;
    expect(before[1]?.blank).toBe(true);

    actor.send({ type: 'scan.retake', index: 2 });
    // nothing scans until the page is on the glass and the resident says so
    expect(actor.getSnapshot().value).toBe('placing');
    expect(scanner.asked).toHaveLength(1);
    scanner.glass = {};
    actor.send({ type: 'scan.start' });
    expect(scanner.asked[1]).toEqual({ sessionId, componentId: 'to-khai', source: 'flatbed', replaceIndex: 2 });
    await until('ready');
    const after = actor.getSnapshot().context.pages;
    expect(after).toHaveLength(2);
    expect(after[1]?.blank).toBe(false);
    expect(after[1]?.thumbnail).not.toBe(before[1]?.thumbnail);
    expect(after[0]?.thumbnail).toBe(before[0]?.thumbnail);
  });

  it('shows the retaken page in its place while it scans', async () => {
    const { actor, scanner } = await twoScanned();
    scanner.gate = new Promise<void>(() => undefined);
    actor.send({ type: 'scan.retake', index: 1 });
    actor.send({ type: 'scan.start' });
    await waitFor(actor, (s) => s.context.live.length === 1, { timeout: 1000 });
    const shown = pagesOnScreen(actor.getSnapshot().context);
    expect(shown.map((p) => p.index)).toEqual([1, 2]);
    expect(shown[0]?.thumbnail).toBe(actor.getSnapshot().context.live[0]?.thumbnail);
  });

  it('cancels a retake before it starts', async () => {
    const { actor, scanner } = await twoScanned();
    actor.send({ type: 'scan.retake', index: 1 });
    actor.send({ type: 'scan.dismiss' });
    expect(actor.getSnapshot().value).toBe('ready');
    expect(actor.getSnapshot().context.request).toBeNull();
    expect(scanner.asked).toHaveLength(1);
  });

  it('removes a page and shows the pages renumbered', async () => {
    const { actor, until } = await twoScanned([{ tooDark: true }, {}]);
    actor.send({ type: 'scan.remove', index: 1 });
    expect(actor.getSnapshot().value).toBe('removing');
    await until('ready');
    const pages = actor.getSnapshot().context.pages;
    expect(pages.map((p) => [p.index, p.tooDark])).toEqual([[1, false]]);
  });

  it('refuses to retake or remove a page that is not there', async () => {
    const { actor } = await twoScanned();
    expect(actor.getSnapshot().can({ type: 'scan.retake', index: 3 })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'scan.remove', index: 0 })).toBe(false);
  });
});

describe('scan step: device failures', () => {
  it.each<ErrorKind>(['FeederEmpty', 'ScanJam', 'CoverOpen', 'DeviceOffline', 'DeviceTimeout', 'DeviceBusy'])(
    '%s: says so, and Retry scans again',
    async (kind) => {
      const { actor, scanner, until } = start();
      scanner.faults.push(kind);
      scanner.feeder = sheets(2);
      actor.send({ type: 'scan.start' });
      await until('failed');
      expect(actor.getSnapshot().context.error?.kind).toBe(kind);
      expect(actor.getSnapshot().can({ type: 'scan.done' })).toBe(false);

      actor.send({ type: 'scan.retry' });
      expect(actor.getSnapshot().value).toBe('scanning');
      await until('ready');
      expect(actor.getSnapshot().context.error).toBeNull();
      expect(actor.getSnapshot().context.pages).toHaveLength(2);
      expect(scanner.asked[1]).toEqual(scanner.asked[0]);
    },
  );

  it('an empty feeder: the resident loads it and tries again', async () => {
    const { actor, scanner, until } = start();
    actor.send({ type: 'scan.start' });
    await until('failed');
    expect(actor.getSnapshot().context.error?.kind).toBe('FeederEmpty');
    scanner.feeder = sheets(2);
    actor.send({ type: 'scan.retry' });
    await until('ready');
    expect(actor.getSnapshot().context.pages).toHaveLength(2);
  });

  it('retries a removal that failed, and can close the message instead', async () => {
    const { actor, scanner, until } = start();
    scanner.feeder = sheets(2);
    actor.send({ type: 'scan.start' });
    await until('ready');
    scanner.faults.push('Internal');
    actor.send({ type: 'scan.remove', index: 2 });
    await until('failed');
    actor.send({ type: 'scan.retry' });
    expect(actor.getSnapshot().value).toBe('removing');
    await until('ready');
    expect(actor.getSnapshot().context.pages).toHaveLength(1);

    scanner.faults.push('DeviceBusy');
    actor.send({ type: 'scan.start' });
    await until('failed');
    actor.send({ type: 'scan.dismiss' });
    expect(actor.getSnapshot().value).toBe('ready');
    expect(actor.getSnapshot().context.error).toBeNull();
  });

  it('a scanner without a feeder: switches to the glass and retries there', async () => {
    const { actor, scanner, until } = start();
    scanner.faults.push('NotAvailable');
    actor.send({ type: 'scan.start' });
    await until('failed');
    expect(actor.getSnapshot().context.source).toBe('flatbed');
    actor.send({ type: 'scan.retry' });
    await until('ready');
    expect(scanner.asked[1]?.source).toBe('flatbed');
    expect(actor.getSnapshot().context.pages).toHaveLength(1);
  });

  it('keeps the device status the submit flow forwards', () => {
    const { actor } = start();
    const devices = [{ id: 'scanner' as const, state: 'userError' as const, implementation: 'simulator' as const, since: '2026-01-05T02:00:00.000Z' }];
    actor.send({ type: 'core.deviceStatus', devices });
    expect(actor.getSnapshot().context.devices).toEqual(devices);
  });
});

describe('scan step: leaving', () => {
  it('Done only with the minimum pages, then hands the pages on', async () => {
    const { actor, scanner, until } = start();
    scanner.feeder = sheets(1);
    actor.send({ type: 'scan.start' });
    await until('ready');
    expect(actor.getSnapshot().can({ type: 'scan.done' })).toBe(false);
    actor.send({ type: 'scan.done' });
    expect(actor.getSnapshot().value).toBe('ready');

    scanner.feeder = sheets(1);
    actor.send({ type: 'scan.start' });
    await until('ready');
    actor.send({ type: 'scan.done' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toEqual({ result: 'done', pages: actor.getSnapshot().context.pages });
    expect(actor.getSnapshot().output?.pages).toHaveLength(2);
  });

  it('a required paper needs a page even when the catalog says 0', () => {
    expect(minPages({ ...declaration, pages: { min: 0, max: 2 } })).toBe(1);
    expect(minPages({ ...optional, pages: { min: 0, max: 2 } })).toBe(0);
  });

  it('skips an optional paper with no page: done with none', () => {
    const { actor } = start(optional);
    actor.send({ type: 'scan.skip' });
    expect(actor.getSnapshot().output).toEqual({ result: 'done', pages: [] });
  });

  it('does not skip a required paper, nor one with pages already scanned', async () => {
    expect(start().actor.getSnapshot().can({ type: 'scan.skip' })).toBe(false);
    const { actor, scanner, until } = start(optional);
    scanner.feeder = sheets(1);
    actor.send({ type: 'scan.start' });
    await until('ready');
    expect(actor.getSnapshot().can({ type: 'scan.skip' })).toBe(false);
  });

  it('Back hands back the pages as they are, coming from review with pages', () => {
    const pages = [{ index: 1, thumbnail: 'data:,', blank: false, tooDark: false, tooLight: false }];
    const { actor } = start(declaration, { pages });
    actor.send({ type: 'scan.back' });
    expect(actor.getSnapshot().output).toEqual({ result: 'back', pages });
  });

  it('Back works from an error too, but not while the scanner runs', async () => {
    const { actor, scanner } = start();
    scanner.gate = new Promise<void>(() => undefined);
    scanner.feeder = sheets(1);
    actor.send({ type: 'scan.start' });
    expect(actor.getSnapshot().can({ type: 'scan.back' })).toBe(false);

    const second = start();
    second.scanner.faults.push('ScanJam');
    second.actor.send({ type: 'scan.start' });
    await second.until('failed');
    second.actor.send({ type: 'scan.back' });
    expect(second.actor.getSnapshot().output).toEqual({ result: 'back', pages: [] });
  });
});
