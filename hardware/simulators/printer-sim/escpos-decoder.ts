import type { TextAlign, TextSize } from '../../../common/receipt/receipt-doc.js';
import type { RasterImage } from '../../printer/raster-text.js';

// An incremental ESC/POS decoder: the subset our encoder and node-thermal-printer emit, plus
// status requests. Argument bytes are consumed with their command, so a 0x10 0x04 inside
// raster data is never taken for a status request. Unknown commands are reported, not guessed.

export interface TextStyle {
  align: TextAlign;
  bold: boolean;
  underline: boolean;
  invert: boolean;
  size: TextSize;
}

export type DecodedEvent =
  | { kind: 'init' }
  | { kind: 'codePage'; n: number }
  | { kind: 'text'; text: string; style: TextStyle; codePage: number }
  | { kind: 'raster'; image: RasterImage }
  | { kind: 'qr'; payload: Buffer; cellSize: number }
  | { kind: 'barcode'; data: string }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut'; partial: boolean }
  | { kind: 'status'; n: number }
  | { kind: 'paperStatus' }
  | { kind: 'unknown'; bytes: number[] };

/** `ESC t n` → a WHATWG decoder label; other pages show their ASCII and '?' above it. */
const CODE_PAGE_LABELS: Readonly<Record<number, string>> = { 16: 'windows-1252', 45: 'windows-1250', 46: 'windows-1251', 52: 'windows-1258' };
const decodeText = (bytes: Buffer, codePage: number): string => {
  const label = CODE_PAGE_LABELS[codePage];
  if (label) return new TextDecoder(label).decode(bytes).normalize('NFC');
  return [...bytes].map((b) => (b < 0x80 ? String.fromCharCode(b) : '?')).join('');
};

const sizeOf = (doubleH: boolean, doubleW: boolean): TextSize => (doubleH && doubleW ? 'double' : doubleH ? 'doubleHeight' : doubleW ? 'doubleWidth' : 'normal');
const NEED_MORE = null;
type Step = { consumed: number; events: DecodedEvent[] } | typeof NEED_MORE;

export class EscPosDecoder {
  #pending = Buffer.alloc(0);
  #line: number[] = [];
  #codePage = 0;
  #style: TextStyle = { align: 'left', bold: false, underline: false, invert: false, size: 'normal' };
  #qrData = Buffer.alloc(0);
  #qrCell = 3;

  /** Feeds bytes as they arrive; returns every complete command in order. */
  push(chunk: Uint8Array): DecodedEvent[] {
    this.#pending = this.#pending.length ? Buffer.concat([this.#pending, chunk]) : Buffer.from(chunk);
    const events: DecodedEvent[] = [];
    let pos = 0;
    while (pos < this.#pending.length) {
      const step = this.#step(this.#pending, pos);
      if (step === NEED_MORE) break;
      events.push(...step.events);
      pos += step.consumed;
    }
    this.#pending = this.#pending.subarray(pos);
    return events;
  }

