import { describe, expect, it } from 'vitest';
import type { IdField, IdRule } from '../../../common/cccd/invalid-id-payload.js';
import { validateManualIdentity } from '../../../common/cccd/manual-identity.js';
import { parseCccdQr } from '../../../common/cccd/parse-cccd-qr.js';
import type { ManualIdentity } from '../../../common/kiosk-api/journey-contract.js';

const today = '2026-11-24';
const good: ManualIdentity = {
  idNumber: '001090123456',
  oldIdNumber: '123456789',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1990-01-01',
  sex: 'male',
  address: 'Số 12 phố Hàng Bạc, Phường Hoàn Kiếm, Hà Nội',
  issueDate: '2021-04-15',
};
const validate = (over: Partial<ManualIdentity>) => validateManualIdentity({ ...good, ...over }, today);

describe('validateManualIdentity accepts', () => {
  it('a complete entry, as the QR parser reads the same card', () => {
    const manual = validate({});
    const qr = parseCccdQr('001090123456|123456789|Nguyễn Văn An|01011990|Nam|Số 12 phố Hàng Bạc, Phường Hoàn Kiếm, Hà Nội|15042021', {
      today: new Date(2026, 10, 24),
    });
    expect(manual.ok && qr.ok).toBe(true);
    if (!manual.ok || !qr.ok) return;
    expect(manual.value).toEqual({ ...qr.value, source: 'manual' });
  });

  it('trims, collapses spaces and NFC-normalises names and addresses', () => {
    const r = validate({ fullName: '  Nguyễn   Văn An '.normalize('NFD'), address: ' Hà\u00a0Nội ', idNumber: ' 001090123456 ' });
    expect(r).toMatchObject({ ok: true, value: { fullName: 'Nguyễn Văn An', address: 'Hà Nội', idNumber: '001090123456', source: 'manual' } });
    expect(r.ok && r.value.fullName === r.value.fullName.normalize('NFC')).toBe(true);
  });

  it('no old ID: the field is absent', () => {
    const r = validate({ oldIdNumber: '' });
    expect(r.ok && 'oldIdNumber' in r.value).toBe(false);
    const r2 = validateManualIdentity({ ...good, oldIdNumber: undefined }, today);
    expect(r2.ok && 'oldIdNumber' in r2.value).toBe(false);
  });

  it('a woman born in 2005 (digit 4 is 3)', () => {
    expect(validate({ idNumber: '079305123456', sex: 'female', dateOfBirth: '2005-06-30', issueDate: '2021-07-01' }).ok).toBe(true);
  });

  it('an unknown province code is a warning, not a refusal', () => {
    expect(validate({ idNumber: '999090123456' })).toMatchObject({ ok: true, value: { warnings: ['unknownProvinceCode'] } });
    expect(validate({})).toMatchObject({ ok: true, value: { warnings: [] } });
  });
});

describe('validateManualIdentity refuses, naming the field and the rule', () => {
  const cases: [string, Partial<ManualIdentity>, IdField, IdRule][] = [
    ['an empty ID number', { idNumber: '' }, 'idNumber', 'empty'],
    ['an ID number with letters', { idNumber: '00109012345A' }, 'idNumber', 'notDigits'],
    ['an 11-digit ID number', { idNumber: '00109012345' }, 'idNumber', 'digitCount'],
    ['a 10-digit old ID', { oldIdNumber: '1234567890' }, 'oldIdNumber', 'digitCount'],
    ['an old ID with letters', { oldIdNumber: '12345678x' }, 'oldIdNumber', 'notDigits'],
    ['an empty name', { fullName: '   ' }, 'fullName', 'empty'],
    ['a name over 100 characters', { fullName: 'A'.repeat(101) }, 'fullName', 'tooLong'],
    ['a control character in the name', { fullName: 'Nguyễn\u0007An' }, 'fullName', 'badCharacters'],
    ['a birth date written ddmmyyyy', { dateOfBirth: '01011990' }, 'dateOfBirth', 'badDate'],
    ['a birth date that does not exist', { dateOfBirth: '1990-02-30' }, 'dateOfBirth', 'badDate'],
    ['an empty address', { address: '' }, 'address', 'empty'],
    ['an address over 300 characters', { address: 'x'.repeat(301) }, 'address', 'tooLong'],
    ['an issue date that does not exist', { issueDate: '2021-13-01' }, 'issueDate', 'badDate'],
    ['a birth date after today', { dateOfBirth: '2026-11-25', idNumber: '001226123456', issueDate: '2026-11-25' }, 'dateOfBirth', 'birthInFuture'],
    ['an issue date before birth', { issueDate: '1989-12-31' }, 'issueDate', 'issueBeforeBirth'],
    ['an issue date after today', { issueDate: '2026-11-25' }, 'issueDate', 'issueInFuture'],
    ['digit 4 saying female for a man', { sex: 'female' }, 'idNumber', 'centurySexMismatch'],
    ['digit 4 saying 1900s for a 2001 birth', { dateOfBirth: '2001-01-01' }, 'idNumber', 'centurySexMismatch'],
    ['digits 5–6 not the birth year', { dateOfBirth: '1991-01-01' }, 'idNumber', 'yearMismatch'],
  ];
  it.each(cases)('%s', (_name, over, field, rule) => {
    expect(validate(over)).toMatchObject({ ok: false, error: { kind: 'InvalidIdPayload', field, rule } });
  });

  it('a sex outside the contract (a caller that skipped the schema)', () => {
    const r = validateManualIdentity({ ...good, sex: 'x' as unknown as ManualIdentity['sex'] }, today);
    expect(r).toMatchObject({ ok: false, error: { field: 'sex', rule: 'sexValue' } });
  });

  it('the same input refused by the QR parser is refused here with the same field and rule', () => {
    const qr = parseCccdQr('001090123456|123456789|Nguyễn Văn An|01011990|Nữ|Hà Nội|15042021', { today: new Date(2026, 10, 24) });
    const manual = validate({ sex: 'female' });
    expect(qr.ok || manual.ok).toBe(false);
    if (qr.ok || manual.ok) return;
    expect([manual.error.field, manual.error.rule]).toEqual([qr.error.field, qr.error.rule]);
  });
});
