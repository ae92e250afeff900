import type { MonthlyReport, StatsSummary } from '../../common/kiosk-api/diagnostics-contract.js';

// What the city's monthly reporting asks of a kiosk: online dossiers per procedure and how
// many of them an officer helped with; plus how many reached the city. A CSV for the
// spreadsheet and a printable page with a chart for the file. Counters only: no PII exists here.

export interface ReportInput {
  month: string;
  summary: StatsSummary;
  /** dossiers the city acknowledged in the month, per procedure (the outbox's daily counts) */
  delivered: ReadonlyMap<string, number>;
  /** Vietnamese procedure names from the catalog, when it can be read */
  procedureNames: ReadonlyMap<string, string>;
  siteName: string;
  siteId: string;
  kioskId: string;
  generatedAt: string;
}

interface Row {
  code: string;
  name: string;
  selfService: number;
  assisted: number;
  delivered: number;
}

const rowsOf = (i: ReportInput): Row[] => {
  const codes = new Set([...i.summary.submissions.map((s) => s.procedureCode), ...i.delivered.keys()]);
  return [...codes].sort().map((code) => {
    const s = i.summary.submissions.find((x) => x.procedureCode === code);
    return { code, name: i.procedureNames.get(code) ?? '', selfService: s?.selfService ?? 0, assisted: s?.assisted ?? 0, delivered: i.delivered.get(code) ?? 0 };
  });
};

/** RFC 4180 quoting, and a leading quote for text a spreadsheet would run as a formula */
const csvCell = (v: string | number): string => {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const monthlyCsv = (i: ReportInput): string => {
  const rows = rowsOf(i);
  const header = ['month', 'procedure_code', 'procedure_name', 'online_dossiers', 'self_service', 'assisted', 'delivered_to_city'];
  const lines = [header.join(',')];
  for (const r of rows) lines.push([i.month, r.code, r.name, r.selfService + r.assisted, r.selfService, r.assisted, r.delivered].map(csvCell).join(','));
  const t = rows.reduce((a, r) => ({ s: a.s + r.selfService, a: a.a + r.assisted, d: a.d + r.delivered }), { s: 0, a: 0, d: 0 });
  lines.push([i.month, 'TOTAL', '', t.s + t.a, t.s, t.a, t.d].map(csvCell).join(','));
  // the BOM makes spreadsheet programs read the Vietnamese names as UTF-8
  return `\uFEFF${lines.join('\r\n')}\r\n`;
};

const esc = (s: string | number): string =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Stacked horizontal bars, self-service and assisted, one per procedure. */
const chart = (rows: Row[]): string => {
  const barH = 22;
  const gap = 8;
  const labelW = 110;
  const plotW = 460;
  const max = Math.max(1, ...rows.map((r) => r.selfService + r.assisted));
  const height = Math.max(1, rows.length) * (barH + gap) + 40;
  const bars = rows
    .map((r, n) => {
      const y = n * (barH + gap);
      const ws = (r.selfService / max) * plotW;
      const wa = (r.assisted / max) * plotW;
      return [
        `<text x="${labelW - 6}" y="${y + barH * 0.7}" text-anchor="end" font-size="12">${esc(r.code)}</text>`,
        `<rect x="${labelW}" y="${y}" width="${ws.toFixed(1)}" height="${barH}" fill="#1f6fb2"><title>${esc(r.selfService)}</title></rect>`,
        `<rect x="${(labelW + ws).toFixed(1)}" y="${y}" width="${wa.toFixed(1)}" height="${barH}" fill="#f0a020"><title>${esc(r.assisted)}</title></rect>`,
        `<text x="${(labelW + ws + wa + 4).toFixed(1)}" y="${y + barH * 0.7}" font-size="12">${r.selfService + r.assisted}</text>`,
      ].join('');
    })
    .join('\n');
  const legendY = rows.length * (barH + gap) + 16;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Hồ sơ trực tuyến theo thủ tục" width="${labelW + plotW + 60}" height="${height}" viewBox="0 0 ${labelW + plotW + 60} ${height}" font-family="sans-serif">
${bars}
<rect x="${labelW}" y="${legendY}" width="12" height="12" fill="#1f6fb2"/><text x="${labelW + 16}" y="${legendY + 11}" font-size="12">Tự thực hiện</text>
<rect x="${labelW + 120}" y="${legendY}" width="12" height="12" fill="#f0a020"/><text x="${labelW + 136}" y="${legendY + 11}" font-size="12">Được cán bộ hỗ trợ</text>
</svg>`;
};

export const monthlyHtml = (i: ReportInput): string => {
  const rows = rowsOf(i);
  const [y, m] = i.month.split('-');
  const s = i.summary;
  const total = s.selfService + s.assisted;
  const sat = s.satisfaction;
  const body = rows
    .map((r) => `<tr><td>${esc(r.code)}</td><td>${esc(r.name)}</td><td class="n">${r.selfService + r.assisted}</td><td class="n">${r.selfService}</td><td class="n">${r.assisted}</td><td class="n">${r.delivered}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>Báo cáo tháng ${esc(m ?? '')}/${esc(y ?? '')} — ${esc(i.siteName)}</title>
<style>
body{font-family:"Be Vietnam Pro",system-ui,sans-serif;margin:2rem;color:#111}
h1{font-size:1.4rem;margin:0 0 .25rem}
p.meta{color:#444;margin:0 0 1rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left}
td.n,th.n{text-align:right}
tfoot td{font-weight:bold}
dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}
@media print{body{margin:1cm}button{display:none}}
</style></head>
<body>
<h1>Báo cáo tháng ${esc(m ?? '')}/${esc(y ?? '')}: hồ sơ trực tuyến tại ki-ốt</h1>
<p class="meta">${esc(i.siteName)} (${esc(i.siteId)}) · ki-ốt ${esc(i.kioskId)} · lập lúc ${esc(i.generatedAt)}</p>
${chart(rows)}
<table>
<thead><tr><th>Mã thủ tục</th><th>Tên thủ tục</th><th class="n">Hồ sơ trực tuyến</th><th class="n">Tự thực hiện</th><th class="n">Được hỗ trợ</th><th class="n">Đã chuyển đến hệ thống một cửa</th></tr></thead>
<tbody>
${body}
</tbody>
<tfoot><tr><td colspan="2">Tổng cộng</td><td class="n">${total}</td><td class="n">${s.selfService}</td><td class="n">${s.assisted}</td><td class="n">${rows.reduce((n, r) => n + r.delivered, 0)}</td></tr></tfoot>
</table>
<dl>
<dt>Lượt sử dụng</dt><dd>${s.sessions}</dd>
<dt>Xác thực bằng mã QR / nhập tay / chip</dt><dd>${s.identitySource.qr} / ${s.identitySource.manual} / ${s.identitySource.chip}</dd>
<dt>Đánh giá: rất hài lòng / hài lòng / không hài lòng</dt><dd>${sat['1']} / ${sat['2']} / ${sat['3']}</dd>
</dl>
</body></html>
`;
};

export const buildMonthlyReport = (i: ReportInput): MonthlyReport => ({ month: i.month, csv: monthlyCsv(i), html: monthlyHtml(i), summary: i.summary });
