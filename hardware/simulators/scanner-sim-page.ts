import sharp from 'sharp';

// A synthetic scanned A4 page: grey paper with sensor noise, a title, paragraphs of
// glyph-like strokes, a table grid and the page number in seven-segment digits (no fonts
// needed). Close enough to a real scan that JPEG sizes and the blank-page check mean something.

export interface SimPageOptions {
  dpi: number;
  pageNumber: number;
  blank?: boolean;
  /** defaults to A4 */
  widthMm?: number;
  heightMm?: number;
}

const PAPER = 236;
const INK = 35;

// mulberry32: the same page number always draws the same page
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

class Canvas {
  readonly px: Uint8Array;
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.px = new Uint8Array(w * h);
  }
  rect(x: number, y: number, w: number, h: number, v = INK): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.w, Math.round(x + w));
    const y1 = Math.min(this.h, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++) this.px.fill(v, yy * this.w + x0, yy * this.w + x1);
  }
}

// segments a..g of a seven-segment digit
const DIGITS = ['abcdef', 'bc', 'abdeg', 'abcdg', 'bcfg', 'acdfg', 'acdefg', 'abc', 'abcdefg', 'abcdfg'];

const drawNumber = (c: Canvas, n: number, cx: number, top: number, height: number): void => {
  const text = String(n);
  const w = height / 2;
  const t = Math.max(1, height / 8);
  let x = cx - (text.length * (w + t * 2)) / 2;
  for (const ch of text) {
    const seg = DIGITS[Number(ch)] ?? '';
    const half = height / 2;
    if (seg.includes('a')) c.rect(x, top, w, t);
    if (seg.includes('g')) c.rect(x, top + half - t / 2, w, t);
    if (seg.includes('d')) c.rect(x, top + height - t, w, t);
    if (seg.includes('f')) c.rect(x, top, t, half);
    if (seg.includes('b')) c.rect(x + w - t, top, t, half);
    if (seg.includes('e')) c.rect(x, top + half, t, half);
    if (seg.includes('c')) c.rect(x + w - t, top + half, t, half);
    x += w + t * 2;
  }
};

const drawTextLine = (c: Canvas, rnd: () => number, x0: number, x1: number, baseline: number, mm: number, scale: number): void => {
  const xh = 1.8 * mm * scale;
  const cw = 2.0 * mm * scale;
  const stroke = Math.max(1, Math.round(0.3 * mm * scale));
  let x = x0;
  while (x < x1 - cw * 3) {
    const letters = 2 + Math.floor(rnd() * 8);
    for (let i = 0; i < letters && x < x1 - cw; i++, x += cw) {
      const top = baseline - xh;
      const gw = cw * 0.75;
      if (rnd() < 0.7) c.rect(x, rnd() < 0.25 ? top - xh * 0.6 : top, stroke, rnd() < 0.1 ? xh * 1.5 : baseline - top);
      if (rnd() < 0.5) c.rect(x + gw - stroke, top, stroke, xh);
      if (rnd() < 0.5) c.rect(x, top, gw, stroke);
      if (rnd() < 0.4) c.rect(x, baseline - stroke, gw, stroke);
      if (rnd() < 0.3) c.rect(x, top + xh / 2, gw, stroke);
    }
    x += cw;
  }
};

/** Raw 8-bit grey pixels of one page. */
export const drawSimPage = (o: SimPageOptions): { pixels: Uint8Array; width: number; height: number } => {
  const mm = o.dpi / 25.4;
  const width = Math.round((o.widthMm ?? 210) * mm);
  const height = Math.round((o.heightMm ?? 297) * mm);
  const c = new Canvas(width, height);
  c.px.fill(PAPER);
  const rnd = prng(o.pageNumber * 7919);
  if (!o.blank) {
    const left = 20 * mm;
    const right = width - 20 * mm;
    drawTextLine(c, rnd, left + 30 * mm, right - 30 * mm, 30 * mm, mm, 1.6);
    let y = 45 * mm;
    const tableTop = height * 0.55;
    while (y < tableTop - 10 * mm) {
      const lines = 3 + Math.floor(rnd() * 5);
      for (let l = 0; l < lines && y < tableTop - 10 * mm; l++, y += 6 * mm) {
        drawTextLine(c, rnd, left + (l === 0 ? 8 * mm : 0), l === lines - 1 ? left + (right - left) * (0.3 + rnd() * 0.6) : right, y, mm, 1);
      }
      y += 4 * mm;
    }
    const rows = 5;
    const cols = 4;
    const rowH = 9 * mm;
    const line = Math.max(1, Math.round(0.25 * mm));
    for (let r = 0; r <= rows; r++) c.rect(left, tableTop + r * rowH, right - left, line);
    for (let k = 0; k <= cols; k++) c.rect(left + ((right - left) * k) / cols, tableTop, line, rows * rowH + line);
    for (let r = 0; r < rows; r++)
      for (let k = 0; k < cols; k++) {
        const cx = left + ((right - left) * k) / cols + 2 * mm;
        drawTextLine(c, rnd, cx, cx + ((right - left) / cols) * (0.4 + rnd() * 0.5), tableTop + r * rowH + 6.5 * mm, mm, 1);
      }
    drawNumber(c, o.pageNumber, width / 2, height - 18 * mm, 6 * mm);
  }
  // sensor noise of a few grey levels, as on any real scan (it is what makes JPEGs grow)
  const noise = prng(o.pageNumber);
  for (let i = 0; i < c.px.length; i++) c.px[i] = Math.max(0, Math.min(255, (c.px[i] ?? 0) + Math.round((noise() - 0.5) * 6)));
  return { pixels: c.px, width, height };
};

/** The page as a grey PNG, slightly blurred like a scanner's optics. */
export const simPagePng = async (o: SimPageOptions): Promise<Buffer> => {
  const { pixels, width, height } = drawSimPage(o);
  return sharp(pixels, { raw: { width, height, channels: 1 } })
    .blur(0.7)
    .toColourspace('b-w')
    // no density tag: sharp's withMetadata() would turn the page into 3-channel sRGB
    .png({ compressionLevel: 1 })
    .toBuffer();
};
