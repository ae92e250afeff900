import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeviceStatus } from '../../../common/domain/device-status.js';
import { SaneScanner } from '../../../hardware/scanner/sane-scanner.js';
import { ScannerAdapter } from '../../../hardware/scanner/scanner-adapter.js';
import { scannerFromConfig } from '../../../hardware/scanner/scanner-from-config.js';
import type { ScannedPage } from '../../../hardware/scanner/scan-types.js';
import { ScannerSimulator } from '../../../hardware/simulators/scanner-sim.js';
import { hangingScanimage, hasScanimage, makeSaneFixture } from './sane-fixture.js';
import type { SaneFixture } from './sane-fixture.js';

// One behaviour, two backends: the adapter over SANE's real test backend and over the
// simulator must give the same pages, events, statuses and errors.

type Condition = 'ok' | 'slow' | 'jam' | 'hang' | 'absent' | 'emptyFeeder';

let fx: SaneFixture;
beforeAll(() => {
  fx = makeSaneFixture();
});
afterAll(() => fx.cleanup());

const saneAdapter = (c: Condition): ScannerAdapter => {
  const picture = ['--test-picture', 'Grid'];
  const extra: Partial<Record<Condition, string[]>> = {
    slow: [...picture, '--read-delay=yes', '--read-delay-duration=200000'],
    jam: [...picture, '--read-return-value', 'SANE_STATUS_JAMMED'],
    emptyFeeder: [...picture, '--read-return-value', 'SANE_STATUS_NO_DOCS'],
  };
  const backend = new SaneScanner({
    device: c === 'absent' ? 'nosuch:0' : 'test:0',
    timeoutSeconds: c === 'hang' ? 1 : 20,
    killGraceMs: 200,
    saneConfigDir: fx.saneConfigDir,
    extraArgs: extra[c] ?? picture,
    ...(c === 'hang' ? { binary: hangingScanimage(fx, join(fx.root, 'adapter-hang.pid')) } : {}),
  });
  return new ScannerAdapter({ backend, dpi: 25, workRoot: join(fx.root, 'work'), selfTestDpi: 25 });
};

const simAdapter = (c: Condition): ScannerAdapter => {
  const fault = c === 'jam' || c === 'hang' || c === 'absent' ? c : undefined;
  const backend = new ScannerSimulator({
    feederSheets: c === 'emptyFeeder' ? 0 : 10,
    pageDelayMs: c === 'slow' ? 150 : 5,
    timeoutMs: 1000,
    blankPages: [2],
    ...(fault ? { fault } : {}),
  });
  return new ScannerAdapter({ backend, dpi: 25, workRoot: join(fx.root, 'work'), selfTestDpi: 25 });
};

const backends: [string, boolean, (c: Condition) => ScannerAdapter][] = [
  ['SANE test backend', !hasScanimage, saneAdapter],
  ['simulator', false, simAdapter],
];

describe.each(backends)('scanner adapter over the %s', (_name, skip, make) => {
  it.skipIf(skip)('starts online and scans one flatbed page with size, quality and thumbnail', async () => {
    const a = make('ok');
    await a.start();
    expect(a.status()).toMatchObject({ id: 'scanner', state: 'online' });
    const events: ScannedPage[] = [];
    const r = await a.scan({ source: 'flatbed', onPage: (p) => events.push(p) });
    if (!r.ok) throw new Error(r.error.message);
    const [page] = r.value.pages;
    expect(r.value.pages).toHaveLength(1);
    expect(events).toEqual(r.value.pages);
    expect(page).toMatchObject({ index: 1, dpi: 25, quality: { blank: false, tooDark: false, tooLight: false }, thumbnail: { mime: 'image/jpeg' } });
    expect(page?.widthPx).toBeGreaterThan(150);
    expect(existsSync(page?.file ?? '')).toBe(true);
    expect(a.counters()).toMatchObject({ scans: 1, pagesScanned: 1, scanErrors: 0 });
    await a.discard(r.value);
    expect(existsSync(r.value.dir)).toBe(false);
  });

  it.skipIf(skip)('feeder: 12 asked, 10 sheets → 10 pages, one event each, feederEmpty; then a PDF of 10 pages', async () => {
    const a = make('ok');
    const events: number[] = [];
    const r = await a.scan({ source: 'feeder', maxPages: 12, onPage: (p) => events.push(p.index) });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.pages).toHaveLength(10);
    expect(r.value.feederEmpty).toBe(true);
    expect(events).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const pdf = await a.toPdf(r.value.pages);
    if (!pdf.ok) throw new Error(pdf.error.message);
    expect(pdf.value.pageCount).toBe(10);
    expect(Buffer.from(pdf.value.bytes).toString('latin1').match(/\/DCTDecode/g)).toHaveLength(10);
    expect(a.counters()).toMatchObject({ pagesScanned: 10, feederEmpty: 1, scanErrors: 0 });
    expect(a.status().state).toBe('online');
    await a.discard(r.value);
  });

  it.skipIf(skip)('an empty feeder → FeederEmpty (no pages), the device stays online', async () => {
    const a = make('emptyFeeder');
    const r = await a.scan({ source: 'feeder', maxPages: 3 });
    expect(r.ok ? r : r.error.kind).toBe('FeederEmpty');
    expect(a.status().state).toBe('online');
    expect(a.counters().scanErrors).toBe(0);
  });

  it.skipIf(skip)('a jam → ScanJam, userError (a person can clear it), counted as an error, files removed', async () => {
    const a = make('jam');
    const r = await a.scan({ source: 'feeder', maxPages: 3 });
    expect(r.ok ? r : r.error.kind).toBe('ScanJam');
    expect(a.status()).toMatchObject({ state: 'userError', lastError: expect.stringMatching(/jammed/i) });
    expect(a.counters().scanErrors).toBe(1);
  });

  it.skipIf(skip)('cancel mid-batch → Cancelled, the page folder is removed, a second scan meanwhile is DeviceBusy', async () => {
    const a = make('slow');
    const ac = new AbortController();
    const statuses: DeviceStatus['state'][] = [];
    a.onStatus((s) => statuses.push(s.state));
    let busy: unknown;
    let dir = '';
    const r = await a.scan({
      source: 'feeder',
      maxPages: 10,
      signal: ac.signal,
      onPage: (p) => {
        dir = dirname(p.file);
        void a.scan({ source: 'flatbed' }).then((b) => (busy = b.ok ? b : b.error.kind));
        ac.abort();
      },
    });
    expect(r.ok ? r : r.error.kind).toBe('Cancelled');
    expect(busy).toBe('DeviceBusy');
    expect(dir).not.toBe('');
    expect(existsSync(dir)).toBe(false);
    expect(statuses).toEqual(['deviceBusy', 'online']);
    expect(a.counters()).toMatchObject({ cancelled: 1, scanErrors: 0 });
  });

  it.skipIf(skip)('a hang → DeviceTimeout and hardwareError', async () => {
    const a = make('hang');
    const started = Date.now();
    const r = await a.scan({ source: 'flatbed' });
    expect(r.ok ? r : r.error.kind).toBe('DeviceTimeout');
    expect(Date.now() - started).toBeLessThan(8000);
    expect(a.status().state).toBe('hardwareError');
  });

  it.skipIf(skip)('an absent device → noDevice at start, NoDevice on scan, self-test fails', async () => {
    const a = make('absent');
    await a.start();
    expect(a.status().state).toBe('noDevice');
    const r = await a.scan({ source: 'flatbed' });
    expect(r.ok ? r : r.error.kind).toBe('NoDevice');
    const t = await a.selfTest();
    expect(t.ok && t.value.passed).toBe(false);
  });

  it.skipIf(skip)('self-test lists the devices and makes one quick scan', async () => {
    const t = await make('ok').selfTest();
    if (!t.ok) throw new Error(t.error.message);
    expect(t.value.passed).toBe(true);
    expect(t.value.lines.join('\n')).toMatch(/quick scan at 25 dpi: \d+×\d+ px/);
  });
});

