import { existsSync } from 'node:fs';
import sharp from 'sharp';
import type { TextAlign, TextBlock } from '../../common/receipt/receipt-doc.js';
import { encodeQr, qrToGrey } from '../../common/receipt/qr-matrix.js';
import type { ReceiptFont } from './receipt-font.js';

// Text → 1-bit image for `GS v 0`: always-right Vietnamese whatever code pages the printer has.
// Pango (inside sharp) shapes and word-wraps; we threshold, align and pack.

/** A 1-bit image in `GS v 0` layout: rows of width/8 bytes, MSB = leftmost dot, 1 = black. */
export interface RasterImage {
  /** a multiple of 8 */
  width: number;
  height: number;
  data: Uint8Array;
}

export interface RasterOptions {
  font: ReceiptFont;
  /** printable width in dots (576 on 80 mm paper, 384 on 58 mm) */
  widthDots: number;
  /** pixel size of normal text; 24 matches the printers' own font A */
  fontSizeDots?: number;
  /** ink (0–255) at which a dot turns black */
  threshold?: number;
}

const registered = new Set<string>();

/** Loads the font files into Pango once per process (fontconfig keeps them from then on). */
export const registerFont = async (font: ReceiptFont): Promise<void> => {
  for (const file of font.files) {
    if (registered.has(file)) continue;
    // fontconfig only warns about a missing file and falls back to any font: refuse instead
    if (!existsSync(file)) throw new Error(`receipt font file not found: ${file}`);
    await sharp({ text: { text: '.', font: `${font.family} 8px`, fontfile: file } }).raw().toBuffer();
    registered.add(file);
  }
};

export const paperWidth = (widthDots: number): number => Math.floor(widthDots / 8) * 8;

const escapeMarkup = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Pango crops its image to the ink, so a line with tone marks would come out taller than
// one without and sit at another height. An invisible (white) full-size "Ẩ" line above the
// text and a 1-pt line below pin both edges; the band is then cut at fixed distances from
// the baseline, calibrated once per size on "a": every line of a size gets the same baseline.
const wrapWithStruts = (markup: string): string =>
  `<span foreground="white">Ẩ</span>\n<span foreground="black">${markup}</span>\n<span size="1024" foreground="white">.</span>`;
/** room above the x-height top and below the baseline, in ems: stacked Vietnamese marks, descenders */
const ABOVE_X_HEIGHT = 0.6;
const BELOW_BASELINE = 0.32;

interface Grey {
  width: number;
  height: number;
  /** ink 0–255 per pixel */
  ink: Uint8Array;
}

type PangoAlign = 'left' | 'centre' | 'right';
const pangoAlign = (a: TextAlign): PangoAlign => (a === 'center' ? 'centre' : a);

const renderInk = async (markup: string, font: ReceiptFont, px: number, wrapWidth: number, align: TextAlign): Promise<Grey> => {
  const { data, info } = await sharp({
    text: { text: wrapWithStruts(markup), font: `${font.family} ${px}px`, dpi: 72, width: wrapWidth, wrap: 'word-char', rgba: true, align: pangoAlign(align) },
  })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const ink = new Uint8Array(info.width * info.height);
  // black text on transparent: ink is coverage of dark colour; the white struts give none
  for (let i = 0, p = 0; i < ink.length; i++, p += 4) ink[i] = ((data[p + 3] ?? 0) * (255 - (data[p] ?? 0))) / 255;
  return { width: info.width, height: info.height, ink };
};

const inkRows = (g: Grey, threshold: number): { first: number; last: number } => {
  let first = -1;
  let last = -1;
  for (let y = 0; y < g.height; y++)
    for (let x = 0; x < g.width; x++)
      if ((g.ink[y * g.width + x] ?? 0) >= threshold) {
        if (first < 0) first = y;
        last = y;
        break;
      }
  return { first, last };
};

interface Calibration {
  /** row of the x-height top of the first text line */
  xTop: number;
  /** rows from the last baseline to the image bottom */
  belowBaseline: number;
}
const calibrations = new Map<string, Calibration>();
const calibrate = async (font: ReceiptFont, px: number, bold: boolean, threshold: number): Promise<Calibration> => {
  const key = `${font.family}|${px}|${bold}|${threshold}`;
  const cached = calibrations.get(key);
  if (cached) return cached;
  const g = await renderInk(bold ? '<b>x</b>' : 'x', font, px, 10_000, 'left');
  const { first, last } = inkRows(g, threshold);
  const c = { xTop: first, belowBaseline: g.height - 1 - last };
  calibrations.set(key, c);
  return c;
};

