import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessPage, judgePage, measureGrey, qualityThresholds } from '../../../hardware/scanner/page-quality.js';
import { SaneScanner } from '../../../hardware/scanner/sane-scanner.js';
import { drawSimPage, simPagePng } from '../../../hardware/simulators/scanner-sim-page.js';
import { hasScanimage, makeSaneFixture } from './sane-fixture.js';
import type { SaneFixture } from './sane-fixture.js';

const greyPng = (pixels: Uint8Array, width: number, height: number): Promise<Buffer> =>
  sharp(pixels, { raw: { width, height, channels: 1 } }).toColourspace('b-w').png().toBuffer();

describe('page quality: pure measures', () => {
  it('a uniform grey area has no ink and no spread', () => {
    const s = measureGrey(new Uint8Array(100 * 100).fill(230), 100, 100);
    expect(s).toEqual({ mean: 230, stdev: 0, paper: 230, inkRatio: 0 });
  });

  it('ignores the border: a black frame (lid shadow) does not count as ink', () => {
    const w = 100;
    const px = new Uint8Array(w * w).fill(235);
    for (let y = 0; y < w; y++) for (let x = 0; x < w; x++) if (x < 3 || y < 3 || x >= w - 3 || y >= w - 3) px[y * w + x] = 0;
    expect(measureGrey(px, w, w).inkRatio).toBe(0);
    expect(measureGrey(px, w, w, { ...qualityThresholds, borderFraction: 0 }).inkRatio).toBeGreaterThan(0.1);
  });

  it('judges by the documented thresholds', () => {
    const base = { stdev: 20, paper: 235, inkRatio: 0.05 };
    expect(judgePage({ ...base, mean: 225 })).toMatchObject({ blank: false, tooDark: false, tooLight: false });
    expect(judgePage({ ...base, mean: qualityThresholds.darkMaxMean - 1 }).tooDark).toBe(true);
    expect(judgePage({ ...base, mean: qualityThresholds.lightMinMean + 1 }).tooLight).toBe(true);
    expect(judgePage({ ...base, mean: 235, inkRatio: qualityThresholds.blankMaxInk / 2 }).blank).toBe(true);
  });
});

describe('page quality on pages', () => {
  it('a text-like page is not blank, nor too dark or light; a blank sheet (with sensor noise) is blank', async () => {
    const text = await assessPage(await simPagePng({ dpi: 150, pageNumber: 3 }));
    const blank = await assessPage(await simPagePng({ dpi: 150, pageNumber: 3, blank: true }));
    expect(text).toMatchObject({ blank: false, tooDark: false, tooLight: false });
    expect(blank).toMatchObject({ blank: true, tooDark: false, tooLight: false });
  });

  it('one short line of text on an otherwise empty page is not blank', async () => {
    const page = drawSimPage({ dpi: 150, pageNumber: 1, blank: true });
    const mm = 150 / 25.4;
    // a 60 mm line of 2 mm high text in the middle of the page
    for (let y = Math.round(140 * mm); y < Math.round(142 * mm); y++)
      for (let x = Math.round(70 * mm); x < Math.round(130 * mm); x++) if (x % 5 < 2 || y % 6 === 0) page.pixels[y * page.width + x] = 30;
    const q = await assessPage(await greyPng(page.pixels, page.width, page.height));
    expect(q.blank).toBe(false);
  });

  it('an underexposed page is too dark, an overexposed one too light', async () => {
    const png = await simPagePng({ dpi: 100, pageNumber: 4 });
    const dark = await sharp(png).linear(0.22, 0).toColourspace('b-w').png().toBuffer();
    const light = await sharp(png).linear(0.5, 140).toColourspace('b-w').png().toBuffer();
    expect(await assessPage(dark)).toMatchObject({ tooDark: true, tooLight: false, blank: false });
    expect(await assessPage(light)).toMatchObject({ tooLight: true, tooDark: false });
  });
});

let fx: SaneFixture;
beforeAll(() => {
  fx = makeSaneFixture();
});
afterAll(() => fx.cleanup());

describe.skipIf(!hasScanimage)('page quality on the SANE test backend’s pictures', () => {
  const scan = async (picture: string): Promise<string> => {
    const dir = fx.dir('q');
    const s = new SaneScanner({ device: 'test:0', timeoutSeconds: 20, saneConfigDir: fx.saneConfigDir, extraArgs: ['--test-picture', picture] });
    const r = await s.scan({ source: 'flatbed', dir, dpi: 50 });
    if (!r.ok) throw new Error(r.error.message);
    return join(dir, 'page1.png');
  };

  it('Solid white is blank and too light; Solid black is too dark; Grid is content', async () => {
    expect(await assessPage(await scan('Solid white'))).toMatchObject({ blank: true, tooLight: true, tooDark: false });
    expect(await assessPage(await scan('Solid black'))).toMatchObject({ tooDark: true, tooLight: false });
    expect(await assessPage(await scan('Grid'))).toMatchObject({ blank: false, tooDark: false, tooLight: false });
  });
});
