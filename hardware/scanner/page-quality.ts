import { openPage } from './page-image.js';
import type { PageInput } from './page-image.js';

// Cheap checks on a scanned page so the kiosk can ask "is this the right side up / the lid
// closed?" before the resident moves on. Measured on a small grey copy of the page (a
// 400 px wide copy is about 50 dpi for A4: text lines stay visible, sensor noise averages out).

export interface GreyStats {
  /** 0 (black) … 255 (white) */
  mean: number;
  stdev: number;
  /** the paper's brightness: the 90th percentile, so text and pictures do not pull it down */
  paper: number;
  /** share of pixels clearly darker than the paper: text, lines, pictures */
  inkRatio: number;
}

export interface PageQuality extends GreyStats {
  blank: boolean;
  tooDark: boolean;
  tooLight: boolean;
}

/**
 * Thresholds, on 0–255 grey levels of the downscaled copy:
 * - ink: a pixel at least `inkContrast` (a share of the paper's level) darker than the paper: on
 *   white paper (≈ 235) that is 40 levels; relative, so an underexposed page still shows its text;
 * - blank: less than `blankMaxInk` of the inner page is ink (one short line of text on A4 is ≈ 0.5 %);
 * - too dark: mean below `darkMaxMean` (lid open, a black page, an underexposed scan);
 * - too light: mean above `lightMinMean` (overexposed: even paper is pure white and faint text vanishes).
 * The flags are independent: a pure white page is both blank and too light.
 */
export const qualityThresholds = {
  sampleWidthPx: 400,
  borderFraction: 0.04,
  inkContrast: 0.17,
  blankMaxInk: 0.002,
  darkMaxMean: 60,
  lightMinMean: 250,
} as const;
export type QualityThresholds = { readonly [K in keyof typeof qualityThresholds]: number };

/** Statistics of 8-bit grey pixels, ignoring a border of `borderFraction` on each side (scanner lid shadows, edges). */
export const measureGrey = (pixels: Uint8Array, width: number, height: number, t: QualityThresholds = qualityThresholds): GreyStats => {
  const bx = Math.floor(width * t.borderFraction);
  const by = Math.floor(height * t.borderFraction);
  const hist = new Array<number>(256).fill(0);
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (let y = by; y < height - by; y++) {
    for (let x = bx; x < width - bx; x++) {
      const v = pixels[y * width + x] ?? 0;
      hist[v] = (hist[v] ?? 0) + 1;
      sum += v;
      sumSq += v * v;
      n++;
    }
  }
  if (n === 0) return { mean: 0, stdev: 0, paper: 0, inkRatio: 0 };
  const mean = sum / n;
  let paper = 0;
  for (let seen = 0; paper < 255; paper++) {
    seen += hist[paper] ?? 0;
    if (seen >= n * 0.9) break;
  }
  let ink = 0;
  for (let v = 0; v < paper * (1 - t.inkContrast); v++) ink += hist[v] ?? 0;
  return { mean, stdev: Math.sqrt(Math.max(0, sumSq / n - mean * mean)), paper, inkRatio: ink / n };
};

export const judgePage = (s: GreyStats, t: QualityThresholds = qualityThresholds): PageQuality => ({
  ...s,
  blank: s.inkRatio < t.blankMaxInk,
  tooDark: s.mean < t.darkMaxMean,
  tooLight: s.mean > t.lightMinMean,
});

export const assessPage = async (input: PageInput, t: QualityThresholds = qualityThresholds): Promise<PageQuality> => {
  const img = await openPage(input);
  const { data, info } = await img
    .resize({ width: t.sampleWidthPx, withoutEnlargement: true })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const grey = info.channels === 1 ? data : data.filter((_, i) => i % info.channels === 0);
  return judgePage(measureGrey(grey, info.width, info.height, t), t);
};
