// Windows-1258 (Vietnamese) by hand: iconv-style encoders either drop tones or, like
// node-thermal-printer's, hop code pages. The byte table is not typed in here: it is read
// back from the WHATWG windows-1258 decoder built into Node, so it cannot drift from it.
// Checked against that decoder: 0xCC U+0300 grave, 0xEC U+0301 acute, 0xDE U+0303 tilde,
// 0xD2 U+0309 hook above, 0xF2 U+0323 dot below; 0xC3/0xE3 Ă ă, 0xD0/0xF0 Đ đ,
// 0xD5/0xF5 Ơ ơ, 0xDD/0xFD Ư ư.

const decoder = new TextDecoder('windows-1258');

const byteOf: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    // WHATWG maps the few unassigned bytes to C1 controls; never produce those from text
    if (ch.length === 1 && !(b >= 0x80 && b <= 0x9f && ch.charCodeAt(0) === b)) m.set(ch, b);
  }
  return m;
})();

export interface Cp1258Encoded {
  bytes: Uint8Array;
  /** characters that have no CP1258 spelling; each was sent as '?' */
  unencodable: string[];
}

const QUESTION = 0x3f;

/** Every subset of the marks, largest first, as index lists (at most a few marks per letter). */
const subsetsLargestFirst = (n: number): number[][] => {
  const all: number[][] = [];
  for (let mask = (1 << n) - 1; mask >= 0; mask--) all.push([...Array(n).keys()].filter((i) => mask & (1 << i)));
  return all.sort((a, b) => b.length - a.length);
};

/**
 * One user-perceived letter → bytes. A precomposed CP1258 letter wins (á → 0xE1, printers
 * draw it in one cell); otherwise the base keeps the shape marks CP1258 has precomposed
 * (ă â ê ô ơ ư) and the tone follows as a combining byte (ậ → â + 0xF2).
 */
const encodeLetter = (letter: string): number[] | undefined => {
  const single = byteOf.get(letter);
  if (single !== undefined) return [single];
  const [base = '', ...marks] = [...letter.normalize('NFD')];
  // canonical order puts dot below (class 220) before circumflex (230), so try mark subsets
  for (const keep of subsetsLargestFirst(marks.length)) {
    const head = byteOf.get((base + keep.map((i) => marks[i]).join('')).normalize('NFC'));
    if (head === undefined) continue;
    const rest = marks.filter((_, i) => !keep.includes(i)).map((m) => byteOf.get(m));
    if (rest.every((b): b is number => b !== undefined)) return [head, ...rest];
  }
  return undefined;
};

/** Letters as NFC grapheme-ish units: a base and the combining marks that follow it. */
const letters = (text: string): string[] => text.normalize('NFC').match(/\P{M}\p{M}*|\p{M}+/gu) ?? [];

export const encodeCp1258 = (text: string): Cp1258Encoded => {
  const out: number[] = [];
  const unencodable: string[] = [];
  for (const letter of letters(text)) {
    const bytes = encodeLetter(letter);
    if (bytes) out.push(...bytes);
    else {
      out.push(QUESTION);
      unencodable.push(letter);
    }
  }
  return { bytes: Uint8Array.from(out), unencodable };
};

/** For tests and the simulator: what a WPC1258 printer would show, as NFC. */
export const decodeCp1258 = (bytes: Uint8Array): string => decoder.decode(bytes).normalize('NFC');

/** Whether a whole string survives CP1258 (config checks, choosing raster per line). */
export const isCp1258Encodable = (text: string): boolean => encodeCp1258(text).unencodable.length === 0;
