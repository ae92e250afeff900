import type { Sql } from '../db/sqlite-db.js';

// The receipt code a resident leaves with while offline: kioskId-YYMMDD-NNNN, the day in
// Vietnam time (UTC+7, no daylight saving). The sequence lives in the database and is taken
// inside the enqueue transaction, so it never repeats across restarts, and a clock that goes
// back within the day still only moves it forward.

const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** YYMMDD of an instant, in Vietnam time. */
export const vietnamDay = (epochMs: number): string => {
  const iso = new Date(epochMs + VIETNAM_OFFSET_MS).toISOString();
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
};

export const formatLocalCode = (kioskId: string, day: string, seq: number): string => `${kioskId}-${day}-${String(seq).padStart(4, '0')}`;

export async function allocateLocalCode(tx: Sql, kioskId: string, epochMs: number): Promise<string> {
  const day = vietnamDay(epochMs);
  const row = await tx.get<{ last_seq: number }>(
    `INSERT INTO local_code_counters (kiosk_id, day, last_seq) VALUES (?, ?, 1)
     ON CONFLICT (kiosk_id, day) DO UPDATE SET last_seq = last_seq + 1
     RETURNING last_seq`,
    [kioskId, day],
  );
  if (!row) throw new Error('local code counter did not return a value');
  return formatLocalCode(kioskId, day, row.last_seq);
}
