#!/usr/bin/env node
// Receipt build time: a ~25-line Vietnamese receipt with a QR, raster mode (every line drawn
// with Pango, thresholded, packed as GS v 0), ReceiptDoc → ESC/POS buffer. Sending is not timed.
import { importTs } from './lib/import-ts.mjs';
import { writeResult } from './lib/results.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = 20;

const entry = `
export { receipt, text, separator, qr, cut } from './common/receipt/receipt-doc.ts';
export { encodeReceipt } from './hardware/printer/escpos-encoder.ts';
export { resolveReceiptFont } from './hardware/printer/receipt-font.ts';
`;
const { receipt, text, separator, qr, cut, encodeReceipt, resolveReceiptFont } = await importTs('receipt', entry);

const font = resolveReceiptFont();
// each run varies the code so no layer can serve a cached picture of the whole receipt
const doc = (i) =>
  receipt(
    text('ỦY BAN NHÂN DÂN PHƯỜNG BẾN NGHÉ', { bold: true, align: 'center' }),
    text('Bộ phận Tiếp nhận và Trả kết quả', { align: 'center' }),
    separator(),
    text('GIẤY TIẾP NHẬN HỒ SƠ', { bold: true, align: 'center', size: 'double' }),
    text(`Mã hồ sơ: KIOSK01-261124-${String(i).padStart(4, '0')}`, { bold: true }),
    text('Thủ tục: Đăng ký thường trú'),
    text('Lĩnh vực: Hộ tịch — Cư trú'),
    text('Người nộp: Đặng Thị Hồng Nhung'),
    text('Số định danh: 0010******56'),
    text('Địa chỉ: 12 Lê Thánh Tôn, phường Bến Nghé, thành phố Hồ Chí Minh'),
    text('Ngày nộp: 24/11/2026 08:15'),
    text('Ngày hẹn trả: 01/12/2026', { underline: true }),
    separator(),
    text('Thành phần hồ sơ:'),
    text('1. Tờ khai thay đổi thông tin cư trú (CT01)'),
    text('2. Giấy tờ chứng minh chỗ ở hợp pháp'),
    text('3. Văn bản đồng ý của chủ hộ'),
    separator(),
    text('Lệ phí: 20.000 đồng', { align: 'right' }),
    text('Tra cứu tình trạng hồ sơ bằng mã QR dưới đây', { align: 'center' }),
    qr(`https://dichvucong.gov.vn/tra-cuu?ma=KIOSK01-261124-${String(i).padStart(4, '0')}`),
    text('hoặc tại dichvucong.gov.vn', { align: 'center' }),
    text('Đường dây nóng: 1900 1234 (7:30–17:00)', { align: 'center' }),
    text('Cảm ơn ông/bà đã sử dụng dịch vụ công trực tuyến!', { align: 'center' }),
    text('ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự', { align: 'center' }),
    cut(),
  );

const samples = [];
let bytes = 0;
for (let i = 0; i < WARMUP + RUNS; i++) {
  const d = doc(i);
  const t0 = performance.now();
  const r = await encodeReceipt(d, { textMode: 'raster', widthDots: 576, font });
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(r.error.message);
  bytes = r.value.bytes.length;
  if (i >= WARMUP) samples.push(ms);
}
writeResult('receipt', { name: 'receipt build (25 lines, raster, QR)', unit: 'ms', target: '<= 100', samples, extra: { bytes, lines: 25, widthDots: 576, font: font.family } });
