// The serial path over REAL ptys from socat: SerialTransport (node-serialport) on ttyA,
// the simulator or a second SerialTransport writing on ttyB.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FrameEvent, Terminator } from '../../../hardware/id-reader/qr-frame-decoder.js';
import { QrFrameDecoder } from '../../../hardware/id-reader/qr-frame-decoder.js';
import { SerialQrReader } from '../../../hardware/id-reader/serial-qr-reader.js';
import { IdReaderSimulator, parseCccdSamples } from '../../../hardware/simulators/id-reader-sim.js';
import { SerialTransport } from '../../../hardware/transport/serial-transport.js';
import type { PtyPair } from './socat-pty.js';
import { startPtyPair } from './socat-pty.js';
import { cards, nextCard, stateReached } from './reader-events.js';

const samples = parseCccdSamples(readFileSync(new URL('../../../kiosk-config/samples/cccd-qr.tsv', import.meta.url), 'utf8'));
const card = samples.find((s) => s.expect === 'valid')?.payload ?? '';
const enc = (s: string) => new TextEncoder().encode(s);

let dir = '';
let pty: PtyPair | undefined;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-pty-'));
  pty = await startPtyPair(dir);
});

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await pty?.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** the reader on ttyA, and a plain serial writer on ttyB playing the QR reader hardware */
const connect = async (terminator: Terminator, p: PtyPair) => {
  const reader = new SerialQrReader({
    openTransport: () => new SerialTransport({ path: p.a }),
    terminator,
    backoff: { baseMs: 20, capMs: 200 },
  });
  cleanups.push(() => reader.stop());
  await reader.start();
  expect(reader.status().state).toBe('online');
  const writer = new SerialTransport({ path: p.b });
  await writer.open();
  cleanups.push(() => writer.close());
  return { reader, writer };
};

describe('SerialTransport on a pty', { timeout: 10_000 }, () => {
  it('open rejects with notFound for a missing port and locked for a port already open', async () => {
    const p = pty as PtyPair;
    await expect(new SerialTransport({ path: join(dir, 'nope') }).open()).rejects.toMatchObject({ name: 'TransportError', kind: 'notFound' });
    const first = new SerialTransport({ path: p.a });
    await first.open();
    cleanups.push(() => first.close());
    await expect(new SerialTransport({ path: p.a }).open()).rejects.toMatchObject({ kind: 'locked' });
  });

  it('onClose fires with an error when the pty disappears, and without one when we close', async () => {
    const p = pty as PtyPair;
    const t = new SerialTransport({ path: p.a });
    await t.open();
    const unplugged = new Promise<Error | undefined>((resolve) => t.onClose(resolve));
    await p.kill();
    expect(await unplugged).toMatchObject({ name: 'TransportError', kind: 'closed' });
    expect(t.isOpen).toBe(false);
    await expect(t.write(enc('x'))).rejects.toMatchObject({ kind: 'closed' });

    pty = await startPtyPair(dir);
    const again = new SerialTransport({ path: pty.a });
    await again.open();
    const closed = new Promise<Error | undefined>((resolve) => again.onClose(resolve));
    await again.close();
    expect(await closed).toBeUndefined();
  });
});

describe('SerialQrReader on a pty', { timeout: 10_000 }, () => {
  it.each(['CR', 'LF', 'CRLF'] as const)('reads a card terminated by %s', async (terminator) => {
    const { reader, writer } = await connect(terminator, pty as PtyPair);
    const got = nextCard(reader);
    await writer.write(enc(card + { CR: '\r', LF: '\n', CRLF: '\r\n' }[terminator]));
    expect(await got).toMatchObject({ ok: true, value: { idNumber: '001090123456', fullName: 'Nguyễn Văn An' } });
  });

  it('joins a frame written in two halves (split inside a Vietnamese letter)', async () => {
    const p = pty as PtyPair;
    const port = new SerialTransport({ path: p.a });
    await port.open();
    cleanups.push(() => port.close());
    const writer = new SerialTransport({ path: p.b });
    await writer.open();
    cleanups.push(() => writer.close());
    const decoder = new QrFrameDecoder({ terminator: 'CR', now: () => 0 });
    const received: number[] = [];
    const events: FrameEvent[] = [];
    let arrived: (() => void) | undefined;
    port.onData((chunk) => {
      received.push(chunk.length);
      events.push(...decoder.push(chunk));
      arrived?.();
    });
    const bytesArrived = (n: number) =>
      new Promise<void>((resolve) => {
        arrived = () => received.reduce((a, b) => a + b, 0) >= n && resolve();
        arrived();
      });

    const bytes = enc(card + '\r');
    const cut = enc('001090123456|123456789|Nguy').length + 1;
    await writer.write(bytes.slice(0, cut));
    await bytesArrived(cut);
    expect(events).toEqual([]);
    expect(decoder.pendingBytes).toBe(cut);
    await writer.write(bytes.slice(cut));
    await bytesArrived(bytes.length);
    expect(events).toEqual([{ kind: 'frame', text: card }]);
  });

  it('garbage between frames: counted, and the frames around it still read', async () => {
    const { reader, writer } = await connect('CRLF', pty as PtyPair);
    const got = cards(reader, 2);
    await writer.write(new Uint8Array([...enc(card + '\r\n'), 0xff, 0x00, 0xc3, 0x28, 0x0d, 0x0a, ...enc('stray\n'), 0x0d, 0x0a, ...enc(card + '\r\n')]));
    const [first, second] = await got;
    expect(first?.ok && second?.ok).toBe(true);
    expect(reader.counters()).toMatchObject({ cardsRead: 2, garbageFrames: 2, invalidPayloads: 0 });
  });

  it('unplug (socat killed): offline; back (same link names): reconnects by itself and reads the next card', async () => {
    const { reader } = await connect('CR', pty as PtyPair);
    const offline = stateReached(reader, 'offline');
    await pty?.kill();
    await offline;
    expect(reader.status().lastError).toBeDefined();

    const online = stateReached(reader, 'online');
    pty = await startPtyPair(dir);
    await online;
    expect(reader.counters().reconnects).toBe(1);

    const sim = new IdReaderSimulator({ transport: new SerialTransport({ path: pty.b }), terminator: 'CR', samples });
    await sim.open();
    cleanups.push(() => sim.close());
    const got = nextCard(reader);
    await sim.present(0);
    expect(await got).toMatchObject({ ok: true, value: { idNumber: '001090123456' } });
  });

  it('the simulator presents every sample through the pty, and a misread', async () => {
    const p = pty as PtyPair;
    const reader = new SerialQrReader({ openTransport: () => new SerialTransport({ path: p.a }), terminator: 'CRLF' });
    cleanups.push(() => reader.stop());
    await reader.start();
    const sim = new IdReaderSimulator({ transport: new SerialTransport({ path: p.b }), terminator: 'CRLF', samples });
    await sim.open();
    cleanups.push(() => sim.close());
    const got = cards(reader, samples.length);
    await sim.presentGarbage();
    for (let i = 0; i < samples.length; i++) await sim.present(i);
    expect((await got).map((c) => (c.ok ? 'valid' : 'invalid'))).toEqual(samples.map((s) => s.expect));
    expect(reader.counters()).toMatchObject({ garbageFrames: 1 });
  });
});