  #flushLine(): DecodedEvent[] {
    if (this.#line.length === 0) return [];
    const text = decodeText(Buffer.from(this.#line), this.#codePage);
    this.#line = [];
    return [{ kind: 'text', text, style: { ...this.#style }, codePage: this.#codePage }];
  }

  #reset(): void {
    this.#codePage = 0;
    this.#style = { align: 'left', bold: false, underline: false, invert: false, size: 'normal' };
  }

  #step(b: Buffer, p: number): Step {
    const c = b[p]!;
    const at = (i: number): number | undefined => b[p + i];
    const need = (n: number): boolean => p + n > b.length;
    const done = (consumed: number, events: DecodedEvent[] = []): Step => ({ consumed, events });
    if (c === 0x0a) {
      const text = this.#flushLine();
      return done(1, text.length ? text : [{ kind: 'feed', lines: 1 }]);
    }
    if (c === 0x10) {
      if (need(3)) return NEED_MORE;
      return at(1) === 0x04 ? done(3, [{ kind: 'status', n: at(2)! }]) : done(1, [{ kind: 'unknown', bytes: [c] }]);
    }
    if (c === 0x1b) {
      if (need(2)) return NEED_MORE;
      const cmd = at(1)!;
      if (cmd === 0x40) {
        this.#reset();
        return done(2, [...this.#flushLine(), { kind: 'init' }]);
      }
      if (cmd === 0x32) return done(2); // ESC 2 default line spacing
      if (need(3)) return NEED_MORE;
      const n = at(2)!;
      switch (cmd) {
        case 0x74:
          this.#codePage = n;
          return done(3, [{ kind: 'codePage', n }]);
        case 0x61:
          this.#style.align = n % 48 === 1 ? 'center' : n % 48 === 2 ? 'right' : 'left';
          return done(3);
        case 0x45:
          this.#style.bold = (n & 1) === 1;
          return done(3);
        case 0x2d:
          this.#style.underline = n % 48 !== 0;
          return done(3);
        case 0x21:
          this.#style = { ...this.#style, bold: (n & 0x08) !== 0, underline: (n & 0x80) !== 0, size: sizeOf((n & 0x10) !== 0, (n & 0x20) !== 0) };
          return done(3);
        case 0x64:
          return done(3, [...this.#flushLine(), { kind: 'feed', lines: n }]);
        case 0x33:
        case 0x4d:
          return done(3);
        default:
          return done(3, [{ kind: 'unknown', bytes: [c, cmd, n] }]);
      }
    }
    if (c === 0x1d) {
      if (need(2)) return NEED_MORE;
      const cmd = at(1)!;
      if (cmd === 0x76) {
        if (need(8)) return NEED_MORE;
        const rowBytes = at(4)! + at(5)! * 256;
        const height = at(6)! + at(7)! * 256;
        if (need(8 + rowBytes * height)) return NEED_MORE;
        const data = new Uint8Array(b.subarray(p + 8, p + 8 + rowBytes * height));
        return done(8 + rowBytes * height, [...this.#flushLine(), { kind: 'raster', image: { width: rowBytes * 8, height, data } }]);
      }
      if (cmd === 0x28) {
        if (need(5)) return NEED_MORE;
        const len = at(3)! + at(4)! * 256;
        if (need(5 + len)) return NEED_MORE;
        return done(5 + len, at(2) === 0x6b ? this.#qr(b.subarray(p + 5, p + 5 + len)) : [{ kind: 'unknown', bytes: [c, cmd, at(2)!] }]);
      }
      if (cmd === 0x6b) {
        if (need(3)) return NEED_MORE;
        const m = at(2)!;
        if (m >= 65) {
          if (need(4)) return NEED_MORE;
          const len = at(3)!;
          if (need(4 + len)) return NEED_MORE;
          const raw = b.subarray(p + 4, p + 4 + len).toString('latin1');
          // CODE128 data starts with its code set, e.g. "{B"
          return done(4 + len, [...this.#flushLine(), { kind: 'barcode', data: m === 73 ? raw.replace(/^\{[ABC]/, '') : raw }]);
        }
        const end = b.indexOf(0, p + 3);
        if (end < 0) return NEED_MORE;
        return done(end + 1 - p, [...this.#flushLine(), { kind: 'barcode', data: b.subarray(p + 3, end).toString('latin1') }]);
      }
      if (cmd === 0x56) {
        if (need(3)) return NEED_MORE;
        const m = at(2)!;
        const withFeed = m >= 65;
        if (withFeed && need(4)) return NEED_MORE;
        return done(withFeed ? 4 : 3, [...this.#flushLine(), { kind: 'cut', partial: m % 2 === 1 }]);
      }
      if (need(3)) return NEED_MORE;
      const n = at(2)!;
      switch (cmd) {
        case 0x21:
          this.#style.size = sizeOf((n & 0x0f) > 0, (n & 0xf0) > 0);
          return done(3);
        case 0x42:
          this.#style.invert = (n & 1) === 1;
          return done(3);
        case 0x72:
          return done(3, [{ kind: 'paperStatus' }]);
        case 0x48:
        case 0x66:
        case 0x77:
        case 0x68:
          return done(3); // barcode HRI position, HRI font, module width, height
        default:
          return done(3, [{ kind: 'unknown', bytes: [c, cmd, n] }]);
      }
    }
    if (c < 0x20 && c !== 0x09) return done(1, [{ kind: 'unknown', bytes: [c] }]);
    this.#line.push(c);
    return done(1);
  }

  /** `GS ( k` function 167 (cell size, fn 0x43), 180 (store, fn 0x50), 181 (print, fn 0x51). */
  #qr(body: Buffer): DecodedEvent[] {
    const [cn, fn] = [body[0], body[1]];
    if (cn !== 0x31) return [];
    if (fn === 0x43) this.#qrCell = body[2] ?? this.#qrCell;
    if (fn === 0x50) this.#qrData = Buffer.from(body.subarray(3));
    if (fn === 0x51) return [...this.#flushLine(), { kind: 'qr', payload: this.#qrData, cellSize: this.#qrCell }];
    return [];
  }
}
