// The page the shell serves itself when the renderer cannot run (crash loop, missing build,
// invalid config). It cannot use the renderer's i18n catalog, so its few words live here,
// Vietnamese first; no script and no inline style, so the same strict CSP applies.

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export interface FallbackPageInput {
  /** technician-facing reason (English, no personal data), e.g. the config file, field and rule */
  detail?: string;
}

export const buildFallbackPage = ({ detail }: FallbackPageInput = {}): string =>
  [
    '<!doctype html>',
    '<html lang="vi">',
    '<head><meta charset="utf-8"><title>Kiosk tạm ngừng phục vụ</title></head>',
    '<body>',
    '<h1>Kiosk tạm ngừng phục vụ</h1>',
    '<p>Xin lỗi, máy đang gặp sự cố. Quý khách vui lòng quay lại sau ít phút hoặc liên hệ cán bộ tại quầy tiếp nhận.</p>',
    '<p lang="en">This kiosk is temporarily out of service.</p>',
    ...(detail ? [`<p lang="en"><small>${escapeHtml(detail.slice(0, 2000))}</small></p>`] : []),
    '</body>',
    '</html>',
  ].join('\n');