describe('simulator specifics', () => {
  it('marks the requested page blank and keeps the feeder count across scans', async () => {
    const sim = new ScannerSimulator({ feederSheets: 4, pageDelayMs: 1, blankPages: [2] });
    const a = new ScannerAdapter({ backend: sim, dpi: 30, workRoot: join(fx.root, 'work') });
    const r = await a.scan({ source: 'feeder', maxPages: 3 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.pages.map((p) => p.quality.blank)).toEqual([false, true, false]);
    expect(sim.feederSheets()).toBe(1);
    const rest = await a.scan({ source: 'feeder', maxPages: 3 });
    expect(rest.ok && [rest.value.pages.length, rest.value.feederEmpty]).toEqual([1, true]);
  });

  it('is what a `simulator` site config gets, and `none` gets no adapter', () => {
    expect(scannerFromConfig({ kind: 'simulator' })?.status().implementation).toBe('simulator');
    expect(scannerFromConfig({ kind: 'none' })).toBeUndefined();
    expect(scannerFromConfig({ kind: 'sane', device: 'test:0', resolutionDpi: 200, timeoutSeconds: 60 })?.describe).toBe('sane:test:0');
  });
});

describe('a scanner that is not there at start', () => {
  it('is looked for again until it answers, then no more', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const sim = new ScannerSimulator({ feederSheets: 2, pageDelayMs: 1, fault: 'absent' });
      const list = sim.listDevices.bind(sim);
      let lists = 0;
      sim.listDevices = () => {
        lists++;
        return list();
      };
      const a = new ScannerAdapter({ backend: sim, dpi: 30, workRoot: join(fx.root, 'work'), reprobeMs: 20 });
      const seen: string[] = [];
      a.onStatus((st) => seen.push(st.state));
      await a.start();
      expect([a.status().state, lists]).toEqual(['noDevice', 1]);
      await vi.advanceTimersByTimeAsync(20);
      expect([a.status().state, lists]).toEqual(['noDevice', 2]);
      // plugged in (switched on) a while later: found at the next look, and said so
      sim.setFault(undefined);
      await vi.advanceTimersByTimeAsync(20);
      expect([a.status().state, lists]).toEqual(['online', 3]);
      expect(seen).toEqual(['noDevice', 'online']);
      // online: no more looking
      await vi.advanceTimersByTimeAsync(200);
      expect(lists).toBe(3);
      await a.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reprobeMs 0 never looks again: the technician refreshes by hand', async () => {
    const sim = new ScannerSimulator({ feederSheets: 2, pageDelayMs: 1, fault: 'absent' });
    const a = new ScannerAdapter({ backend: sim, dpi: 30, workRoot: join(fx.root, 'work'), reprobeMs: 0 });
    await a.start();
    sim.setFault(undefined);
    expect(a.status().state).toBe('noDevice');
    await a.refresh();
    expect(a.status().state).toBe('online');
    await a.stop();
  });
});
