import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cut, receipt, text } from '../../../common/receipt/receipt-doc.js';
import { resolveReceiptFont } from '../../../hardware/printer/receipt-font.js';
import { ReceiptPrinter } from '../../../hardware/printer/receipt-printer.js';
import { EscPosDecoder } from '../../../hardware/simulators/printer-sim/escpos-decoder.js';
import { TransportError } from '../../../hardware/transport/byte-transport.js';
import { FileTransport } from '../../../hardware/transport/file-transport.js';
import { TcpTransport } from '../../../hardware/transport/tcp-transport.js';
import { UsbTransport } from '../../../hardware/transport/usb-transport.js';

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });

describe('file transport', () => {
  it('writes the exact bytes, in order, and is write-only', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kiosk-lp-')), 'lp0');
    const t = new FileTransport(path);
    expect(t.bidirectional).toBe(false);
    await t.open();
    const a = Buffer.from([0x1b, 0x40, 0x00, 0xff, 0x10, 0x04, 0x01]);
    const b = Buffer.from('Hồ sơ', 'utf8');
    await t.write(a);
    await t.write(b);
    await t.close();
    expect(readFileSync(path).equals(Buffer.concat([a, b]))).toBe(true);
    await expect(t.write(a)).rejects.toMatchObject({ kind: 'closed' });
  });

  it('lets the adapter print without status checks, and no GS r marker goes out', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kiosk-lp-')), 'lp0');
    const printer = new ReceiptPrinter({ transport: new FileTransport(path), implementation: 'real', textMode: 'cp1258', widthDots: 576, font: resolveReceiptFont(), idlePollMs: 0 });
    await printer.start();
    expect(printer.status().state).toBe('online');
    const r = await printer.print(receipt(text('Phường Bến Nghé'), cut()));
    expect(r.ok).toBe(true);
    await printer.stop();
    const bytes = readFileSync(path);
    expect(r.ok && r.value.bytes).toBe(bytes.length);
    const events = new EscPosDecoder().push(bytes);
    expect(events.flatMap((e) => (e.kind === 'text' ? [e.text] : []))).toEqual(['Phường Bến Nghé']);
    expect(events.some((e) => e.kind === 'paperStatus' || e.kind === 'status')).toBe(false);
  });

  it('a missing directory is notFound', async () => {
    await expect(new FileTransport('/nonexistent-dir/lp0').open()).rejects.toMatchObject({ kind: 'notFound' });
  });
});

describe('usb transport', () => {
  it('finds no device on a machine without a USB bus', async () => {
    const t = new UsbTransport({ vendorId: 0x04b8, productId: 0x0202 });
    const e = await t.open().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TransportError);
    expect(e).toMatchObject({ kind: 'notFound', transport: 'usb://04b8:0202' });
    expect(t.isOpen).toBe(false);
  });

  it('makes the adapter report noDevice', async () => {
    const printer = new ReceiptPrinter({ transport: new UsbTransport({ vendorId: 0x04b8, productId: 0x0202 }), implementation: 'real', textMode: 'raster', widthDots: 576, font: resolveReceiptFont(), idlePollMs: 0 });
    await printer.start();
    expect(printer.status().state).toBe('noDevice');
    await printer.stop();
  });
});

describe('tcp transport', () => {
  it('refused when nothing listens', async () => {
    const t = new TcpTransport({ host: '127.0.0.1', port: await freePort() });
    await expect(t.open()).rejects.toMatchObject({ kind: 'refused' });
  });

  it('passes bytes both ways, reports a peer drop with an error and our own close without, and reopens', async () => {
    const peers = new Set<Socket>();
    const server = createServer((s) => {
      peers.add(s);
      s.on('data', (d) => s.write(Buffer.from([...d].reverse())));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const a = server.address();
    const t = new TcpTransport({ host: '127.0.0.1', port: typeof a === 'object' && a ? a.port : 0 });
    await t.open();
    const echoed = new Promise<Buffer>((r) => t.onData(r));
    await t.write(Buffer.from([1, 2, 3]));
    expect([...(await echoed)]).toEqual([3, 2, 1]);

    const nextClose = (): Promise<Error | undefined> => new Promise((r) => { const off = t.onClose((e) => { off(); r(e); }); });
    const dropped = nextClose();
    peers.forEach((s) => s.destroy());
    expect(await dropped).toBeInstanceOf(TransportError);
    expect(t.isOpen).toBe(false);
    await expect(t.write(Buffer.from([0]))).rejects.toMatchObject({ kind: 'closed' });

    await t.open();
    expect(t.isOpen).toBe(true);
    const closed = nextClose();
    await t.close();
    expect(await closed).toBeUndefined();
    server.close();
  });
});
