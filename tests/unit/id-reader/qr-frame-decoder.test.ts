import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FrameEvent, Terminator } from '../../../hardware/id-reader/qr-frame-decoder.js';
import { QrFrameDecoder } from '../../../hardware/id-reader/qr-frame-decoder.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]): Uint8Array => {
  const chunks = parts.map((p) => (typeof p === 'string' ? enc(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};
const term: Record<Terminator, string> = { CR: '\r', LF: '\n', CRLF: '\r\n' };
const card = '001090123456|123456789|Nguyễn Văn An|01011990|Nam|Hà Nội|15042021';

const decoder = (terminator: Terminator, extra: { partialTimeoutMs?: number; maxFrameBytes?: number } = {}) => {
  const clock = { t: 0 };
  const d = new QrFrameDecoder({ terminator, now: () => clock.t, ...extra });
  return { d, clock };
};
const frames = (events: FrameEvent[]): string[] => events.flatMap((e) => (e.kind === 'frame' ? [e.text] : []));
const pushAll = (d: QrFrameDecoder, chunks: Uint8Array[]): FrameEvent[] => chunks.flatMap((c) => d.push(c));

describe('QrFrameDecoder', () => {
  it.each(['CR', 'LF', 'CRLF'] as const)('%s: frames with the configured terminator, several per chunk', (t) => {
    const { d } = decoder(t);
    expect(d.push(enc(`${card}${term[t]}second${term[t]}`))).toEqual([
      { kind: 'frame', text: card },
      { kind: 'frame', text: 'second' },
    ]);
    expect(d.pendingBytes).toBe(0);
  });

  it('joins a frame split across reads, inside a multi-byte character too', () => {
    const { d } = decoder('CR');
    const all = enc(card + '\r');
    const cut = enc('001090123456|123456789|Nguy').length + 1; // inside 'ễ' (3 bytes)
    expect(d.push(all.slice(0, cut))).toEqual([]);
    expect(d.pendingBytes).toBe(cut);
    expect(d.push(all.slice(cut))).toEqual([{ kind: 'frame', text: card }]);
  });

  it('CRLF split between CR and LF', () => {
    const { d } = decoder('CRLF');
    expect(d.push(enc(card + '\r'))).toEqual([]);
    expect(d.push(enc('\n'))).toEqual([{ kind: 'frame', text: card }]);
  });

  it('invalid UTF-8 between frames is a garbage event, not a throw, and the next frame survives', () => {
    const { d } = decoder('CR');
    expect(d.push(bytes('ok1\r', [0xff, 0xfe, 0xc3, 0x28], '\r', card, '\r'))).toEqual([
      { kind: 'frame', text: 'ok1' },
      { kind: 'garbage', reason: 'invalidUtf8', bytes: 4 },
      { kind: 'frame', text: card },
    ]);
  });

  it('control bytes make a frame garbage', () => {
    const { d } = decoder('LF');
    expect(d.push(bytes([0x00, 0x41, 0x1b], '\n'))).toEqual([{ kind: 'garbage', reason: 'controlBytes', bytes: 3 }]);
  });

  it('stray terminators and the other half of a CRLF reader are ignored', () => {
    expect(decoder('CR').d.push(enc(`\r\r${card}\r\n\r\nsecond\r\n`))).toEqual([
      { kind: 'frame', text: card },
      { kind: 'frame', text: 'second' },
    ]);
    expect(decoder('LF').d.push(enc(`\n${card}\r\n\n`))).toEqual([{ kind: 'frame', text: card }]);
  });

  it('CRLF configured: a lone LF ends the bytes before it as garbage, a lone LF alone is nothing', () => {
    const { d } = decoder('CRLF');
    expect(d.push(enc(`noise\n${card}\r\n\n`))).toEqual([
      { kind: 'garbage', reason: 'wrongTerminator', bytes: 5 },
      { kind: 'frame', text: card },
    ]);
    expect(d.push(enc(`half\rsecond\r\n`))).toEqual([
      { kind: 'garbage', reason: 'wrongTerminator', bytes: 4 },
      { kind: 'frame', text: 'second' },
    ]);
  });

  it('drops a partial frame idle longer than partialTimeoutMs, and says so', () => {
    const { d, clock } = decoder('CR', { partialTimeoutMs: 500 });
    clock.t = 1000;
    expect(d.push(enc('00109012'))).toEqual([]);
    expect(d.partialDeadline).toBe(1500);
    clock.t = 1500;
    expect(d.expire()).toEqual([]);
    clock.t = 1501;
    expect(d.push(enc(card + '\r'))).toEqual([
      { kind: 'partialDropped', bytes: 8, idleMs: 501 },
      { kind: 'frame', text: card },
    ]);
  });

  it('keeps a partial frame whose bytes keep coming (a slow line)', () => {
    const { d, clock } = decoder('CR', { partialTimeoutMs: 100 });
    const all = enc(card + '\r');
    const events = [...all].flatMap((b) => {
      clock.t += 50;
      return d.push(Uint8Array.of(b));
    });
    expect(events).toEqual([{ kind: 'frame', text: card }]);
  });

  it('expire() reports a stale partial by itself', () => {
    const { d, clock } = decoder('CR', { partialTimeoutMs: 100 });
    d.push(enc('abc'));
    clock.t = 101;
    expect(d.expire()).toEqual([{ kind: 'partialDropped', bytes: 3, idleMs: 101 }]);
    expect(d.pendingBytes).toBe(0);
    expect(d.partialDeadline).toBeUndefined();
  });

  it('guards the frame length: an over-long frame is one garbage event, its tail is not a frame', () => {
    const { d } = decoder('CR', { maxFrameBytes: 16 });
    const events = pushAll(d, [enc('x'.repeat(10)), enc('y'.repeat(10)), enc('z'.repeat(30)), enc('tail\rnext\r')]);
    expect(events).toEqual([
      { kind: 'garbage', reason: 'tooLong', bytes: 20 },
      { kind: 'frame', text: 'next' },
    ]);
    expect(decoder('CR', { maxFrameBytes: 16 }).d.push(enc('q'.repeat(17) + '\rok\r'))).toEqual([
      { kind: 'garbage', reason: 'tooLong', bytes: 17 },
      { kind: 'frame', text: 'ok' },
    ]);
  });

  it('keeps a leading BOM as text (the parser trims it)', () => {
    expect(decoder('CR').d.push(bytes([0xef, 0xbb, 0xbf], 'a\r'))).toEqual([{ kind: 'frame', text: '\ufeffa' }]);
  });
});

describe('QrFrameDecoder properties', () => {
  const runs = { numRuns: 10_000 };
  const terminatorArb = fc.constantFrom<Terminator>('CR', 'LF', 'CRLF');

  it('never throws on arbitrary chunks at arbitrary times', () => {
    fc.assert(
      fc.property(
        terminatorArb,
        fc.array(fc.tuple(fc.uint8Array({ maxLength: 64 }), fc.nat(1000), fc.boolean()), { maxLength: 20 }),
        (terminator, steps) => {
          const clock = { t: 0 };
          const d = new QrFrameDecoder({ terminator, partialTimeoutMs: 300, maxFrameBytes: 48, now: () => clock.t });
          for (const [chunk, advance, expire] of steps) {
            clock.t += advance;
            const events = expire ? d.expire() : d.push(chunk);
            for (const e of events) if (e.kind === 'frame') expect(e.text).not.toMatch(/[\r\n]/);
          }
        },
      ),
      runs,
    );
  });

  // planted frames are marked with '#', which garbage never contains
  const frameText = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
    .map((s) => s.replace(/[\p{Cc}#]/gu, ''))
    .filter((s) => s.length > 0 && enc(s).length <= 120);
  // sometimes longer than maxFrameBytes, to exercise the length guard
  const garbageBytes = fc.uint8Array({ minLength: 1, maxLength: 200 }).map((b) => b.map((x) => (x === 0x23 ? 0xff : x)));

  it('every well-formed frame between garbage comes out exactly once, in order, whatever the split points', () => {
    fc.assert(
      fc.property(
        terminatorArb,
        fc.array(fc.tuple(fc.option(garbageBytes, { nil: undefined }), frameText), { minLength: 1, maxLength: 6 }),
        fc.option(garbageBytes, { nil: undefined }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (terminator, items, trailing, cuts) => {
          const t = term[terminator];
          const planted = items.map(([, text], i) => `#${i}#${text}`);
          const stream = bytes(
            ...items.flatMap(([garbage], i) => [...(garbage ? [[...garbage], t] : []), planted[i] ?? '', t]),
            ...(trailing ? [[...trailing]] : []),
          );
          const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...points].map((from, i) => stream.slice(from, [...points, stream.length][i]));
          const d = new QrFrameDecoder({ terminator, maxFrameBytes: 128, now: () => 0 });
          const out = frames(pushAll(d, chunks)).filter((f) => f.includes('#'));
          expect(out).toEqual(planted);
        },
      ),
      runs,
    );
  });
});
