import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import type { TextBlock } from '../../../common/receipt/receipt-doc.js';
import { encodeQr, qrToGrey } from '../../../common/receipt/qr-matrix.js';
import type { QrEcc } from '../../../common/receipt/qr-matrix.js';
import { fontIsInUse, renderTextBlock } from '../../../hardware/printer/raster-text.js';
import type { RasterImage } from '../../../hardware/printer/raster-text.js';
import { dejaVuSans, resolveReceiptFont } from '../../../hardware/printer/receipt-font.js';

const font = resolveReceiptFont();
const line = (text: string, extra: Partial<TextBlock> = {}): TextBlock => ({ type: 'text', text, bold: false, underline: false, invert: false, align: 'left', size: 'normal', ...extra });
const render = (text: string, extra: Partial<TextBlock> = {}): Promise<RasterImage> => renderTextBlock(line(text, extra), { font, widthDots: 576 });
const ink = (img: RasterImage): number => img.data.reduce((n, b) => n + b.toString(2).replace(/0/g, '').length, 0);
const firstInkRow = (img: RasterImage): number => {
  const rowBytes = img.width / 8;
  for (let y = 0; y < img.height; y++) if (img.data.subarray(y * rowBytes, (y + 1) * rowBytes).some((b) => b !== 0)) return y;
  return -1;
};
const lastInkRow = (img: RasterImage): number => {
  const rowBytes = img.width / 8;
  for (let y = img.height - 1; y >= 0; y--) if (img.data.subarray(y * rowBytes, (y + 1) * rowBytes).some((b) => b !== 0)) return y;
  return -1;
};

describe('raster text', () => {
  it('draws with the bundled Be Vietnam Pro, not a machine fallback', async () => {
    expect(font.family).toBe('Be Vietnam Pro');
    expect(font.files.every((f) => f.endsWith('.ttf'))).toBe(true);
    expect(await fontIsInUse(font)).toBe(true);
    // the same text in DejaVu is a different picture: the check above can fail
    const bvp = await render('Tiếng Việt');
    const dv = await renderTextBlock(line('Tiếng Việt'), { font: dejaVuSans(), widthDots: 576 });
    expect(Buffer.from(bvp.data).equals(Buffer.from(dv.data))).toBe(false);
  });

  it('draws the tone marks: "ạ" is "a" plus a dot below, "ấ" is "â" plus a mark above', async () => {
    const [a, aDot, aHat, aHatAcute] = await Promise.all(['a', 'ạ', 'â', 'ấ'].map((t) => render(t)));
    expect(ink(aDot!)).toBeGreaterThan(ink(a!));
    expect(lastInkRow(aDot!)).toBeGreaterThan(lastInkRow(a!));
    expect(firstInkRow(aHat!)).toBeLessThan(firstInkRow(a!));
    expect(firstInkRow(aHatAcute!)).toBeLessThan(firstInkRow(aHat!));
  });

  it('gives every line of a size the same height and baseline, tone marks or not', async () => {
    const imgs = await Promise.all(['a', 'ạ', 'Ẩ', 'Ỗ gạo', 'g', ''].map((t) => render(t)));
    expect(new Set(imgs.map((i) => i.height)).size).toBe(1);
    const [a, aDot] = imgs;
    // the bowl of "a" sits on the same rows with or without the dot below
    expect(firstInkRow(a!)).toBe(firstInkRow(aDot!));
    expect((await render('a', { size: 'doubleHeight' })).height).toBe(2 * a!.height);
  });

  it('wraps a long line to the paper and aligns it', async () => {
    const long = await render('Thủ tục đăng ký thường trú tại phường Bến Nghé, thành phố Hồ Chí Minh — nộp trực tuyến tại ki-ốt');
    const short = await render('Thủ tục');
    expect(long.width).toBe(576);
    // two lines: one more line pitch (about 0.85 of a band) than a single line
    expect(long.height).toBeGreaterThan(short.height + 24);
    const right = await render('Hết', { align: 'right' });
    const lastByte = (img: RasterImage): number => Math.max(...Array.from({ length: img.height }, (_, y) => img.data[y * 72 + 71] ?? 0));
    expect(lastByte(right)).not.toBe(0);
    expect(lastByte(await render('Hết'))).toBe(0);
  });
});

describe('QR matrix', () => {
  const read = (payload: string, ecc: QrEcc): string | undefined => {
    const g = qrToGrey(encodeQr(Buffer.from(payload, 'latin1'), ecc), 3);
    const rgba = new Uint8ClampedArray(g.width * g.height * 4);
    g.data.forEach((v, i) => rgba.set([v, v, v, 255], i * 4));
    return jsQR(rgba, g.width, g.height)?.data;
  };
  it.each([
    [1, 'M'],
    [25, 'L'],
    [60, 'Q'],
    [100, 'H'],
    [180, 'M'],
    [400, 'M'],
    [1000, 'L'],
  ] as [number, QrEcc][])('%i bytes at level %s read back with jsqr', (len, ecc) => {
    const payload = Array.from({ length: len }, (_, i) => String.fromCharCode(33 + ((i * 7) % 90))).join('');
    expect(read(payload, ecc)).toBe(payload);
  });
});
