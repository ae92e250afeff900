import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { grayJpeg, pagesToPdf } from '../../../hardware/scanner/pages-to-pdf.js';
import { makeThumbnail } from '../../../hardware/scanner/thumbnails.js';
import { simPagePng } from '../../../hardware/simulators/scanner-sim-page.js';

// The images inside a PDF, as their dictionaries say: filter, colour space, bits, size.
const pdfImages = async (bytes: Uint8Array) => {
  const doc = await PDFDocument.load(bytes);
  const images = doc.context
    .enumerateIndirectObjects()
    .map(([, o]) => o)
    .filter((o): o is PDFRawStream => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'))
    .map((s) => ({
      filter: String(s.dict.get(PDFName.of('Filter'))),
      colorSpace: String(s.dict.get(PDFName.of('ColorSpace'))),
      bits: Number(String(s.dict.get(PDFName.of('BitsPerComponent')))),
      bytes: s.contents.length,
    }));
  return { doc, images };
};

describe('pages → one PDF', () => {
  it('a page becomes a 1-channel JPEG (sharp says so), not the 3 channels grayscale() would write', async () => {
    const png = await simPagePng({ dpi: 100, pageNumber: 1 });
    const j = await grayJpeg(png);
    const meta = await sharp(j.data).metadata();
    expect([meta.format, meta.channels, j.channels]).toEqual(['jpeg', 1, 1]);
  });

  it('three realistic A4 pages at 200 dpi grey → 3 A4 pages of DeviceGray JPEG, ≤ 200 KB each', async () => {
    const pngs = await Promise.all([1, 2, 3].map((n) => simPagePng({ dpi: 200, pageNumber: n })));
    const bytes = await pagesToPdf(pngs.map((image) => ({ image, dpi: 200 })));
    const { doc, images } = await pdfImages(bytes);
    expect(doc.getPageCount()).toBe(3);
    for (const p of doc.getPages()) {
      // A4 is 595 × 842 pt
      expect(p.getWidth()).toBeCloseTo(595.3, 0);
      expect(p.getHeight()).toBeCloseTo(842, 0);
    }
    expect(images).toHaveLength(3);
    for (const img of images) expect(img).toMatchObject({ filter: '/DCTDecode', colorSpace: '/DeviceGray', bits: 8 });
    const text = Buffer.from(bytes).toString('latin1');
    expect(text.match(/\/DeviceGray/g)).toHaveLength(3);
    expect(text).not.toMatch(/\/DeviceRGB/);
    expect(bytes.length / 3).toBeLessThanOrEqual(200 * 1024);
  });

  it('page size follows the image size and its dpi', async () => {
    const png = await sharp({ create: { width: 300, height: 150, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const { doc } = await pdfImages(await pagesToPdf([{ image: png, dpi: 150 }]));
    expect([doc.getPage(0).getWidth(), doc.getPage(0).getHeight()]).toEqual([144, 72]);
  });

  it('reads PNM (scanimage’s default format) from buffers: P5 grey and P6 colour', async () => {
    const w = 40;
    const h = 20;
    const p5 = Buffer.concat([Buffer.from(`P5\n# scanimage\n${w} ${h}\n255\n`), Buffer.alloc(w * h, 128)]);
    const p6 = Buffer.concat([Buffer.from(`P6\n${w} ${h}\n255\n`), Buffer.alloc(w * h * 3, 200)]);
    const { doc, images } = await pdfImages(await pagesToPdf([{ image: p5, dpi: 72 }, { image: p6, dpi: 72 }]));
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getPage(1).getWidth()).toBe(w);
    expect(images.map((i) => i.colorSpace)).toEqual(['/DeviceGray', '/DeviceGray']);
  });

  it('refuses an empty page list', async () => {
    await expect(pagesToPdf([])).rejects.toThrow(/no pages/);
  });

  it('thumbnails are small grey JPEGs 240 px wide', async () => {
    const t = await makeThumbnail(await simPagePng({ dpi: 100, pageNumber: 2 }));
    const meta = await sharp(t.data).metadata();
    expect([t.mime, t.width, meta.width, meta.channels]).toEqual(['image/jpeg', 240, 240, 1]);
    expect(t.height).toBe(Math.round((240 * 297) / 210));
    expect(t.data.length).toBeLessThan(30 * 1024);
  });
});
