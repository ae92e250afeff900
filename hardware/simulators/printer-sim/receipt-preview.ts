import sharp from 'sharp';
import { paperWidth, renderQr, renderTextBlock } from '../../printer/raster-text.js';
import type { RasterImage } from '../../printer/raster-text.js';
import type { ReceiptFont } from '../../printer/receipt-font.js';
import type { TextStyle } from './escpos-decoder.js';

// What the simulated paper looks like: every printed element stacked as one PNG, and as text
// (diagnostics shows both; tests read the text and the raster bands).

export type PrintedElement =
  | { kind: 'text'; text: string; style: TextStyle; codePage: number }
  | { kind: 'raster'; image: RasterImage }
  | { kind: 'qr'; payload: string; cellSize: number }
  | { kind: 'barcode'; data: string }
  | { kind: 'feed'; lines: number };

const FEED_DOTS = 30;

const bandOf = async (e: PrintedElement, widthDots: number, font: ReceiptFont): Promise<RasterImage> => {
  switch (e.kind) {
    case 'raster':
      return e.image;
    case 'qr':
      return renderQr(Buffer.from(e.payload, 'latin1'), e.cellSize, widthDots);
    case 'text':
      return renderTextBlock({ type: 'text', text: e.text, ...e.style }, { font, widthDots });
    case 'barcode':
      return renderTextBlock({ type: 'text', text: `▌│▌ ${e.data} ▌│▌`, align: 'center', bold: false, underline: false, invert: false, size: 'normal' }, { font, widthDots });
    case 'feed': {
      const width = paperWidth(widthDots);
      return { width, height: Math.min(e.lines, 10) * FEED_DOTS, data: new Uint8Array((width / 8) * Math.min(e.lines, 10) * FEED_DOTS) };
    }
  }
};

/** Stacks the bands top to bottom, black on white. */
export const renderPreview = async (elements: readonly PrintedElement[], widthDots: number, font: ReceiptFont): Promise<Buffer> => {
  const bands = await Promise.all(elements.map((e) => bandOf(e, widthDots, font)));
  const width = Math.max(paperWidth(widthDots), ...bands.map((b) => b.width));
  const height = Math.max(1, bands.reduce((h, b) => h + b.height, 0));
  const grey = Buffer.alloc(width * height, 255);
  let top = 0;
  for (const b of bands) {
    const rowBytes = b.width / 8;
    for (let y = 0; y < b.height; y++)
      for (let x = 0; x < b.width; x++) if (((b.data[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1) grey[(top + y) * width + x] = 0;
    top += b.height;
  }
  return sharp(grey, { raw: { width, height, channels: 1 } }).png().toBuffer();
};

export const previewText = (elements: readonly PrintedElement[]): string =>
  elements
    .map((e) => (e.kind === 'text' ? e.text : e.kind === 'qr' ? `[QR ${e.payload}]` : e.kind === 'barcode' ? `[CODE128 ${e.data}]` : e.kind === 'raster' ? `[image ${e.image.width}×${e.image.height}]` : ''))
    .filter((l, i, all) => l !== '' || all[i - 1] !== '')
    .join('\n');
