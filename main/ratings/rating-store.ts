import { randomUUID } from 'node:crypto';
import type { RatingLevel } from '../../common/kiosk-api/journey-contract.js';
import type { Db } from '../db/sqlite-db.js';
import { sealComment, unsealComment } from './comment-seal.js';

export const ratingStates = ['pending', 'delivered', 'dead'] as const;
export type RatingState = (typeof ratingStates)[number];

/** A rating as the sender and diagnostics see it: the comment stays sealed. */
export interface RatingRecord {
  /** also the Idempotency-Key of the city call */
  id: string;
  /** the code the resident gave */
  code: string;
  localCode: string | null;
  officialCode: string | null;
  level: RatingLevel;
  hasComment: boolean;
  ratedAt: string;
  state: RatingState;
  attempts: number;
  rejections: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  deliveredAt: number | null;
}

interface Row {
  id: string;
  code: string;
  local_code: string | null;
  official_code: string | null;
  level: RatingLevel;
  has_comment: number;
  rated_at: string;
  state: RatingState;
  attempts: number;
  rejections: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
}

const COLUMNS = `id, code, local_code, official_code, level, comment_enc IS NOT NULL AS has_comment, rated_at, state, attempts, rejections,
  next_attempt_at, last_error, created_at, delivered_at`;

const toRecord = (r: Row): RatingRecord => ({
  id: r.id,
  code: r.code,
  localCode: r.local_code,
  officialCode: r.official_code,
  level: r.level,
  hasComment: r.has_comment === 1,
  ratedAt: r.rated_at,
  state: r.state,
  attempts: r.attempts,
  rejections: r.rejections,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

export interface NewRating {
  code: string;
  localCode: string | null;
  officialCode: string | null;
  level: RatingLevel;
  comment?: string | undefined;
}

/**
 * Ratings kept until the city has them: one row per dossier (the city takes one rating per
 * dossier, so the first one given here is the one kept), written with synchronous commits
 * before the resident is told "kept".
 */
export class RatingStore {
  constructor(
    private readonly db: Db,
    private readonly key: Buffer,
    private readonly now: () => number,
  ) {}

  /** Keeps a rating unless the dossier has one already; `kept: false` names the existing one. */
  async keep(r: NewRating): Promise<{ id: string; kept: boolean }> {
    const id = randomUUID();
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const existing = await tx.get<{ id: string }>(
        `SELECT id FROM ratings WHERE (local_code IS NOT NULL AND local_code = ?) OR (official_code IS NOT NULL AND official_code = ?) LIMIT 1`,
        [r.localCode, r.officialCode],
      );
      if (existing) return { id: existing.id, kept: false };
      const comment = r.comment === undefined || r.comment.trim() === '' ? null : sealComment(this.key, id, r.comment);
      await tx.run(
        `INSERT INTO ratings (id, code, local_code, official_code, level, comment_enc, rated_at, state, next_attempt_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
        [id, r.code, r.localCode, r.officialCode, r.level, comment, new Date(now).toISOString(), now, now],
      );
      return { id, kept: true };
    });
  }

  async get(id: string): Promise<RatingRecord | undefined> {
    const row = await this.db.get<Row>(`SELECT ${COLUMNS} FROM ratings WHERE id = ?`, [id]);
    return row ? toRecord(row) : undefined;
  }

  async list(states: readonly RatingState[] = ratingStates): Promise<RatingRecord[]> {
    const rows = await this.db.all<Row>(`SELECT ${COLUMNS} FROM ratings WHERE state IN (${states.map(() => '?').join(',')}) ORDER BY created_at`, [...states]);
    return rows.map(toRecord);
  }

  async due(limit: number): Promise<RatingRecord[]> {
    const rows = await this.db.all<Row>(`SELECT ${COLUMNS} FROM ratings WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?`, [this.now(), limit]);
    return rows.map(toRecord);
  }

  async nextDueAt(): Promise<number | null> {
    const row = await this.db.get<{ at: number | null }>(`SELECT min(next_attempt_at) AS at FROM ratings WHERE state = 'pending'`);
    return row?.at ?? null;
  }

  /** The comment in clear for the city call; `null` when there is none, undefined when it fails authentication. */
  async comment(id: string): Promise<string | null | undefined> {
    const row = await this.db.get<{ comment_enc: Buffer | null }>(`SELECT comment_enc FROM ratings WHERE id = ?`, [id]);
    if (!row) return undefined;
    return row.comment_enc === null ? null : unsealComment(this.key, id, row.comment_enc);
  }

  async resolveOfficialCode(id: string, officialCode: string): Promise<void> {
    await this.db.run(`UPDATE ratings SET official_code = ? WHERE id = ? AND state = 'pending'`, [officialCode, id]);
  }

  /** The city has it: the comment is deleted, it was only kept to be sent. */
  async markDelivered(id: string): Promise<void> {
    await this.db.run(`UPDATE ratings SET state = 'delivered', comment_enc = NULL, delivered_at = ?, last_error = NULL WHERE id = ? AND state = 'pending'`, [this.now(), id]);
  }

  /** Not a failure: the dossier is not delivered yet, look again at `at`. */
  async waitUntil(id: string, at: number, why: string): Promise<void> {
    await this.db.run(`UPDATE ratings SET next_attempt_at = ?, last_error = ? WHERE id = ? AND state = 'pending'`, [at, why, id]);
  }

  /** A failed try; `dead` once permanent refusals reach `maxRejections`. Returns the new state. */
  async recordFailure(id: string, f: { error: string; permanent: boolean; nextAttemptAt: number; maxRejections: number }): Promise<RatingState> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get<{ rejections: number; state: RatingState }>(`SELECT rejections, state FROM ratings WHERE id = ?`, [id]);
      if (!row || row.state !== 'pending') return row?.state ?? 'dead';
      const rejections = row.rejections + (f.permanent ? 1 : 0);
      const state: RatingState = rejections >= f.maxRejections ? 'dead' : 'pending';
      await tx.run(`UPDATE ratings SET attempts = attempts + 1, rejections = ?, state = ?, next_attempt_at = ?, last_error = ? WHERE id = ?`, [
        rejections,
        state,
        f.nextAttemptAt,
        f.error,
        id,
      ]);
      return state;
    });
  }
}
