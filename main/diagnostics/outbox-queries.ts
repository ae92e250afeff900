import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { QueueState } from '../../common/kiosk-api/contract-parts.js';
import { openDb, type Db } from '../db/sqlite-db.js';

// Diagnostics' own connection to outbox.db, for what the Outbox class does not offer (yet):
// paged listing, the last delivery, "retry now" of a pending dossier, the monthly counts, and
// the CLI reading the queue of a kiosk whose key it cannot use. WAL lets it sit beside the
// kiosk's connection; the one write (retryNow) is a guarded single-row UPDATE plus its event,
// in one transaction, as the Outbox's own transitions are.

export const outboxDbPath = (dataDir: string): string => join(dataDir, 'outbox', 'outbox.db');

export interface QueueRow {
  id: string;
  localCode: string;
  officialCode: string | null;
  procedureCode: string;
  channel: 'kiosk' | 'kiosk-assisted';
  state: QueueState;
  attempts: number;
  rejections: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
  nextAttemptAt: number;
  attachmentCount: number;
  attachmentBytes: number;
}

interface Raw {
  id: string;
  local_code: string;
  official_code: string | null;
  procedure_code: string;
  channel: 'kiosk' | 'kiosk-assisted';
  state: QueueState;
  attempts: number;
  rejections: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  next_attempt_at: number;
  attachment_count: number;
  attachment_bytes: number;
}

const COLUMNS = `id, local_code, official_code, procedure_code, channel, state, attempts, rejections, last_error, created_at, updated_at,
  next_attempt_at, attachment_count, attachment_bytes`;

const toRow = (r: Raw): QueueRow => ({
  id: r.id,
  localCode: r.local_code,
  officialCode: r.official_code,
  procedureCode: r.procedure_code,
  channel: r.channel,
  state: r.state,
  attempts: r.attempts,
  rejections: r.rejections,
  lastError: r.last_error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  nextAttemptAt: r.next_attempt_at,
  attachmentCount: r.attachment_count,
  attachmentBytes: r.attachment_bytes,
});

const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

export class OutboxQueries {
  private constructor(private readonly db: Db) {}

  /** null when there is no outbox there (a kiosk that never started on this data dir) */
  static async open(dataDir: string): Promise<OutboxQueries | null> {
    const file = outboxDbPath(dataDir);
    if (!existsSync(file)) return null;
    return new OutboxQueries(await openDb(file));
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  async countsByState(): Promise<Record<QueueState, number>> {
    const rows = await this.db.all<{ state: QueueState; n: number }>(`SELECT state, count(*) AS n FROM dossiers GROUP BY state`);
    const counts: Record<QueueState, number> = { submitted: 0, uploading: 0, delivered: 0, tracked: 0, purged: 0, dead: 0 };
    for (const r of rows) counts[r.state] = r.n;
    return counts;
  }

  async oldestPendingAt(): Promise<number | null> {
    const r = await this.db.get<{ at: number | null }>(`SELECT min(created_at) AS at FROM dossiers WHERE state IN ('submitted', 'uploading')`);
    return r?.at ?? null;
  }

  async lastDeliveredAt(): Promise<number | null> {
    const r = await this.db.get<{ at: number | null }>(`SELECT max(delivered_at) AS at FROM dossiers`);
    return r?.at ?? null;
  }

  /** Newest first. */
  async list(states: readonly QueueState[], limit: number, offset = 0): Promise<{ rows: QueueRow[]; total: number }> {
    const total = await this.db.get<{ n: number }>(`SELECT count(*) AS n FROM dossiers WHERE state IN (${marks(states.length)})`, [...states]);
    const rows = await this.db.all<Raw>(`SELECT ${COLUMNS} FROM dossiers WHERE state IN (${marks(states.length)}) ORDER BY created_at DESC, id LIMIT ? OFFSET ?`, [
      ...states,
      limit,
      offset,
    ]);
    return { rows: rows.map(toRow), total: total?.n ?? 0 };
  }

  /** By id or local code. */
  async find(ref: string): Promise<QueueRow | null> {
    const r = await this.db.get<Raw>(`SELECT ${COLUMNS} FROM dossiers WHERE id = ? OR local_code = ?`, [ref, ref]);
    return r ? toRow(r) : null;
  }

  /** A pending dossier due now (the backoff waived); false when it is not pending any more. */
  async retryNow(id: string, now: number, why: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const changed = await tx.run(`UPDATE dossiers SET next_attempt_at = ?, updated_at = ? WHERE id = ? AND state IN ('submitted', 'uploading')`, [now, now, id]);
      if (changed.changes !== 1) return false;
      await tx.run(`INSERT INTO events (dossier_id, at, kind, detail) VALUES (?, ?, 'retry-now', ?)`, [id, now, why]);
      return true;
    });
  }

  /** A line in the dossier's trail (the Outbox's `events` table), e.g. that it was exported. */
  async note(id: string, at: number, kind: string, detail: string): Promise<void> {
    await this.db.run(`INSERT INTO events (dossier_id, at, kind, detail) VALUES (?, ?, ?, ?)`, [id, at, kind, detail]);
  }

  /** Dossiers the city acknowledged per procedure between two YYMMDD days (inclusive). */
  async deliveredPerProcedure(fromYymmdd: string, toYymmdd: string): Promise<Map<string, number>> {
    const rows = await this.db.all<{ procedure_code: string; n: number }>(
      `SELECT procedure_code, sum(count) AS n FROM daily_counts WHERE state = 'delivered' AND day BETWEEN ? AND ? GROUP BY procedure_code`,
      [fromYymmdd, toYymmdd],
    );
    return new Map(rows.map((r) => [r.procedure_code, r.n]));
  }
}
