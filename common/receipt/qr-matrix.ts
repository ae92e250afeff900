// A small QR encoder (byte mode, versions 1–40, after Nayuki's qrcodegen): no QR package is
// a dependency, and both the simulator (drawing what `GS ( k` stored) and printers without
// native QR (printing it as a raster image) need the modules. Checked by reading the result
// back with jsqr in the tests.

export type QrEcc = 'L' | 'M' | 'Q' | 'H';

const ECC_FORMAT_BITS: Record<QrEcc, number> = { L: 1, M: 0, Q: 3, H: 2 };
// per level, index = version (0 unused); the same tables as the standard's (and jsqr's)
const ECC_PER_BLOCK: Record<QrEcc, number[]> = {
  L: [-1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  M: [-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
  Q: [-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  H: [-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
};
const BLOCKS: Record<QrEcc, number[]> = {
  L: [-1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
  M: [-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
  Q: [-1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
  H: [-1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
};

const at = (a: readonly number[], i: number): number => a[i] ?? 0;

const rawModules = (ver: number): number => {
  let r = (16 * ver + 128) * ver + 64;
  if (ver >= 2) {
    const n = Math.floor(ver / 7) + 2;
    r -= (25 * n - 10) * n - 55;
    if (ver >= 7) r -= 36;
  }
  return r;
};
const dataCodewords = (ver: number, ecc: QrEcc): number => Math.floor(rawModules(ver) / 8) - at(ECC_PER_BLOCK[ecc], ver) * at(BLOCKS[ecc], ver);

const gfMul = (x: number, y: number): number => {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z & 0xff;
};
const rsDivisor = (degree: number): number[] => {
  const result = new Array<number>(degree).fill(0);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      result[j] = gfMul(at(result, j), root) ^ (j + 1 < degree ? at(result, j + 1) : 0);
    }
    root = gfMul(root, 0x02);
  }
  return result;
};
const rsRemainder = (data: readonly number[], divisor: readonly number[]): number[] => {
  const result = divisor.map(() => 0);
  for (const b of data) {
    const factor = b ^ (result.shift() ?? 0);
    result.push(0);
    divisor.forEach((coef, i) => (result[i] = at(result, i) ^ gfMul(coef, factor)));
  }
  return result;
};

const interleave = (data: readonly number[], ver: number, ecc: QrEcc): number[] => {
  const numBlocks = at(BLOCKS[ecc], ver);
  const eccLen = at(ECC_PER_BLOCK[ecc], ver);
  const raw = Math.floor(rawModules(ver) / 8);
  const numShort = numBlocks - (raw % numBlocks);
  const shortLen = Math.floor(raw / numBlocks);
  const divisor = rsDivisor(eccLen);
  const blocks: number[][] = [];
  for (let i = 0, k = 0; i < numBlocks; i++) {
    const dat = data.slice(k, k + shortLen - eccLen + (i < numShort ? 0 : 1));
    k += dat.length;
    const block = [...dat, ...rsRemainder(dat, divisor)];
    if (i < numShort) block.splice(shortLen - eccLen, 0, -1); // padding slot, skipped below
    blocks.push(block);
  }
  const out: number[] = [];
  for (let i = 0; i < (blocks[0]?.length ?? 0); i++) {
    blocks.forEach((b, j) => {
      if (i !== shortLen - eccLen || j >= numShort) out.push(at(b, i));
    });
  }
  return out;
};

class Grid {
  readonly modules: boolean[][];
  readonly fn: boolean[][];
  constructor(readonly size: number) {
    this.modules = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
    this.fn = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  }
  get(x: number, y: number): boolean {
    return this.modules[y]?.[x] ?? false;
  }
  set(x: number, y: number, dark: boolean, isFn = true): void {
    const row = this.modules[y];
    const fnRow = this.fn[y];
    if (!row || !fnRow || x < 0 || x >= this.size) return;
    row[x] = dark;
    if (isFn) fnRow[x] = true;
  }
  isFn(x: number, y: number): boolean {
    return this.fn[y]?.[x] ?? false;
  }
}

const alignmentPositions = (ver: number): number[] => {
  if (ver === 1) return [];
  const n = Math.floor(ver / 7) + 2;
  const step = ver === 32 ? 26 : Math.ceil((ver * 4 + 4) / (n * 2 - 2)) * 2;
  const result = [6];
  for (let pos = ver * 4 + 10; result.length < n; pos -= step) result.splice(1, 0, pos);
  return result;
};

const drawFormat = (g: Grid, ecc: QrEcc, mask: number): void => {
  const data = (ECC_FORMAT_BITS[ecc] << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  const bits = ((data << 10) | rem) ^ 0x5412;
  const bit = (i: number): boolean => ((bits >>> i) & 1) !== 0;
  for (let i = 0; i <= 5; i++) g.set(8, i, bit(i));
  g.set(8, 7, bit(6));
  g.set(8, 8, bit(7));
  g.set(7, 8, bit(8));
  for (let i = 9; i < 15; i++) g.set(14 - i, 8, bit(i));
  for (let i = 0; i < 8; i++) g.set(g.size - 1 - i, 8, bit(i));
  for (let i = 8; i < 15; i++) g.set(8, g.size - 15 + i, bit(i));
  g.set(8, g.size - 8, true);
};

const drawFunctionPatterns = (g: Grid, ver: number): void => {
  for (let i = 0; i < g.size; i++) {
    g.set(6, i, i % 2 === 0);
    g.set(i, 6, i % 2 === 0);
  }
  const finder = (cx: number, cy: number): void => {
    for (let dy = -4; dy <= 4; dy++)
      for (let dx = -4; dx <= 4; dx++) {
        const d = Math.max(Math.abs(dx), Math.abs(dy));
        g.set(cx + dx, cy + dy, d !== 2 && d !== 4);
      }
  };
  finder(3, 3);
  finder(g.size - 4, 3);
  finder(3, g.size - 4);
  const pos = alignmentPositions(ver);
  pos.forEach((x, i) =>
    pos.forEach((y, j) => {
      if ((i === 0 && j === 0) || (i === 0 && j === pos.length - 1) || (i === pos.length - 1 && j === 0)) return;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) g.set(x + dx, y + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
    }),
  );
  drawFormat(g, 'L', 0); // reserves the format area; redrawn with the real values later
  if (ver >= 7) {
    let rem = ver;
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
    const bits = (ver << 12) | rem;
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) !== 0;
      const a = g.size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      g.set(a, b, dark);
      g.set(b, a, dark);
    }
  }
};

const drawCodewords = (g: Grid, codewords: readonly number[]): void => {
  let i = 0;
  for (let right = g.size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < g.size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const upward = ((right + 1) & 2) === 0;
        const y = upward ? g.size - 1 - vert : vert;
        if (!g.isFn(x, y) && i < codewords.length * 8) {
          g.set(x, y, ((at(codewords, i >>> 3) >>> (7 - (i & 7))) & 1) !== 0, false);
          i++;
        }
      }
    }
  }
};

const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];
const applyMask = (g: Grid, mask: number): void => {
  const m = MASKS[mask] ?? MASKS[0]!;
  for (let y = 0; y < g.size; y++) for (let x = 0; x < g.size; x++) if (!g.isFn(x, y) && m(x, y)) g.set(x, y, !g.get(x, y), false);
};

// The standard's penalty score, simplified where it only shifts the choice between valid masks.
const penalty = (g: Grid): number => {
  let score = 0;
  const lines = (vertical: boolean): boolean[][] =>
    Array.from({ length: g.size }, (_, a) => Array.from({ length: g.size }, (_, b) => (vertical ? g.get(a, b) : g.get(b, a))));
  for (const line of [...lines(false), ...lines(true)]) {
    let run = 1;
    for (let i = 1; i <= line.length; i++) {
      if (i < line.length && line[i] === line[i - 1]) run++;
      else {
        if (run >= 5) score += run - 2;
        run = 1;
      }
    }
    const s = line.map((d) => (d ? '1' : '0')).join('');
    score += 40 * ((s.match(/(?=10111010000|00001011101)/g) ?? []).length);
  }
  let dark = 0;
  for (let y = 0; y < g.size; y++)
    for (let x = 0; x < g.size; x++) {
      if (g.get(x, y)) dark++;
      if (x + 1 < g.size && y + 1 < g.size) {
        const c = g.get(x, y);
        if (c === g.get(x + 1, y) && c === g.get(x, y + 1) && c === g.get(x + 1, y + 1)) score += 3;
      }
    }
  const total = g.size * g.size;
  score += (Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1) * 10;
  return score;
};

export interface QrMatrix {
  version: number;
  size: number;
  /** rows of modules, true = dark */
  modules: boolean[][];
}

/** Encodes bytes (byte mode) at the smallest version that fits; throws when nothing fits. */
export const encodeQr = (data: Uint8Array, ecc: QrEcc = 'M'): QrMatrix => {
  let ver = 1;
  for (; ver <= 40; ver++) {
    const countBits = ver <= 9 ? 8 : 16;
    if (4 + countBits + data.length * 8 <= dataCodewords(ver, ecc) * 8) break;
  }
  if (ver > 40) throw new RangeError(`QR payload of ${data.length} bytes is too long`);
  const capacityBits = dataCodewords(ver, ecc) * 8;
  const bits: number[] = [];
  const push = (value: number, len: number): void => {
    for (let i = len - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  push(0b0100, 4);
  push(data.length, ver <= 9 ? 8 : 16);
  data.forEach((b) => push(b, 8));
  push(0, Math.min(4, capacityBits - bits.length));
  push(0, (8 - (bits.length % 8)) % 8);
  for (let pad = 0xec; bits.length < capacityBits; pad ^= 0xec ^ 0x11) push(pad, 8);
  const codewords: number[] = [];
  for (let i = 0; i < bits.length; i += 8) codewords.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));

  const size = ver * 4 + 17;
  let best: Grid | undefined;
  let bestScore = Infinity;
  for (let mask = 0; mask < 8; mask++) {
    const g = new Grid(size);
    drawFunctionPatterns(g, ver);
    drawCodewords(g, interleave(codewords, ver, ecc));
    applyMask(g, mask);
    drawFormat(g, ecc, mask);
    const s = penalty(g);
    if (s < bestScore) {
      bestScore = s;
      best = g;
    }
  }
  return { version: ver, size, modules: best!.modules };
};

/** The matrix as an 8-bit grey bitmap (0 = black) with a 4-module quiet zone. */
export const qrToGrey = (m: QrMatrix, cellSize: number): { width: number; height: number; data: Uint8Array } => {
  const quiet = 4;
  const side = (m.size + 2 * quiet) * cellSize;
  const data = new Uint8Array(side * side).fill(255);
  for (let y = 0; y < m.size; y++)
    for (let x = 0; x < m.size; x++) {
      if (!m.modules[y]?.[x]) continue;
      for (let dy = 0; dy < cellSize; dy++) data.fill(0, ((y + quiet) * cellSize + dy) * side + (x + quiet) * cellSize, ((y + quiet) * cellSize + dy) * side + (x + quiet + 1) * cellSize);
    }
  return { width: side, height: side, data };
};
