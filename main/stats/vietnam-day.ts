// The city counts by its own calendar: days in Vietnam time (UTC+7, no daylight saving).
const OFFSET_MS = 7 * 3600_000;

/** yyyy-mm-dd of an instant, in Vietnam time */
export const vietnamDate = (epochMs: number): string => new Date(epochMs + OFFSET_MS).toISOString().slice(0, 10);

/** the first and last day of a `YYYY-MM` month */
export const monthRange = (month: string): { from: string; to: string } => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
};

/** the outbox's YYMMDD days (local-code.ts) as yyyy-mm-dd */
export const fromYymmdd = (day: string): string => `20${day.slice(0, 2)}-${day.slice(2, 4)}-${day.slice(4, 6)}`;
