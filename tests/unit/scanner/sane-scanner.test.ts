import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SaneScanner } from '../../../hardware/scanner/sane-scanner.js';
import type { SaneScannerOptions } from '../../../hardware/scanner/sane-scanner.js';
import { nearestResolution } from '../../../hardware/scanner/sane-options.js';
import { exitHangingScanimage, groupGone, hangingScanimage, hasScanimage, makeSaneFixture, pidRecordingScanimage, processGone, readPid } from './sane-fixture.js';
import type { SaneFixture } from './sane-fixture.js';

// Against SANE's real `test` backend (a virtual scanner with a flatbed and a feeder that runs
// out after 10 sheets), at low resolutions to keep the suite fast.

let fx: SaneFixture;
beforeAll(() => {
  fx = makeSaneFixture();
});
afterAll(() => fx.cleanup());

const scanner = (o: Partial<SaneScannerOptions> = {}): SaneScanner =>
  new SaneScanner({ device: 'test:0', timeoutSeconds: 20, saneConfigDir: fx.saneConfigDir, extraArgs: ['--test-picture', 'Grid'], ...o });

describe.skipIf(!hasScanimage)('SANE scanner on the test backend', () => {
  it('lists the test devices', async () => {
    const r = await scanner({ device: undefined }).listSaneDevices();
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.map((d) => d.name)).toEqual(expect.arrayContaining(['test:0', 'test:1']));
    expect(r.value[0]).toMatchObject({ vendor: 'Noname', model: 'frontend-tester', type: 'virtual device' });
  });

  it('picks the first device when none is configured', async () => {
    const s = scanner({ device: undefined });
    const r = await s.resolveDevice();
    expect(r).toEqual({ ok: true, value: 'test:0' });
  });

  it('parses the options: sources with their roles, modes, resolutions, scan area', async () => {
    const r = await scanner().options();
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.sources).toEqual([
      { name: 'Flatbed', role: 'flatbed' },
      { name: 'Automatic Document Feeder', role: 'feeder' },
    ]);
    expect(r.value.modes).toEqual(['Gray', 'Color']);
    expect(r.value.resolutions).toEqual({ kind: 'range', min: 1, max: 1200, step: 1 });
    expect([r.value.maxWidthMm, r.value.maxHeightMm]).toEqual([200, 200]);
    expect(nearestResolution(r.value.resolutions, 5000)).toBe(1200);
  });

  it('flatbed: one grey PNG page of the whole (clamped A4) area', async () => {
    const dir = fx.dir('flatbed');
    const events: number[] = [];
    const r = await scanner().scan({ source: 'flatbed', dir, dpi: 100, onPageFile: (_f, i) => events.push(i) });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toEqual({ files: [join(dir, 'page1.png')], feederEmpty: false });
    expect(events).toEqual([1]);
    const meta = await sharp(join(dir, 'page1.png')).metadata();
    // 200 mm (the test backend's limit) at 100 dpi
    expect([meta.format, meta.width, meta.height, meta.channels, meta.density]).toEqual(['png', 787, 787, 1, 100]);
  });

  it('feeder: a batch of 3 with one progress event per finished page, in order', async () => {
    const dir = fx.dir('batch');
    const seen: { index: number; complete: boolean }[] = [];
    const r = await scanner().scan({
      source: 'feeder',
      maxPages: 3,
      dir,
      dpi: 50,
      // the file must be whole when the event fires (scanimage renames it from .part first)
      onPageFile: (f, index) => seen.push({ index, complete: existsSync(f) && statSync(f).size > 0 && !existsSync(`${f}.part`) }),
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.files).toHaveLength(3);
    expect(r.value.feederEmpty).toBe(false);
    expect(seen).toEqual([1, 2, 3].map((index) => ({ index, complete: true })));
  });

  it('feeder: asking for 12 with 10 sheets gives the 10 pages and feederEmpty, not an error', async () => {
    const dir = fx.dir('twelve');
    const r = await scanner().scan({ source: 'feeder', maxPages: 12, dir, dpi: 25 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.files).toHaveLength(10);
    expect(r.value.feederEmpty).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(10);
  });

  it('feeder until empty (no maximum): the 10 pages and feederEmpty', async () => {
    const r = await scanner().scan({ source: 'feeder', dir: fx.dir('until-empty'), dpi: 25 });
    if (!r.ok) throw new Error(r.error.message);
    expect([r.value.files.length, r.value.feederEmpty]).toEqual([10, true]);
  });

  it('feeder empty from the first sheet → FeederEmpty', async () => {
    const r = await scanner({ extraArgs: ['--read-return-value', 'SANE_STATUS_NO_DOCS'] }).scan({ source: 'feeder', maxPages: 3, dir: fx.dir('nodocs'), dpi: 25 });
    expect(r.ok ? r : r.error.kind).toBe('FeederEmpty');
  });

  it.each([
    ['SANE_STATUS_JAMMED', 'ScanJam'],
    ['SANE_STATUS_DEVICE_BUSY', 'DeviceBusy'],
    ['SANE_STATUS_COVER_OPEN', 'CoverOpen'],
  ])('the backend reporting %s → %s', async (status, kind) => {
    const r = await scanner({ extraArgs: ['--read-return-value', status] }).scan({ source: 'feeder', maxPages: 2, dir: fx.dir('status'), dpi: 25 });
    expect(r.ok ? r : r.error.kind).toBe(kind);
  });

  it('an unknown device → NoDevice', async () => {
    const r = await scanner({ device: 'nosuch:0' }).scan({ source: 'flatbed', dir: fx.dir('nodev'), dpi: 25 });
    expect(r.ok ? r : r.error.kind).toBe('NoDevice');
  });

  it('no scanimage at all → NoDevice saying so', async () => {
    const r = await scanner({ binary: join(fx.root, 'missing-scanimage') }).listDevices();
    expect(r.ok ? r : [r.error.kind, /sane-utils/.test(r.error.message)]).toEqual(['NoDevice', true]);
  });

  it('a hung scan → DeviceTimeout within timeout + grace, and its process group is gone', async () => {
    const pidFile = join(fx.root, 'hang.pid');
    const started = Date.now();
    const r = await scanner({ binary: hangingScanimage(fx, pidFile), timeoutSeconds: 1, killGraceMs: 300 }).scan({ source: 'flatbed', dir: fx.dir('hang'), dpi: 25 });
    expect(r.ok ? r : r.error.kind).toBe('DeviceTimeout');
    // 1 s deadline + 0.3 s grace + PID 1 reaping the orphaned grandchild
    expect(Date.now() - started).toBeLessThan(1000 + 300 + 5000);
    const [pgid = 0, grandchild = 0] = readFileSync(pidFile, 'utf8').trim().split(' ').map(Number);
    expect(pgid).toBeGreaterThan(0);
    expect(groupGone(pgid)).toBe(true);
    expect(processGone(grandchild)).toBe(true);
  });

  it('a hang at exit after the last asked-for page keeps the pages (short exit grace, not the full timeout)', async () => {
    const pidFile = join(fx.root, 'exit-hang.pid');
    const started = Date.now();
    const r = await scanner({ binary: exitHangingScanimage(fx, pidFile), timeoutSeconds: 30, exitGraceMs: 300, killGraceMs: 100 }).scan({
      source: 'feeder',
      maxPages: 2,
      dir: fx.dir('exit-hang'),
      dpi: 25,
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.files).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(groupGone(readPid(pidFile))).toBe(true);
  });

  it('cancel mid-batch → Cancelled, and the scanimage group is gone', async () => {
    const pidFile = join(fx.root, 'cancel.pid');
    const ac = new AbortController();
    const pages: number[] = [];
    const r = await scanner({
      binary: pidRecordingScanimage(fx, pidFile),
      // ~0.2 s per page so the batch is still running when the first page lands
      extraArgs: ['--test-picture', 'Grid', '--read-delay=yes', '--read-delay-duration=200000'],
    }).scan({
      source: 'feeder',
      maxPages: 10,
      dir: fx.dir('cancel'),
      dpi: 25,
      signal: ac.signal,
      onPageFile: (_f, i) => {
        pages.push(i);
        ac.abort();
      },
    });
    expect(r.ok ? r : r.error.kind).toBe('Cancelled');
    expect(pages.length).toBeLessThan(10);
    expect(groupGone(readPid(pidFile))).toBe(true);
  });
});
