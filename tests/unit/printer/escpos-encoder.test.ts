import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { barcode, cut, feed, namedLogo, qr, receipt, separator, text } from '../../../common/receipt/receipt-doc.js';
import { encodeCp1258 } from '../../../hardware/printer/cp1258.js';
import { encodeReceipt } from '../../../hardware/printer/escpos-encoder.js';
import { gsV0, rasterToPng, renderTextBlock } from '../../../hardware/printer/raster-text.js';
import { resolveReceiptFont } from '../../../hardware/printer/receipt-font.js';
import { EscPosDecoder } from '../../../hardware/simulators/printer-sim/escpos-decoder.js';

const font = resolveReceiptFont();
const PANGRAM = 'Tiếng Việt: Đặng Thị Hồng Nhung — ắằẳẵặ ấầẩẫậ';
const doc = receipt(text('BIÊN NHẬN', { bold: true, align: 'center', size: 'double' }), text(PANGRAM), separator(), qr('KIOSK01-261124-0001'), barcode('KIOSK01-0001'), feed(2), cut());

const encode = async (textMode: 'raster' | 'cp1258') => {
  const r = await encodeReceipt(doc, { textMode, widthDots: 576, font });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('ESC/POS encoder', () => {
  it('raster mode: every text line is a GS v 0 image, no text bytes at all', async () => {
    const { bytes } = await encode('raster');
    expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40]);
    const events = new EscPosDecoder().push(bytes);
    expect(events.filter((e) => e.kind === 'text')).toEqual([]);
    const rasters = events.flatMap((e) => (e.kind === 'raster' ? [e.image] : []));
    expect(rasters).toHaveLength(3); // two text blocks and the separator
    expect(rasters.every((r) => r.width === 576)).toBe(true);
    expect(events.find((e) => e.kind === 'qr')).toMatchObject({ payload: Buffer.from('KIOSK01-261124-0001'), cellSize: 6 });
    expect(events.find((e) => e.kind === 'barcode')).toEqual({ kind: 'barcode', data: 'KIOSK01-0001' });
    expect(events.filter((e) => e.kind === 'cut')).toHaveLength(1);
    expect(bytes.includes(Buffer.from([0x1b, 0x74]))).toBe(false); // no code page switching
  });

  it('raster bands are the ones the renderer draws, and the pangram band shows its tone marks', async () => {
    const { bytes } = await encode('raster');
    const rasters = new EscPosDecoder().push(bytes).flatMap((e) => (e.kind === 'raster' ? [e.image] : []));
    const block = doc.blocks[1];
    if (block?.type !== 'text') throw new Error('fixture');
    const reference = await renderTextBlock(block, { font, widthDots: 576 });
    expect(Buffer.from(rasters[1]!.data).equals(Buffer.from(reference.data))).toBe(true);
  });

  it('cp1258 mode: ESC t 52, then the text as CP1258 bytes', async () => {
    const { bytes, unencodable } = await encode('cp1258');
    expect([...bytes.subarray(0, 5)]).toEqual([0x1b, 0x40, 0x1b, 0x74, 52]);
    expect(unencodable).toEqual([]); // even the em dash: windows-1258 has it at 0x97
    expect(bytes.includes(Buffer.from(encodeCp1258('Đặng Thị Hồng Nhung').bytes))).toBe(true);
    const events = new EscPosDecoder().push(bytes);
    const lines = events.flatMap((e) => (e.kind === 'text' ? [e] : []));
    expect(lines.map((l) => l.text)).toEqual(['BIÊN NHẬN', PANGRAM, '-'.repeat(48)]);
    expect(lines[0]?.style).toMatchObject({ bold: true, align: 'center', size: 'double' });
    expect(events.filter((e) => e.kind === 'raster')).toEqual([]);
    // the library's cut re-initialises the printer: the code page must be selected again after it
    expect([...bytes.subarray(-5)]).toEqual([0x1b, 0x40, 0x1b, 0x74, 52]);
  });

  it('wraps cp1258 text at 48 columns on 80 mm paper', async () => {
    const long = 'Thủ tục đăng ký thường trú tại phường Bến Nghé, thành phố Hồ Chí Minh, nộp trực tuyến';
    const r = await encodeReceipt(receipt(text(long)), { textMode: 'cp1258', widthDots: 576, font });
    if (!r.ok) throw new Error(r.error.message);
    const lines = new EscPosDecoder().push(r.value.bytes).flatMap((e) => (e.kind === 'text' ? [e.text] : []));
    expect(lines.length).toBe(2);
    expect(lines.every((l) => [...l].length <= 48)).toBe(true);
    expect(lines.join(' ')).toBe(long);
  });

  it('packs GS v 0 exactly as node-thermal-printer does for the same picture', async () => {
    const band = await renderTextBlock({ type: 'text', text: 'Hồ sơ số 0001', bold: false, underline: false, invert: false, align: 'center', size: 'normal' }, { font, widthDots: 576 });
    const lib = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '/dev/null' });
    await lib.printImageBuffer(await rasterToPng(band));
    const theirs = lib.getBuffer();
    const ours = gsV0(band);
    // same header apart from m (they send 48, we send 0: both "normal" in Epson's table), same dots
    expect([...theirs.subarray(0, 3)]).toEqual([...ours.subarray(0, 3)]);
    expect(theirs.subarray(4).equals(ours.subarray(4))).toBe(true);
  });

  it('refuses an unknown named logo and prints a configured one', async () => {
    const missing = await encodeReceipt(receipt(namedLogo('city-seal')), { textMode: 'raster', widthDots: 576, font });
    expect(missing.ok ? undefined : missing.error.kind).toBe('InvalidArguments');
    const png = await sharp({ create: { width: 64, height: 32, channels: 3, background: 'black' } }).png().toBuffer();
    const r = await encodeReceipt(receipt(namedLogo('city-seal')), { textMode: 'raster', widthDots: 576, font, logos: { 'city-seal': png } });
    if (!r.ok) throw new Error(r.error.message);
    const img = new EscPosDecoder().push(r.value.bytes).flatMap((e) => (e.kind === 'raster' ? [e.image] : []))[0];
    expect(img).toMatchObject({ width: 576, height: 32 });
    expect(img!.data.reduce((n, b) => n + (b === 0xff ? 1 : 0), 0)).toBe(8 * 32); // 64 black dots a row
  });
});
