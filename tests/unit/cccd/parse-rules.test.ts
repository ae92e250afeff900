import { describe, expect, it } from 'vitest';
import type { IdField, IdRule } from '../../../common/cccd/invalid-id-payload.js';
import { idRules } from '../../../common/cccd/invalid-id-payload.js';
import { parseCccdQr } from '../../../common/cccd/parse-cccd-qr.js';

const today = new Date(2026, 10, 24);
const fields = {
  id: '001090123456',
  old: '123456789',
  name: 'Nguyễn Văn An',
  dob: '01011990',
  sex: 'Nam',
  address: 'Số 12 phố Hàng Bạc, Hà Nội',
  issue: '15042021',
};
type Parts = typeof fields;
const payload = (over: Partial<Parts> = {}, extra: string[] = []): string => {
  const f = { ...fields, ...over };
  return [f.id, f.old, f.name, f.dob, f.sex, f.address, f.issue, ...extra].join('|');
};
const parse = (text: string) => parseCccdQr(text, { today });

describe('parseCccdQr accepts', () => {
  it('the documented seven fields', () => {
    expect(parse(payload())).toMatchObject({ ok: true, value: { idNumber: fields.id, oldIdNumber: '123456789', sex: 'male' } });
  });

  it('six fields: no old-ID field at all', () => {
    const r = parse('001090123456|Nguyễn Văn An|01011990|Nam|Hà Nội|15042021');
    expect(r).toMatchObject({ ok: true, value: { fullName: 'Nguyễn Văn An', address: 'Hà Nội', issueDate: '2021-04-15', extraFields: [] } });
    expect(r.ok && 'oldIdNumber' in r.value).toBe(false);
  });

  it('an empty old ID', () => {
    const r = parse(payload({ old: '' }));
    expect(r.ok && r.value.oldIdNumber).toBeUndefined();
  });

  it('a 12-digit old ID (the CMNDs of 2012–2016)', () => {
    expect(parse(payload({ old: '001090123456' }))).toMatchObject({ ok: true, value: { oldIdNumber: '001090123456' } });
  });

  it.each([
    [['15042036'], 'an eighth field (expiry date)'],
    [['15042036', 'x', ''], 'several trailing fields, the last empty'],
  ])('%j: %s, kept in order', (extra) => {
    expect(parse(payload({}, extra))).toMatchObject({ ok: true, value: { extraFields: extra } });
  });

  it('six fields plus trailing fields (text where the old ID would be)', () => {
    expect(parse('001090123456|Nguyễn Văn An|01011990|Nam|Hà Nội|15042021|15042036')).toMatchObject({
      ok: true,
      value: { fullName: 'Nguyễn Văn An', extraFields: ['15042036'] },
    });
  });

  it('NFD input, and returns NFC text', () => {
    const nfd = payload({ name: 'Trần Thị Bích Ngọc', sex: 'Nữ', id: '001190123456', address: 'Phường Sài Gòn' }).normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const r = parse(nfd);
    expect(r).toMatchObject({ ok: true, value: { fullName: 'Trần Thị Bích Ngọc', sex: 'female', address: 'Phường Sài Gòn' } });
    expect(r.ok && r.value.fullName === r.value.fullName.normalize('NFC')).toBe(true);
    expect(r.ok && r.value.fullName.length).toBe('Trần Thị Bích Ngọc'.normalize('NFC').length);
  });

  it.each(['\r\n', '\r', '\n', '  \r\n', '\t'])('a trailing %j', (tail) => {
    expect(parse(payload() + tail)).toMatchObject({ ok: true, value: { issueDate: '2021-04-15', extraFields: [] } });
  });

  it('stray whitespace around fields, doubled and non-breaking spaces inside', () => {
    const r = parse(' 001090123456 | 123456789 |  Nguyễn  Văn\u00a0An |01011990| Nam |Hà  Nội |15042021 ');
    expect(r).toMatchObject({ ok: true, value: { idNumber: '001090123456', fullName: 'Nguyễn Văn An', address: 'Hà Nội' } });
  });

  it.each(['NAM', 'nam', 'NỮ', 'nữ', 'NỮ'.normalize('NFD')])('sex written %j', (sex) => {
    const female = sex.toLowerCase().normalize('NFC') === 'nữ';
    const r = parse(payload({ sex, id: female ? '001190123456' : fields.id }));
    expect(r).toMatchObject({ ok: true, value: { sex: female ? 'female' : 'male' } });
  });

  it.each([
    ['29022000', '2000-02-29', '002200123456', 'leap year divisible by 400'],
    ['29022004', '2004-02-29', '002204123456', 'ordinary leap year'],
    ['31122399', '2399-12-31', '002899123456', 'last day of the 2300s (digit 8)'],
  ])('%s (%s)', (dob, iso, id, _why) => {
    const r = parseCccdQr(payload({ dob, id, issue: dob }), { today: new Date(2400, 0, 1) });
    expect(r).toMatchObject({ ok: true, value: { dateOfBirth: iso } });
  });

  it('an issue date on the day of birth, and one equal to today', () => {
    expect(parse(payload({ issue: '01011990' }))).toMatchObject({ ok: true });
    expect(parse(payload({ issue: '24112026' }))).toMatchObject({ ok: true });
  });

  it('an unknown province code, with a warning', () => {
    expect(parse(payload({ id: '003090123456' }))).toMatchObject({ ok: true, value: { warnings: ['unknownProvinceCode'] } });
    expect(parse(payload())).toMatchObject({ ok: true, value: { warnings: [] } });
  });
});

