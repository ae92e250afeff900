import jsQR from 'jsqr';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { QrCode } from '../../../../renderer/components/qr/QrCode.js';

/**
 * The QR as drawn: the SVG the component renders, parsed back (viewBox and path runs) and
 * painted into an RGBA bitmap, `scale` pixels per module, white where the path is not.
 */
const rasterise = (svg: string, scale = 6) => {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const d = /<path d="([^"]*)"/.exec(svg)?.[1];
  if (!viewBox || d === undefined) throw new Error('no viewBox or path in the QR SVG');
  const side = Number(viewBox[1]);
  const width = side * scale;
  const rgba = new Uint8ClampedArray(width * width * 4).fill(255);
  let runs = 0;
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
    const [x, y, w, back] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
    expect(back).toBe(w);
    runs++;
    for (let py = y * scale; py < (y + 1) * scale; py++)
      for (let px = x * scale; px < (x + w) * scale; px++) rgba.set([0, 0, 0, 255], (py * width + px) * 4);
  }
  // every bit of the path was understood: nothing drawn is left out of the bitmap
  expect(d.replace(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g, '')).toBe('');
  return { rgba, width, runs };
};

const render = (value: string, label = 'QR') => renderToStaticMarkup(createElement(QrCode, { value, label }));

describe('QrCode', () => {
  it.each([
    'KT01-260105-0007',
    '000.00.01.H26-261123-0042',
    'KIOSK01-991231-9999',
    // a long tracking payload still fits and reads back
    `https://dichvucong.example/tra-cuu?ma=${'KIOSK01-260105-0001'.repeat(8)}`,
  ])('draws %s so that a QR reader reads it back', (value) => {
    const { rgba, width, runs } = rasterise(render(value));
    expect(runs).toBeGreaterThan(20);
    expect(jsQR(rgba, width, width)?.data).toBe(value);
  });

  it('keeps the quiet zone white around the symbol', () => {
    const { rgba, width } = rasterise(render('KT01-260105-0007'), 1);
    for (let i = 0; i < 4; i++) {
      expect(rgba[(i * width + 10) * 4]).toBe(255);
      expect(rgba[(10 * width + i) * 4]).toBe(255);
    }
    // the finder pattern's corner sits right after it
    expect(rgba[(4 * width + 4) * 4]).toBe(0);
  });

  it('is an image whose accessible name gives the code', () => {
    const svg = render('KT01-260105-0007', 'Mã QR để tra cứu hồ sơ KT01-260105-0007');
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('aria-label="Mã QR để tra cứu hồ sơ KT01-260105-0007"');
    // drawn with attributes only: the CSP allows no inline style
    expect(svg).not.toContain('style=');
  });
});
