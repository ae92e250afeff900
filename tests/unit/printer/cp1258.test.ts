import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCp1258, encodeCp1258 } from '../../../hardware/printer/cp1258.js';

// every Vietnamese vowel (with its shape marks) × every tone, both cases, plus đ
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const LETTERS = [
  ...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))),
  ...VOWELS.flatMap((v) => TONES.map((t) => (v.toUpperCase() + t).normalize('NFC'))),
  'đ',
  'Đ',
  ...'bcdghklmnpqrstvx'.split(''),
];

describe('CP1258 encoder', () => {
  it('covers 146 distinct toned vowels and round-trips each of them', () => {
    expect(new Set(LETTERS).size).toBe(12 * 6 * 2 + 2 + 16);
    for (const letter of LETTERS) {
      const enc = encodeCp1258(letter);
      expect(enc.unencodable, letter).toEqual([]);
      expect(decodeCp1258(enc.bytes), letter).toBe(letter);
    }
  });

  it('round-trips any text made of Vietnamese letters, spaces and ASCII punctuation', () => {
    const letter = fc.constantFrom(...LETTERS, ' ', ',', '.', ':', '-', '0', '9');
    fc.assert(
      fc.property(fc.array(letter, { maxLength: 60 }), (parts) => {
        const s = parts.join('').normalize('NFC');
        const enc = encodeCp1258(s);
        expect(enc.unencodable).toEqual([]);
        expect(decodeCp1258(enc.bytes)).toBe(s);
      }),
    );
  });

  it('uses the tone bytes of the windows-1258 table and precomposed letters where the page has them', () => {
    const hex = (s: string): string => Buffer.from(encodeCp1258(s).bytes).toString('hex');
    expect(hex('à á ả ã ạ')).toBe(['e0', 'e1', '61d2', '61de', '61f2'].join('20'));
    expect(hex('ệ')).toBe('eaf2'); // ê (0xEA) + dot below, though NFD orders the dot first
    expect(hex('Ặ')).toBe('c3f2');
    expect(hex('ở')).toBe('f5d2');
    expect(hex('ừ')).toBe('fdcc');
    expect(hex('Đđ')).toBe('d0f0');
    expect(hex('ý')).toBe('79ec'); // CP1258 has no ý: y + combining acute
  });

  it('sends "?" for characters outside the page and names them', () => {
    const enc = encodeCp1258('Hà Nội 北京 ₫');
    expect(enc.unencodable).toEqual(['北', '京']);
    expect(decodeCp1258(enc.bytes)).toBe('Hà Nội ?? ₫');
  });

  it('accepts decomposed (NFD) input', () => {
    const nfd = 'Nguyễn Thị Ánh'.normalize('NFD');
    expect(decodeCp1258(encodeCp1258(nfd).bytes)).toBe('Nguyễn Thị Ánh');
  });
});