/** Cuts the rows from the calibrated top to the calibrated bottom of the text lines. */
const cutBand = (g: Grey, c: Calibration, px: number): Grey => {
  const top = Math.max(0, c.xTop - Math.ceil(ABOVE_X_HEIGHT * px));
  const bottom = Math.min(g.height - 1, g.height - 1 - c.belowBaseline + Math.ceil(BELOW_BASELINE * px));
  return { width: g.width, height: bottom - top + 1, ink: g.ink.subarray(top * g.width, (bottom + 1) * g.width) };
};

/** Crops to the inked columns, scales (nearest, like a printer's double sizes), thresholds and aligns on the paper. */
const place = (g: Grey, opts: { paper: number; align: TextAlign; sx: number; sy: number; threshold: number; invert?: boolean }): RasterImage => {
  let minX = g.width;
  let maxX = -1;
  for (let y = 0; y < g.height; y++)
    for (let x = 0; x < g.width; x++)
      if ((g.ink[y * g.width + x] ?? 0) >= opts.threshold) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
      }
  const inkW = maxX >= minX ? (maxX - minX + 1) * opts.sx : 0;
  // an unbreakable run wider than the paper is clipped on the right, as a printer would
  const x0 = opts.align === 'left' || inkW >= opts.paper ? 0 : opts.align === 'center' ? Math.floor((opts.paper - inkW) / 2) : opts.paper - inkW;
  const height = g.height * opts.sy;
  const rowBytes = opts.paper / 8;
  const data = new Uint8Array(rowBytes * height);
  for (let y = 0; y < g.height * opts.sy; y++) {
    const srcRow = Math.floor(y / opts.sy) * g.width;
    for (let x = 0; x < inkW && x0 + x < opts.paper; x++) {
      if ((g.ink[srcRow + minX + Math.floor(x / opts.sx)] ?? 0) < opts.threshold) continue;
      const dx = x0 + x;
      data[y * rowBytes + (dx >> 3)]! |= 0x80 >> (dx & 7);
    }
  }
  if (opts.invert) for (let i = 0; i < data.length; i++) data[i] = ~data[i]! & 0xff;
  return { width: opts.paper, height, data };
};

const scaleOf = (size: TextBlock['size']): { sx: number; sy: number; px: number } => {
  switch (size) {
    case 'double':
      return { sx: 1, sy: 1, px: 2 }; // drawn at twice the size: smoother than doubling dots
    case 'doubleHeight':
      return { sx: 1, sy: 2, px: 1 };
    case 'doubleWidth':
      return { sx: 2, sy: 1, px: 1 };
    default:
      return { sx: 1, sy: 1, px: 1 };
  }
};

/** One text block → a full-width band (wrapped to the paper by Pango). */
export const renderTextBlock = async (block: TextBlock, opts: RasterOptions): Promise<RasterImage> => {
  await registerFont(opts.font);
  const paper = paperWidth(opts.widthDots);
  const base = opts.fontSizeDots ?? 24;
  const { sx, sy, px } = scaleOf(block.size);
  let markup = escapeMarkup(block.text.normalize('NFC'));
  if (block.bold) markup = `<b>${markup}</b>`;
  if (block.underline) markup = `<u>${markup}</u>`;
  const threshold = opts.threshold ?? 128;
  const size = base * px;
  const calibration = await calibrate(opts.font, size, block.bold, threshold);
  const grey = cutBand(await renderInk(markup, opts.font, size, Math.floor(paper / sx), block.align), calibration, size);
  return place(grey, { paper, align: block.align, sx, sy, threshold, invert: block.invert });
};

/** A thin rule across the paper. */
export const renderSeparator = (widthDots: number, heightDots = 16, thickness = 2): RasterImage => {
  const paper = paperWidth(widthDots);
  const data = new Uint8Array((paper / 8) * heightDots);
  const top = Math.floor((heightDots - thickness) / 2);
  data.fill(0xff, top * (paper / 8), (top + thickness) * (paper / 8));
  return { width: paper, height: heightDots, data };
};

