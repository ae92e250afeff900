import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AuditEntry } from '../../common/kiosk-api/diagnostics-contract.js';
import { openDb, type Db } from '../db/sqlite-db.js';
import { silentLogger, type Logger } from '../log/logger.js';
import { redactText } from '../log/redact.js';

// Every technician action, and every try at the PIN pad, as one row that cannot be changed:
// its own SQLite file (WAL, synchronous FULL) whose triggers refuse UPDATE and DELETE, so a
// bug, or someone with the kiosk's own database access, cannot quietly rewrite history.

export type AuditRole = AuditEntry['role'];

export interface AuditRecord {
  operatorId: string;
  role: AuditRole;
  /** the KioskApi method, or the CLI command (`cli.queue.retry`) */
  action: string;
  target?: string;
  /** `ok` or an error kind */
  result: string;
  /** never PII: redacted again here all the same */
  detail?: string;
}

export interface AuditSink {
  append(record: AuditRecord): Promise<void>;
}

export const auditDbPath = (dataDir: string): string => join(dataDir, 'audit', 'audit.db');

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS audit (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          INTEGER NOT NULL,            -- epoch ms
    operator_id TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('technician', 'officer', 'unknown')),
    action      TEXT NOT NULL,
    target      TEXT NOT NULL DEFAULT '',
    result      TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX IF NOT EXISTS audit_at ON audit (at);
  CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
  CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
`;

interface Row {
  id: number;
  at: number;
  operator_id: string;
  role: AuditRole;
  action: string;
  target: string;
  result: string;
  detail: string;
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export class AuditLog implements AuditSink {
  readonly #db: Promise<Db>;
  readonly #now: () => number;
  readonly #log: Logger;

  /** Opens (creating) the file in the background; calls wait for it. */
  constructor(readonly file: string, opts: { now?: () => number; log?: Logger } = {}) {
    this.#now = opts.now ?? Date.now;
    this.#log = opts.log ?? silentLogger;
    this.#db = (async () => {
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      const db = await openDb(file, { synchronous: 'FULL' });
      await db.exec(SCHEMA);
      return db;
    })();
    // a failure is reported by the calls that need the file, not as an unhandled rejection
    this.#db.catch(() => undefined);
  }

  /** Read-only use (the CLI): null when the kiosk never wrote an audit there. */
  static openExisting(file: string): AuditLog | null {
    return existsSync(file) ? new AuditLog(file) : null;
  }

  ready(): Promise<void> {
    return this.#db.then(() => undefined);
  }

  /**
   * Appends one row. Never throws: an audit that cannot be written is logged as an error,
   * and the technician's action (often the repair of that very disk) is not blocked by it.
   */
  async append(r: AuditRecord): Promise<void> {
    try {
      const db = await this.#db;
      await db.run(`INSERT INTO audit (at, operator_id, role, action, target, result, detail) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
        this.#now(),
        clip(redactText(r.operatorId), 80),
        r.role,
        clip(r.action, 80),
        clip(redactText(r.target ?? ''), 300),
        clip(r.result, 80),
        clip(redactText(r.detail ?? ''), 1000),
      ]);
    } catch (e) {
      this.#log.error('audit', 'audit row not written', { action: r.action, result: r.result, error: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Newest first; `since` in epoch ms. */
  async list(opts: { since?: number; limit?: number } = {}): Promise<AuditEntry[]> {
    const db = await this.#db;
    const rows = await db.all<Row>(`SELECT * FROM audit WHERE at >= ? ORDER BY id DESC LIMIT ?`, [opts.since ?? 0, opts.limit ?? 1000]);
    return rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      operatorId: r.operator_id,
      role: r.role,
      action: r.action,
      target: r.target,
      result: r.result,
      detail: r.detail,
    }));
  }

  async close(): Promise<void> {
    const db = await this.#db.catch(() => null);
    await db?.close();
  }
}
