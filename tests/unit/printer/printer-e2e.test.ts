import jsQR from 'jsqr';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../common/domain/device-status.js';
import { cut, qr, receipt, separator, text } from '../../../common/receipt/receipt-doc.js';
import { renderTextBlock } from '../../../hardware/printer/raster-text.js';
import type { RasterImage } from '../../../hardware/printer/raster-text.js';
import { resolveReceiptFont } from '../../../hardware/printer/receipt-font.js';
import { ReceiptPrinter, TEST_PANGRAM } from '../../../hardware/printer/receipt-printer.js';
import type { TextMode } from '../../../hardware/printer/escpos-encoder.js';
import { startPrinterSimulator } from '../../../hardware/simulators/printer-sim/index.js';
import type { PrinterSimulator, SimEvent, SimReceipt } from '../../../hardware/simulators/printer-sim/index.js';
import { TcpTransport } from '../../../hardware/transport/tcp-transport.js';

// The adapter → a real TCP socket → the simulator, which decodes the bytes like a printer.

const font = resolveReceiptFont();
const QR_PAYLOAD = 'https://dichvucong.gov.vn/tra-cuu?ma=KIOSK01-261124-0001';
const doc = receipt(text('BIÊN NHẬN HỒ SƠ', { bold: true, align: 'center' }), text(TEST_PANGRAM), separator(), qr(QR_PAYLOAD, { cellSize: 5 }), cut());

let sim: PrinterSimulator;
let printer: ReceiptPrinter;

const makePrinter = (port: number, textMode: TextMode): ReceiptPrinter =>
  new ReceiptPrinter({
    transport: new TcpTransport({ host: '127.0.0.1', port, connectTimeoutMs: 1000 }),
    implementation: 'simulator',
    textMode,
    widthDots: 576,
    font,
    pollMs: 40,
    idlePollMs: 0,
    statusTimeoutMs: 1000,
    backoff: { baseMs: 20, capMs: 100 },
  });

const nextReceipt = (s: PrinterSimulator): Promise<SimReceipt> =>
  new Promise((resolve) => {
    const off = s.onReceipt((r) => {
      off();
      resolve(r);
    });
  });
const nextEvent = (s: PrinterSimulator, type: SimEvent['type']): Promise<SimEvent> =>
  new Promise((resolve) => {
    const off = s.onEvent((e) => {
      if (e.type !== type) return;
      off();
      resolve(e);
    });
  });
const statusWhere = (p: ReceiptPrinter, pred: (s: DeviceStatus) => boolean): Promise<DeviceStatus> =>
  new Promise((resolve) => {
    if (pred(p.status())) return resolve(p.status());
    const off = p.onStatus((s) => {
      if (!pred(s)) return;
      off();
      resolve(s);
    });
  });
const rasters = (r: SimReceipt): RasterImage[] => r.elements.flatMap((e) => (e.kind === 'raster' ? [e.image] : []));
const same = (a: RasterImage, b: RasterImage): boolean => a.width === b.width && a.height === b.height && Buffer.from(a.data).equals(Buffer.from(b.data));
const readQr = async (png: Buffer): Promise<string | undefined> => {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
};

beforeEach(async () => {
  sim = await startPrinterSimulator({ port: 0, host: '127.0.0.1', keep: 5, font });
  printer = makePrinter(sim.port, 'raster');
  await printer.start();
});
afterEach(async () => {
  await printer.stop();
  await sim.close();
});

