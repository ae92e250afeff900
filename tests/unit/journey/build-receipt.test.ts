import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateReceiptDoc, type ReceiptDoc } from '../../../common/receipt/receipt-doc.js';
import { buildReceipt, vietnamTime, type ReceiptFacts } from '../../../main/receipt/build-receipt.js';

const facts: ReceiptFacts = {
  siteName: { vi: 'Ki-ốt dịch vụ công (mô phỏng)', en: 'Public service kiosk (simulated)' },
  localCode: 'KIOSK01-261127-0042',
  procedure: { code: '1.004837', name: { vi: 'Đăng ký giám hộ', en: 'Guardianship registration' } },
  // 17:30 UTC is 00:30 the next day in Vietnam
  submittedAt: '2026-11-26T17:30:00.000Z',
  appointmentDate: '2026-12-02',
  delivery: 'counter',
  trackingQr: 'KIOSK01-261127-0042',
  hotline: { phone: '1022', hours: { vi: 'Thứ Hai – Thứ Sáu, 7:30 – 17:00', en: 'Monday – Friday, 7:30 – 17:00' } },
};

const texts = (doc: ReceiptDoc): string[] => doc.blocks.flatMap((b) => (b.type === 'text' ? [b.text] : []));

afterEach(() => {
  vi.useRealTimers();
});

describe('buildReceipt (pure)', () => {
  it('gives the same document for the same facts, whatever the clock says', () => {
    const first = buildReceipt(facts);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-05-05T05:05:05Z'));
    expect(buildReceipt(structuredClone(facts))).toEqual(first);
    // and it is a valid ReceiptDoc as the printer takes it
    expect(validateReceiptDoc(first)).toEqual({ ok: true, value: first });
  });

  it('prints the title, the code large, the procedure, times in Vietnam time and the appointment with its weekday', () => {
    const doc = buildReceipt(facts);
    const t = texts(doc);
    expect(t).toContain('BIÊN NHẬN HỒ SƠ');
    expect(doc.blocks).toContainEqual(expect.objectContaining({ type: 'text', text: 'KIOSK01-261127-0042', size: 'double', bold: true }));
    expect(t).toEqual(expect.arrayContaining(['Ki-ốt dịch vụ công (mô phỏng)', 'Public service kiosk (simulated)', 'Đăng ký giám hộ', 'Guardianship registration']));
    expect(t).toContain('Nộp lúc: 00:30 ngày 27/11/2026 (giờ Việt Nam)');
    expect(t).toContain('Hẹn trả kết quả: Thứ Tư, 02/12/2026');
    expect(t).toContain('Result due: Wednesday, 02/12/2026');
    expect(t).toContain('Hình thức nhận kết quả: Nhận tại bộ phận một cửa');
    expect(t.some((x) => x.includes('Mã hồ sơ chính thức được cấp khi cơ quan tiếp nhận'))).toBe(true);
    expect(t).toContain('Đường dây nóng / Hotline: 1022');
    expect(t).toContain('Thứ Hai – Thứ Sáu, 7:30 – 17:00');
  });

  it('carries the tracking code as the QR, then ends with a cut', () => {
    const doc = buildReceipt(facts);
    expect(doc.blocks.filter((b) => b.type === 'qr')).toEqual([expect.objectContaining({ payload: 'KIOSK01-261127-0042' })]);
    expect(doc.blocks.at(-1)).toMatchObject({ type: 'cut' });
  });

  it('an unconfirmed time limit says the date is confirmed at the counter instead of inventing one', () => {
    const t = texts(buildReceipt({ ...facts, appointmentDate: null }));
    expect(t).toContain('Hẹn trả: sẽ được xác nhận tại bộ phận một cửa');
    expect(t.some((x) => x.startsWith('Hẹn trả kết quả'))).toBe(false);
  });

  it('postal delivery says who brings the result and who pays', () => {
    const t = texts(buildReceipt({ ...facts, delivery: 'postal' }));
    expect(t).toContain('Hình thức nhận kết quả: Nhận qua dịch vụ bưu chính công ích');
    expect(t.some((x) => x.includes('cước phí do bạn trả'))).toBe(true);
    expect(t.some((x) => x.includes('Mang biên nhận này'))).toBe(false);
  });

  it('a QR payload that is not printable ASCII is a programming error, refused at once', () => {
    expect(() => buildReceipt({ ...facts, trackingQr: 'mã-hồ-sơ' })).toThrow(/printable ASCII/);
  });

  it('vietnamTime is UTC+7 all year (no daylight saving)', () => {
    expect(vietnamTime('2026-06-30T16:59:00Z')).toEqual({ date: '30/06/2026', time: '23:59' });
    expect(vietnamTime('2026-12-31T17:00:00Z')).toEqual({ date: '01/01/2027', time: '00:00' });
  });
});
