import { describe, expect, it } from 'vitest';
import type { FormField } from '../../../common/catalog/catalog-schema.js';
import { autofillValues, validateContact, validateFormValues } from '../../../common/catalog/form-validation.js';
import type { CitizenIdentity } from '../../../common/domain/citizen-identity.js';

const t = (vi: string): { vi: string; en: string } => ({ vi, en: vi });
const fields: FormField[] = [
  { id: 'fullName', label: t('Họ tên'), type: 'text', required: true, maxLength: 10, autofill: 'fullName' },
  { id: 'idNumber', label: t('Số định danh'), type: 'idNumber', required: true, autofill: 'idNumber' },
  { id: 'dateOfBirth', label: t('Ngày sinh'), type: 'date', required: true, autofill: 'dateOfBirth' },
  { id: 'sex', label: t('Giới tính'), type: 'select', required: true, autofill: 'sex', options: [{ value: 'male', label: t('Nam') }, { value: 'female', label: t('Nữ') }] },
  { id: 'oldIdNumber', label: t('CMND'), type: 'text', required: false, pattern: '[0-9]{9}|[0-9]{12}', autofill: 'oldIdNumber' },
  { id: 'copies', label: t('Số bản'), type: 'number', required: true },
  { id: 'phone', label: t('Điện thoại'), type: 'phone', required: false },
  { id: 'email', label: t('Thư điện tử'), type: 'email', required: false },
  { id: 'note', label: t('Ghi chú'), type: 'textarea', required: false },
];
const good = { fullName: 'Lê Thị Hoa', idNumber: '001190123456', dateOfBirth: '1990-01-01', sex: 'female', oldIdNumber: '', copies: '2', phone: '', email: '', note: '' };

describe('validateFormValues', () => {
  it('accepts a good form, trimming and normalising, dropping keys the form does not have', () => {
    const r = validateFormValues(fields, { ...good, fullName: ' Lê Thị Hoa '.normalize('NFD'), extra: 'x' });
    expect(r).toEqual({ ok: true, values: good });
  });

  it.each([
    ['required', { fullName: '  ' }, 'fullName'],
    ['maxLength', { fullName: 'Nguyễn Văn An' }, 'fullName'],
    ['idNumber', { idNumber: '12345' }, 'idNumber'],
    ['date', { dateOfBirth: '1990-02-30' }, 'dateOfBirth'],
    ['date', { dateOfBirth: '01/01/1990' }, 'dateOfBirth'],
    ['option', { sex: 'other' }, 'sex'],
    ['pattern', { oldIdNumber: '1234567890' }, 'oldIdNumber'],
    ['number', { copies: 'two' }, 'copies'],
    ['phone', { phone: '12345' }, 'phone'],
    ['email', { email: 'an@' }, 'email'],
    ['maxLength', { note: 'x'.repeat(2001) }, 'note'],
  ] as const)('%s: %o', (rule, over, fieldId) => {
    expect(validateFormValues(fields, { ...good, ...over })).toEqual({ ok: false, issues: [{ fieldId, rule }] });
  });

  it('reports every field that fails, in form order', () => {
    const r = validateFormValues(fields, {});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.fieldId)).toEqual(['fullName', 'idNumber', 'dateOfBirth', 'sex', 'copies']);
    expect(new Set(r.issues.map((i) => i.rule))).toEqual(new Set(['required']));
  });

  it('a phone field keeps the digits without separators', () => {
    const r = validateFormValues(fields, { ...good, phone: '0912 345.678' });
    expect(r.ok && r.values.phone).toBe('0912345678');
  });
});

describe('autofillValues', () => {
  const identity: CitizenIdentity = {
    idNumber: '001190123456', fullName: 'Lê Thị Hoa', dateOfBirth: '1990-01-01', sex: 'female', address: 'Hà Nội',
    issueDate: '2021-04-15', extraFields: [], warnings: [], source: 'qr',
  };

  it('fills what the card gives: dates as ISO, sex as the select value; skips what it lacks', () => {
    expect(autofillValues(fields, identity)).toEqual({ fullName: 'Lê Thị Hoa', idNumber: '001190123456', dateOfBirth: '1990-01-01', sex: 'female' });
    expect(autofillValues(fields, { ...identity, oldIdNumber: '123456789' })).toMatchObject({ oldIdNumber: '123456789' });
  });

  it('the filled values pass the form checks', () => {
    const filled = autofillValues(fields, identity);
    expect(validateFormValues(fields, { ...filled, fullName: 'Lê Hoa', copies: '1' }).ok).toBe(true);
  });
});

describe('validateContact', () => {
  it.each(['0912345678', '+84912345678', '0912 345 678', '091.234.5678'])('accepts the phone %s', (phone) => {
    expect(validateContact({ phone }).ok).toBe(true);
  });

  it('keeps the digits only, and the email when given', () => {
    expect(validateContact({ phone: ' 0912 345 678 ', email: ' an@example.vn ' })).toEqual({ ok: true, values: { phone: '0912345678', email: 'an@example.vn' } });
    expect(validateContact({ phone: '0912345678', email: '' })).toEqual({ ok: true, values: { phone: '0912345678' } });
  });

  it.each(['091234567', '09123456789', '1912345678', '+8409123456789', '+85912345678', 'abc'])('refuses the phone %s', (phone) => {
    expect(validateContact({ phone })).toEqual({ ok: false, issues: [{ fieldId: 'phone', rule: 'phone' }] });
  });

  it('a phone is required; an email is checked only when present', () => {
    expect(validateContact({ phone: '', email: 'bad' })).toEqual({
      ok: false,
      issues: [{ fieldId: 'phone', rule: 'required' }, { fieldId: 'email', rule: 'email' }],
    });
  });
});
