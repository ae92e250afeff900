import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centurySexDigit } from '../../../common/cccd/century-sex.js';
import { formatCccdQr } from '../../../common/cccd/format-cccd-qr.js';
import { idFields, idRules } from '../../../common/cccd/invalid-id-payload.js';
import { parseCccdQr } from '../../../common/cccd/parse-cccd-qr.js';
import { knownProvinceCodes, provinceOf } from '../../../common/cccd/provinces.js';
import { CitizenIdentity } from '../../../common/domain/citizen-identity.js';

const runs = { numRuns: 10_000 };
const today = new Date(2026, 10, 24);

/** Every answer is a well-formed Result: a schema-valid identity or a known field and rule. */
const assertWellFormed = (r: ReturnType<typeof parseCccdQr>): void => {
  if (r.ok) {
    expect(CitizenIdentity.safeParse(r.value).success).toBe(true);
  } else {
    expect(r.error.kind).toBe('InvalidIdPayload');
    expect(idFields).toContain(r.error.field);
    expect(idRules).toContain(r.error.rule);
    expect(typeof r.error.message).toBe('string');
  }
};

// any UTF-16 code unit, lone surrogates included
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: anyCodeUnit }), fc.string({ unit: 'grapheme' }));
const digitsOf = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const fieldLike = fc.oneof(
  anyText,
  digitsOf(0, 14),
  fc.constantFrom('Nam', 'Nữ', 'NỮ'.normalize('NFD'), '', ' ', '\r\n', '29022000', '29021900', '31042001', '00000000'),
);

const day = 86_400_000;
const isoOf = (t: number): string => new Date(t).toISOString().slice(0, 10);
const vietnameseWord = fc.constantFrom('Nguyễn', 'Trần', 'Lê', 'Phạm', 'Đỗ', 'Văn', 'Thị', 'Bích', 'Ngọc', 'Quang', 'Huy', 'An', 'Hưng', 'Ánh', 'Yến', 'Ỷ');
const words = (min: number, max: number) => fc.array(vietnameseWord, { minLength: min, maxLength: max }).map((w) => w.join(' '));
// an extra field as a reader would keep it: NFC, trimmed, no separator or control characters
const extraField = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.normalize('NFC').replace(/[|\p{Cc}\p{Cs}]/gu, '').trim());

/** A consistent identity: the ID's century/sex and year digits agree with the date of birth and sex. */
const identityArb = fc
  .record({
    birth: fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2399, 11, 31) }).map((t) => Math.floor(t / day) * day),
    issueAfterDays: fc.integer({ min: 0, max: 40_000 }),
    todayAfterDays: fc.integer({ min: 0, max: 3_000 }),
    sex: fc.constantFrom('male' as const, 'female' as const),
    province: fc.oneof(fc.constantFrom(...knownProvinceCodes), digitsOf(3, 3)),
    tail: digitsOf(6, 6),
    old: fc.option(fc.oneof(digitsOf(9, 9), digitsOf(12, 12)), { nil: undefined }),
    fullName: words(1, 5),
    address: words(1, 8).map((a) => `Số 5, ${a}`),
    extraFields: fc.array(extraField, { maxLength: 3 }),
  })
  .map((g) => {
    const dateOfBirth = isoOf(g.birth);
    const year = Number(dateOfBirth.slice(0, 4));
    const idNumber = `${g.province}${centurySexDigit(year, g.sex) ?? 'x'}${dateOfBirth.slice(2, 4)}${g.tail}`;
    const identity: CitizenIdentity = {
      idNumber,
      fullName: g.fullName,
      dateOfBirth,
      sex: g.sex,
      address: g.address,
      issueDate: isoOf(g.birth + g.issueAfterDays * day),
      extraFields: g.extraFields,
      warnings: provinceOf(idNumber).known ? [] : ['unknownProvinceCode'],
      source: 'qr',
    };
    if (g.old !== undefined) identity.oldIdNumber = g.old;
    const todayIso = isoOf(g.birth + (g.issueAfterDays + g.todayAfterDays) * day);
    return { identity, today: new Date(Number(todayIso.slice(0, 4)), Number(todayIso.slice(5, 7)) - 1, Number(todayIso.slice(8, 10))) };
  });

describe('parseCccdQr properties', () => {
  it('never throws on arbitrary text, and always answers a well-formed Result', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        assertWellFormed(parseCccdQr(text, { today }));
      }),
      runs,
    );
  });

  it('never throws on |-joined arbitrary fields', () => {
    fc.assert(
      fc.property(fc.array(fieldLike, { maxLength: 12 }), (parts) => {
        assertWellFormed(parseCccdQr(parts.join('|'), { today }));
      }),
      runs,
    );
  });

  it('never throws on a valid payload with one field replaced by anything', () => {
    fc.assert(
      fc.property(identityArb, fc.nat(9), fieldLike, ({ identity, today: t }, index, replacement) => {
        const parts = formatCccdQr(identity).split('|');
        parts[Math.min(index, parts.length - 1)] = replacement;
        assertWellFormed(parseCccdQr(parts.join('|'), { today: t }));
      }),
      runs,
    );
  });

  it('round-trips every consistent identity: parse(format(x)) = x', () => {
    fc.assert(
      fc.property(identityArb, ({ identity, today: t }) => {
        expect(parseCccdQr(formatCccdQr(identity), { today: t })).toEqual({ ok: true, value: identity });
      }),
      runs,
    );
  });
});
