import type { DeliveryMethod } from '../../common/catalog/catalog-schema.js';
import type { LocalizedText } from '../../common/domain/locale.js';
import { cut, feed, qr, receipt, separator, text, type ReceiptDoc } from '../../common/receipt/receipt-doc.js';

// The paper a resident leaves with. Vietnamese first, an English line under it where a
// visitor would need it. Pure: the same facts always give the same document, so it is
// tested without a printer and previewed without one.

export interface ReceiptFacts {
  siteName: LocalizedText;
  siteAddress?: string | undefined;
  localCode: string;
  procedure: { code: string; name: LocalizedText };
  /** ISO instant; printed as Vietnam time */
  submittedAt: string;
  /** ISO date, or null when the time limit is to be confirmed at the counter */
  appointmentDate: string | null;
  delivery: DeliveryMethod;
  /** what the QR carries (printable ASCII) */
  trackingQr: string;
  hotline: { phone: string; hours: LocalizedText };
}

// Vietnam has kept UTC+7 without daylight saving since 1975: a fixed offset is exact.
const VIETNAM_OFFSET_MS = 7 * 3600_000;
const viWeekdays = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;
const enWeekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-11-27` → `27/11/2026`, the way Vietnamese forms write dates */
export const viDate = (isoDate: string): string => {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
};

const weekdayOf = (isoDate: string): number => new Date(`${isoDate}T00:00:00Z`).getUTCDay();

/** The instant in Vietnam time: `14:05 ngày 24/11/2026` and its parts. */
export const vietnamTime = (isoInstant: string): { date: string; time: string } => {
  const t = new Date(Date.parse(isoInstant) + VIETNAM_OFFSET_MS);
  return { date: `${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`, time: `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}` };
};

const deliveryText: Record<DeliveryMethod, LocalizedText> = {
  counter: { vi: 'Nhận tại bộ phận một cửa', en: 'Collect at the one-stop counter' },
  postal: { vi: 'Nhận qua dịch vụ bưu chính công ích', en: 'Delivered by public postal service' },
};

const nextSteps = (delivery: DeliveryMethod): LocalizedText[] => [
  { vi: '1. Hồ sơ được chuyển đến hệ thống một cửa của cơ quan giải quyết.', en: "1. Your dossier goes to the agency's one-stop system." },
  {
    vi: '2. Mã hồ sơ chính thức được cấp khi cơ quan tiếp nhận hồ sơ; tra cứu bằng mã biên nhận này hoặc mã chính thức.',
    en: '2. The official dossier code comes when the agency accepts the dossier; track it with this receipt code or that code.',
  },
  delivery === 'postal'
    ? { vi: '3. Nhân viên bưu điện sẽ giao kết quả đến địa chỉ bạn đã khai; cước phí do bạn trả.', en: '3. A postal worker brings the result to the address you gave; you pay the postage.' }
    : { vi: '3. Mang biên nhận này khi đến nhận kết quả.', en: '3. Bring this receipt when you collect the result.' },
];

const bilingual = (t: LocalizedText, opts: { bold?: boolean; align?: 'left' | 'center' } = {}) => [
  text(t.vi, { bold: opts.bold ?? false, align: opts.align ?? 'left' }),
  text(t.en, { align: opts.align ?? 'left' }),
];

export const buildReceipt = (f: ReceiptFacts): ReceiptDoc => {
  const submitted = vietnamTime(f.submittedAt);
  const appointment =
    f.appointmentDate === null
      ? [text('Hẹn trả: sẽ được xác nhận tại bộ phận một cửa', { bold: true }), text('Result date: to be confirmed at the one-stop counter')]
      : [
          text(`Hẹn trả kết quả: ${viWeekdays[weekdayOf(f.appointmentDate)]}, ${viDate(f.appointmentDate)}`, { bold: true }),
          text(`Result due: ${enWeekdays[weekdayOf(f.appointmentDate)]}, ${viDate(f.appointmentDate)}`),
        ];
  return receipt(
    ...bilingual(f.siteName, { bold: true, align: 'center' }),
    ...(f.siteAddress ? [text(f.siteAddress, { align: 'center' })] : []),
    separator(),
    text('BIÊN NHẬN HỒ SƠ', { bold: true, align: 'center', size: 'doubleHeight' }),
    text('Dossier receipt', { align: 'center' }),
    feed(),
    text('Mã biên nhận / Receipt code', { align: 'center' }),
    text(f.localCode, { bold: true, align: 'center', size: 'double' }),
    feed(),
    text('Thủ tục / Procedure:', { bold: true }),
    text(f.procedure.name.vi),
    text(f.procedure.name.en),
    text(`Mã thủ tục / Code: ${f.procedure.code}`),
    text(`Nộp lúc: ${submitted.time} ngày ${submitted.date} (giờ Việt Nam)`),
    text(`Submitted: ${submitted.time}, ${submitted.date} (Vietnam time)`),
    ...appointment,
    text(`Hình thức nhận kết quả: ${deliveryText[f.delivery].vi}`),
    text(`Result: ${deliveryText[f.delivery].en}`),
    separator(),
    qr(f.trackingQr, { cellSize: 6 }),
    text('Quét mã này tại ki-ốt để tra cứu hồ sơ', { align: 'center' }),
    text('Scan this code at the kiosk to track your dossier', { align: 'center' }),
    separator(),
    text('Tiếp theo / What happens next:', { bold: true }),
    ...nextSteps(f.delivery).flatMap((step) => bilingual(step)),
    separator(),
    text(`Đường dây nóng / Hotline: ${f.hotline.phone}`, { bold: true, align: 'center' }),
    ...bilingual(f.hotline.hours, { align: 'center' }),
    feed(2),
    cut(),
  );
};
