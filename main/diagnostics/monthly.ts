import type { MonthlyReport } from '../../common/kiosk-api/diagnostics-contract.js';
import { buildMonthlyReport } from '../stats/monthly-report.js';
import type { StatsStore } from '../stats/stats-store.js';
import { monthRange } from '../stats/vietnam-day.js';
import type { OutboxQueries } from './outbox-queries.js';

// The monthly report from the statistics and the outbox's delivery counts; shared by the
// diagnostics screen and `kiosk stats --month`.

export interface MonthlyInput {
  stats: StatsStore;
  queries: OutboxQueries | null;
  month: string;
  site: { id: string; name: string };
  kioskId: string;
  procedureNames: ReadonlyMap<string, string>;
  now: number;
}

const yymmdd = (iso: string): string => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);

export const monthlyReport = async (i: MonthlyInput): Promise<MonthlyReport> => {
  const { from, to } = monthRange(i.month);
  const summary = await i.stats.summary(from, to);
  const delivered = i.queries ? await i.queries.deliveredPerProcedure(yymmdd(from), yymmdd(to)) : new Map<string, number>();
  return buildMonthlyReport({
    month: i.month,
    summary,
    delivered,
    procedureNames: i.procedureNames,
    siteName: i.site.name,
    siteId: i.site.id,
    kioskId: i.kioskId,
    generatedAt: new Date(i.now).toISOString(),
  });
};