describe('receipt printer over TCP against the simulator', () => {
  it('starts online with paper', () => {
    expect(printer.status()).toMatchObject({ id: 'printer', state: 'online', media: 'ok', implementation: 'simulator' });
  });

  it('raster mode: the printed lines carry their tone marks and the QR reads back', async () => {
    const printed = nextReceipt(sim);
    const r = await printer.print(doc);
    expect(r.ok).toBe(true);
    const got = await printed;

    const pangram = doc.blocks[1];
    if (pangram?.type !== 'text') throw new Error('fixture');
    const reference = await renderTextBlock(pangram, { font, widthDots: 576 });
    const toneless = await renderTextBlock({ ...pangram, text: 'Tieng Viet: Dang Thi Hong Nhung — aaaaa aaaaa eeeee ooooo ooooo uuuuu' }, { font, widthDots: 576 });
    const bands = rasters(got);
    expect(bands).toHaveLength(3);
    expect(same(bands[1]!, reference)).toBe(true);
    expect(same(bands[1]!, toneless)).toBe(false);

    expect(await readQr(got.png)).toBe(QR_PAYLOAD);
    expect(printer.counters()).toMatchObject({ receiptsPrinted: 1, jobsFailed: 0 });
    expect(sim.receipts()).toHaveLength(1);
  });

  it('cp1258 mode: the printer decodes the Vietnamese text from WPC1258', async () => {
    await printer.stop();
    printer = makePrinter(sim.port, 'cp1258');
    await printer.start();
    const printed = nextReceipt(sim);
    expect((await printer.print(doc)).ok).toBe(true);
    const got = await printed;
    const lines = got.text.split('\n');
    expect(lines[0]).toBe('BIÊN NHẬN HỒ SƠ');
    // 48 columns: the pangram wraps onto a second line, word by word
    expect(lines.slice(1, 3).join(' ')).toBe(TEST_PANGRAM);
    expect(got.elements.find((e) => e.kind === 'text')).toMatchObject({ codePage: 52, style: { bold: true, align: 'center' } });
    expect(got.elements.find((e) => e.kind === 'qr')).toEqual({ kind: 'qr', payload: QR_PAYLOAD, cellSize: 5 });
    expect(await readQr(got.png)).toBe(QR_PAYLOAD);
  });

  it('out of paper before the job: PaperOut and nothing is sent', async () => {
    sim.setState({ paper: 'out' });
    const seen: SimEvent[] = [];
    sim.onEvent((e) => seen.push(e));
    const r = await printer.print(doc);
    expect(r.ok ? undefined : r.error.kind).toBe('PaperOut');
    expect(seen.filter((e) => e.type !== 'status')).toEqual([]);
    expect(sim.stats()).toMatchObject({ printed: 0, discarded: 0 });
    expect(printer.status()).toMatchObject({ state: 'userError', media: 'out' });
    expect(printer.counters()).toMatchObject({ receiptsPrinted: 0, jobsFailed: 1 });
  });

  it('paper running out during a slow job: PaperOut, the job failed and the printer lost it', async () => {
    sim.setState({ slowMs: 400 });
    sim.onEvent((e) => {
      if (e.type === 'receiving') sim.setState({ paper: 'out' });
    });
    const discarded = nextEvent(sim, 'discarded');
    const r = await printer.print(doc);
    expect(r.ok ? undefined : r.error.kind).toBe('PaperOut');
    expect(await discarded).toMatchObject({ reason: 'out of paper' });
    expect(sim.receipts()).toEqual([]);
    expect(printer.counters()).toMatchObject({ receiptsPrinted: 0, jobsFailed: 1 });
  });

  it('a slow job that completes is reported only once printed', async () => {
    sim.setState({ slowMs: 300 });
    let printedAt = 0;
    sim.onReceipt(() => (printedAt = Date.now()));
    const r = await printer.print(doc);
    expect(r.ok).toBe(true);
    expect(printedAt).toBeGreaterThan(0); // the adapter answered after the paper came out
  });

  it('offline: DeviceOffline', async () => {
    sim.setState({ online: false });
    const r = await printer.print(doc);
    expect(r.ok ? undefined : r.error.kind).toBe('DeviceOffline');
    expect(printer.status().state).toBe('offline');
  });

  it('low paper still prints and says so', async () => {
    sim.setState({ paper: 'low' });
    expect((await printer.print(doc)).ok).toBe(true);
    expect(printer.status()).toMatchObject({ state: 'online', media: 'low' });
  });

  it('simulator killed → offline; back → reconnects and prints', async () => {
    const port = sim.port;
    const offline = statusWhere(printer, (s) => s.state === 'offline');
    await sim.close();
    expect((await offline).lastError).toMatch(/tcp:\/\/127\.0\.0\.1/);
    expect((await printer.print(doc)).ok).toBe(false);

    sim = await startPrinterSimulator({ port, host: '127.0.0.1', keep: 5, font });
    await statusWhere(printer, (s) => s.state === 'online');
    expect(printer.counters().reconnects).toBeGreaterThanOrEqual(1);
    const printed = nextReceipt(sim);
    expect((await printer.print(doc)).ok).toBe(true);
    expect((await printed).text).toContain('[QR ');
  });

  it('selfTest reads status and prints nothing; printTestReceipt prints the pangram', async () => {
    const seen: SimEvent[] = [];
    sim.onEvent((e) => seen.push(e));
    const report = await printer.selfTest();
    expect(report.ok && report.value.passed).toBe(true);
    expect(seen.every((e) => e.type === 'status')).toBe(true);
    const printed = nextReceipt(sim);
    expect((await printer.printTestReceipt()).ok).toBe(true);
    const got = await printed;
    expect(await readQr(got.png)).toBe('KIOSK-PRINTER-TEST');
    const reference = await renderTextBlock({ type: 'text', text: TEST_PANGRAM, bold: false, underline: false, invert: false, align: 'left', size: 'normal' }, { font, widthDots: 576 });
    expect(rasters(got).some((b) => same(b, reference))).toBe(true);
  });
});
