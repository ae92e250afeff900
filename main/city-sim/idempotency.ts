import { createHash } from 'node:crypto';
import type { Db, Sql } from '../db/sqlite-db.js';

// The contract's delivery semantics: the first successful answer for (kiosk, method, route,
// key) is stored ≥ 7 days and replayed; another body under the same key gets 422; a retry
// while the first is running gets 409. The "done" record is written in the same transaction
// as the effect it answers for, so a crash can never leave one without the other.

export interface IdempotencyKey {
  kioskId: string;
  method: string;
  /** the concrete path (`/v1/dossiers/abc/submit`), so one key cannot replay another dossier's answer */
  route: string;
  key: string;
}

export type IdempotencyStart =
  | { kind: 'started' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'bodyMismatch' }
  | { kind: 'inFlight' };

export interface Idempotency {
  begin(k: IdempotencyKey, bodySha256: string): Promise<IdempotencyStart>;
  /** inside the caller's transaction, beside the effect */
  complete(tx: Sql, k: IdempotencyKey, status: number, body: unknown): Promise<void>;
  /** the attempt changed nothing (an error answer): a retry under the same key runs afresh */
  abandon(k: IdempotencyKey): Promise<void>;
}

export const RETENTION_MS = 7 * 24 * 3600_000;

/** sha256 of the body with object keys sorted, so reformatting the same JSON is the same body */
export const canonicalBodySha256 = (raw: Buffer): string => {
  let canonical: string;
  try {
    canonical = raw.length === 0 ? '' : canonicalJson(JSON.parse(raw.toString('utf8')) as unknown);
  } catch {
    canonical = raw.toString('latin1');
  }
  return createHash('sha256').update(canonical).digest('hex');
};

const canonicalJson = (v: unknown): string => {
  if (Array.isArray(v)) return '[' + v.map(canonicalJson).join(',') + ']';
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return '{' + entries.map(([k, x]) => JSON.stringify(k) + ':' + canonicalJson(x)).join(',') + '}';
  }
  return JSON.stringify(v);
};

const where = 'kiosk_id = ? AND method = ? AND route = ? AND key = ?';
const params = (k: IdempotencyKey) => [k.kioskId, k.method, k.route, k.key];

interface Row {
  body_sha256: string;
  state: 'in_flight' | 'done';
  started_at: number;
  status: number | null;
  response_json: string | null;
  expires_at: number | null;
}

export const createIdempotency = (db: Db, now: () => number, opts: { inFlightTtlMs?: number; retentionMs?: number } = {}): Idempotency => {
  // an in-flight marker left by a crash of the simulator itself must not block the key forever
  const inFlightTtlMs = opts.inFlightTtlMs ?? 30_000;
  const retentionMs = opts.retentionMs ?? RETENTION_MS;
  let lastPurge = 0;
  return {
    begin: (k, bodySha256) =>
      db.transaction(async (tx) => {
        const t = now();
        if (t - lastPurge > 60_000) {
          lastPurge = t;
          await tx.run("DELETE FROM idempotency WHERE state = 'done' AND expires_at < ?", [t]);
        }
        const row = await tx.get<Row>(`SELECT * FROM idempotency WHERE ${where}`, params(k));
        const live = row && (row.state === 'done' ? (row.expires_at ?? 0) >= t : t - row.started_at < inFlightTtlMs);
        if (row && live) {
          if (row.body_sha256 !== bodySha256) return { kind: 'bodyMismatch' };
          if (row.state === 'in_flight') return { kind: 'inFlight' };
          return { kind: 'replay', status: row.status ?? 200, body: JSON.parse(row.response_json ?? 'null') as unknown };
        }
        await tx.run(
          `INSERT INTO idempotency (kiosk_id, method, route, key, body_sha256, state, started_at) VALUES (?, ?, ?, ?, ?, 'in_flight', ?)
           ON CONFLICT (kiosk_id, method, route, key) DO UPDATE SET body_sha256 = excluded.body_sha256, state = 'in_flight',
             started_at = excluded.started_at, status = NULL, response_json = NULL, expires_at = NULL`,
          [...params(k), bodySha256, t],
        );
        return { kind: 'started' };
      }),
    complete: async (tx, k, status, body) => {
      const t = now();
      await tx.run(`UPDATE idempotency SET state = 'done', status = ?, response_json = ?, expires_at = ? WHERE ${where}`, [
        status,
        JSON.stringify(body),
        t + retentionMs,
        ...params(k),
      ]);
    },
    abandon: (k) =>
      db.transaction(async (tx) => {
        await tx.run(`DELETE FROM idempotency WHERE ${where} AND state = 'in_flight'`, params(k));
      }),
  };
};
