import { encodeQr, type QrEcc, type QrMatrix } from '../../../common/receipt/qr-matrix.js';

// A QR as SVG path data: one `h` run per stretch of dark modules in a row, so even a large
// code stays one small element. Coordinates are in modules, the quiet zone included.

/** the quiet zone the standard asks for around the symbol, in modules */
export const quietZone = 4;

export interface QrSvg {
  /** the side of the viewBox, in modules */
  side: number;
  /** path data of the dark modules */
  path: string;
}

export const qrPath = (m: QrMatrix): QrSvg => {
  const parts: string[] = [];
  m.modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      parts.push(`M${start + quietZone} ${y + quietZone}h${x - start}v1h-${x - start}z`);
    }
  });
  return { side: m.size + 2 * quietZone, path: parts.join('') };
};

/** The text's UTF-8 bytes as a QR (byte mode), ready to draw. */
export const qrSvgOf = (text: string, ecc: QrEcc = 'M'): QrSvg => qrPath(encodeQr(new TextEncoder().encode(text), ecc));
