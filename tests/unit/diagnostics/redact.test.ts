import { describe, expect, it } from 'vitest';
import { REDACTED, redactFields, redactText } from '../../../main/log/redact.js';

describe('redaction at the logger', () => {
  it('masks a CCCD number and an old 9-digit ID wherever they sit in text', () => {
    expect(redactText('card 001090123456 read')).toBe('card 0010******56 read');
    expect(redactText('cmnd=123456789;')).toBe('cmnd=1234***89;');
  });

  it('takes a whole CCCD QR payload, not only its number: the name and address behind it go too', () => {
    const payload = '001090123456|123456789|Nguyễn Văn An|01011990|Nam|Số 12 phố Hàng Bạc, Hà Nội|15082021';
    const out = redactText(`invalid payload: ${payload}`);
    expect(out).toBe(`invalid payload: 0010******56|${REDACTED}`);
    expect(out).not.toContain('Nguyễn');
    expect(out).not.toContain('Hàng Bạc');
  });

  it('hides phone numbers and e-mail addresses in text', () => {
    expect(redactText('call 0912 345 678 or +84912345678, mail an.nguyen@example.vn')).toBe(`call ${REDACTED} or ${REDACTED}, mail ${REDACTED}`);
  });

  it('leaves what is not PII alone: UUIDs, hashes, local codes, epoch times, sizes as numbers', () => {
    const text = 'dossier 550e8400-e29b-41d4-a716-446655440000 sha a1b2c3d4e5f60718293a4b5c6d7e8f90 code KIOSK01-261124-0001 at 1764000000000';
    expect(redactText(text)).toBe(text);
    expect(redactFields({ bytes: 123456789, at: 1764000000000 })).toEqual({ bytes: 123456789, at: 1764000000000 });
  });

  it('knows PII field names, nested at any depth: IDs masked, names to initials, the rest hidden', () => {
    const fields = {
      applicant: { idNumber: '001090123456', oldIdNumber: '123456789', fullName: 'Nguyễn Văn An', address: 'Số 12 phố Hàng Bạc', dateOfBirth: '1990-01-01', phone: '0912345678' },
      delivery: { recipient_name: 'Trần Thị Bình', email: 'binh@example.vn' },
      list: [{ name: 'Lê Văn Cường' }],
      procedureCode: '1.000894',
    };
    expect(redactFields(fields)).toEqual({
      applicant: { idNumber: '0010******56', oldIdNumber: '1234***89', fullName: 'N. V. A.', address: REDACTED, dateOfBirth: REDACTED, phone: REDACTED },
      delivery: { recipient_name: 'T. T. B.', email: REDACTED },
      list: [{ name: 'L. V. C.' }],
      procedureCode: '1.000894',
    });
  });

  it('redacts errors and buffers instead of dumping them', () => {
    expect(redactFields({ error: new Error('bad card 001090123456'), body: Buffer.from('001090123456') })).toEqual({
      error: { name: 'Error', message: 'bad card 0010******56' },
      body: '[12 bytes]',
    });
  });
});