describe('parseCccdQr refuses', () => {
  const cases: [string, string, IdField, IdRule][] = [
    ['empty', '', 'payload', 'empty'],
    ['whitespace only', ' \r\n', 'payload', 'empty'],
    ['too long', payload({ address: 'x'.repeat(3000) }), 'payload', 'tooLong'],
    ['five fields', '001090123456|123456789|Nguyễn Văn An|01011990|Nam', 'payload', 'fieldCount'],
    ['no separator', 'hello', 'payload', 'fieldCount'],
    ['ID empty', payload({ id: '' }), 'idNumber', 'empty'],
    ['ID with a letter', payload({ id: '00109012345A' }), 'idNumber', 'notDigits'],
    ['ID with Arabic-Indic digits', payload({ id: '٠٠١٠٩٠١٢٣٤٥٦' }), 'idNumber', 'notDigits'],
    ['ID of 11 digits', payload({ id: '00109012345' }), 'idNumber', 'digitCount'],
    ['ID of 13 digits', payload({ id: '0010901234567' }), 'idNumber', 'digitCount'],
    ['old ID with a letter', payload({ old: '12345678X' }), 'oldIdNumber', 'notDigits'],
    ['old ID of 10 digits', payload({ old: '1234567890' }), 'oldIdNumber', 'digitCount'],
    ['empty name', payload({ name: '  ' }), 'fullName', 'empty'],
    ['name too long', payload({ name: 'A'.repeat(101) }), 'fullName', 'tooLong'],
    ['control character in the name', payload({ name: 'Nguyễn\u0000An' }), 'fullName', 'badCharacters'],
    ['tab inside the address', payload({ address: 'Hà\tNội' }), 'address', 'badCharacters'],
    ['lone surrogate in an extra field', payload({}, ['\ud800']), 'extraFields', 'badCharacters'],
    ['29 Feb 1900 (not a leap year)', payload({ dob: '29021900', id: '001000123456' }), 'dateOfBirth', 'badDate'],
    ['29 Feb 2001', payload({ dob: '29022001' }), 'dateOfBirth', 'badDate'],
    ['31 April', payload({ dob: '31042001' }), 'dateOfBirth', 'badDate'],
    ['month 13', payload({ dob: '01131990' }), 'dateOfBirth', 'badDate'],
    ['day 00', payload({ dob: '00011990' }), 'dateOfBirth', 'badDate'],
    ['dob written with dashes', payload({ dob: '01-01-1990' }), 'dateOfBirth', 'badDate'],
    ['dob of 7 digits', payload({ dob: '1011990' }), 'dateOfBirth', 'badDate'],
    ['sex Male', payload({ sex: 'Male' }), 'sex', 'sexValue'],
    ['sex Nu without diacritics', payload({ sex: 'Nu' }), 'sex', 'sexValue'],
    ['sex empty', payload({ sex: '' }), 'sex', 'sexValue'],
    ['empty address', payload({ address: '' }), 'address', 'empty'],
    ['address too long', payload({ address: 'x'.repeat(301) }), 'address', 'tooLong'],
    ['issue 31 June', payload({ issue: '31062021' }), 'issueDate', 'badDate'],
    ['issue before birth', payload({ issue: '31121989' }), 'issueDate', 'issueBeforeBirth'],
    ['issue tomorrow', payload({ issue: '25112026' }), 'issueDate', 'issueInFuture'],
    ['born tomorrow', payload({ dob: '25112026', issue: '25112026', id: '001226123456' }), 'dateOfBirth', 'birthInFuture'],
    ['digit 4 says female', payload({ id: '001190123456' }), 'idNumber', 'centurySexMismatch'],
    ['digit 4 says 2000s', payload({ id: '001290123456' }), 'idNumber', 'centurySexMismatch'],
    ['born 1899: no century code', payload({ dob: '01011899', id: '001099123456' }), 'idNumber', 'centurySexMismatch'],
    ['digits 5–6 say 1991', payload({ id: '001091123456' }), 'idNumber', 'yearMismatch'],
  ];

  it.each(cases)('%s', (_name, text, field, rule) => {
    const r = parse(text);
    expect(r).toMatchObject({ ok: false, error: { kind: 'InvalidIdPayload', field, rule } });
    expect(!r.ok && r.error.message.length).toBeGreaterThan(5);
  });

  it('has a case for every rule', () => {
    expect(new Set(cases.map((c) => c[3]))).toEqual(new Set(idRules));
  });
});
