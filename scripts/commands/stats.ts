// `kiosk stats --month YYYY-MM [--csv] [--html FILE]`: the city's monthly report from this
// kiosk's anonymous statistics: a summary (default), the CSV on stdout, or the printable page.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Month } from '../../common/kiosk-api/diagnostics-contract.js';
import { loadSiteConfig } from '../../main/config/load-site.js';
import { catalogInfo } from '../../main/diagnostics/catalog-info.js';
import { monthlyReport } from '../../main/diagnostics/monthly.js';
import { OutboxQueries } from '../../main/diagnostics/outbox-queries.js';
import { StatsStore, statsDbPath } from '../../main/stats/stats-store.js';
import type { CommandIo } from './id-parse.js';
import { takeFlag, takeOption } from './data-dir-arg.js';

export const statsUsage = 'usage: kiosk stats --month YYYY-MM [--csv] [--html FILE] [--data-dir DIR] [--site FILE]\n';

export const runStats = async (args: readonly string[], ctx: { dataDir: string; site: string; configRoot: string; io: CommandIo; now?: () => number }): Promise<number> => {
  const { io } = ctx;
  const month = takeOption(args, '--month');
  const html = takeOption(month.rest, '--html');
  const csv = takeFlag(html.rest, '--csv');
  if (!month.value || !Month.safeParse(month.value).success || csv.rest.length > 0) return (io.stderr.write(statsUsage), 2);
  const file = statsDbPath(ctx.dataDir);
  if (!existsSync(file)) return (io.stderr.write(`stats: no statistics in ${ctx.dataDir} (has the kiosk run with this --data-dir?)\n`), 1);

  const site = await loadSiteConfig(ctx.site);
  const stats = new StatsStore(file);
  const queries = await OutboxQueries.open(ctx.dataDir);
  try {
    const report = await monthlyReport({
      stats,
      queries,
      month: month.value,
      site: site.ok ? { id: site.value.site.id, name: site.value.site.name.vi } : { id: '', name: '' },
      kioskId: site.ok ? site.value.kiosk.id : '',
      procedureNames: site.ok ? ((await catalogInfo(ctx.configRoot, site.value.procedures.enabled))?.names ?? new Map()) : new Map(),
      now: (ctx.now ?? Date.now)(),
    });
    if (html.value) {
      await writeFile(html.value, report.html);
      io.stderr.write(`stats: the printable report is in ${html.value}\n`);
    }
    if (csv.on) {
      io.stdout.write(report.csv);
      return 0;
    }
    const s = report.summary;
    const lines = [
      `month ${report.month} (${s.from} – ${s.to})`,
      `sessions ${s.sessions}${Object.keys(s.sessionEnds).length ? ` (${Object.entries(s.sessionEnds).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}`,
      `dossiers ${s.selfService + s.assisted}: self-service ${s.selfService}, assisted ${s.assisted}`,
      ...s.submissions.map((p) => `  ${p.procedureCode.padEnd(12)} ${p.selfService + p.assisted} (assisted ${p.assisted})`),
      `identity: QR ${s.identitySource.qr}, manual ${s.identitySource.manual}, chip ${s.identitySource.chip}`,
      `satisfaction: very satisfied ${s.satisfaction['1']}, satisfied ${s.satisfaction['2']}, not satisfied ${s.satisfaction['3']}`,
      ...s.steps.map((x) => `  step ${x.step.padEnd(16)} reached ${x.reached}, abandoned ${x.abandoned}`),
      ...s.deviceErrors.map((d) => `  ${d.device} ${d.kind}: ${d.count}`),
    ];
    io.stdout.write(lines.join('\n') + '\n');
    return 0;
  } finally {
    await queries?.close();
    await stats.close();
  }
};