const greyToRaster = (grey: { width: number; height: number; data: Uint8Array }, widthDots: number, align: TextAlign, threshold = 128): RasterImage => {
  const ink = new Uint8Array(grey.data.length);
  for (let i = 0; i < ink.length; i++) ink[i] = 255 - (grey.data[i] ?? 255);
  // keep the image's own margins (a QR needs its quiet zone): no cropping to the ink here
  const paper = paperWidth(widthDots);
  const x0 = align === 'left' || grey.width >= paper ? 0 : align === 'center' ? Math.floor((paper - grey.width) / 2) : paper - grey.width;
  const rowBytes = paper / 8;
  const data = new Uint8Array(rowBytes * grey.height);
  for (let y = 0; y < grey.height; y++)
    for (let x = 0; x < grey.width && x0 + x < paper; x++)
      if ((ink[y * grey.width + x] ?? 0) >= threshold) data[y * rowBytes + ((x0 + x) >> 3)]! |= 0x80 >> ((x0 + x) & 7);
  return { width: paper, height: grey.height, data };
};

/** A QR as an image, for printers without `GS ( k` or for payloads that must not go through it. */
export const renderQr = (payload: Uint8Array, cellSize: number, widthDots: number, align: TextAlign = 'center'): RasterImage =>
  greyToRaster(qrToGrey(encodeQr(payload, 'M'), cellSize), widthDots, align);

/** A PNG logo: flattened on white, scaled down to fit, thresholded. */
export const renderLogo = async (png: Uint8Array, maxWidthDots: number, widthDots: number, align: TextAlign): Promise<RasterImage> => {
  const { data, info } = await sharp(png)
    .flatten({ background: '#ffffff' })
    .greyscale()
    .resize({ width: Math.min(maxWidthDots, paperWidth(widthDots)), withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return greyToRaster({ width: info.width, height: info.height, data: info.channels === 1 ? data : everyNth(data, info.channels) }, widthDots, align);
};

const everyNth = (data: Uint8Array, n: number): Uint8Array => {
  const out = new Uint8Array(data.length / n);
  for (let i = 0; i < out.length; i++) out[i] = data[i * n] ?? 255;
  return out;
};

// Epson's limit for one `GS v 0` is 2303 rows on some models; receipts send bands anyway.
const MAX_ROWS = 1024;

/** `GS v 0 m xL xH yL yH d1…dk` (Epson ESC/POS reference, "GS v 0"), split into bands of at most MAX_ROWS. */
export const gsV0 = (img: RasterImage): Buffer => {
  const rowBytes = img.width / 8;
  const parts: Buffer[] = [];
  for (let y = 0; y < img.height; y += MAX_ROWS) {
    const rows = Math.min(MAX_ROWS, img.height - y);
    parts.push(Buffer.from([0x1d, 0x76, 0x30, 0x00, rowBytes & 0xff, rowBytes >> 8, rows & 0xff, rows >> 8]));
    parts.push(Buffer.from(img.data.subarray(y * rowBytes, (y + rows) * rowBytes)));
  }
  return Buffer.concat(parts);
};

/** For previews and tests: a 1-bit image as a black-on-white PNG. */
export const rasterToPng = async (img: RasterImage): Promise<Buffer> => {
  const grey = Buffer.alloc(img.width * img.height, 255);
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) if ((img.data[y * (img.width / 8) + (x >> 3)]! >> (7 - (x & 7))) & 1) grey[y * img.width + x] = 0;
  return sharp(grey, { raw: { width: img.width, height: img.height, channels: 1 } }).png().toBuffer();
};

/** Whether the font really renders (a missing face falls back silently to any machine font). */
export const fontIsInUse = async (font: ReceiptFont, sample = 'Tiếng Việt ắằẳẵặ'): Promise<boolean> => {
  await registerFont(font);
  const a = await sharp({ text: { text: escapeMarkup(sample), font: `${font.family} 24px`, dpi: 72 } }).raw().toBuffer();
  const b = await sharp({ text: { text: escapeMarkup(sample), font: 'No Such Family Kiosk 24px', dpi: 72 } }).raw().toBuffer();
  return !a.equals(b);
};
