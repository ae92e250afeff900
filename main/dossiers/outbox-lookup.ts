import { join } from 'node:path';
import { openDb, type Db } from '../db/sqlite-db.js';

/**
 * Finds an outbox dossier by its official code, which the Outbox class has no method for
 * (its connection is private, and its file is being tuned by someone else). A read-only
 * second connection on the same WAL database: readers never block the outbox's writer, and
 * `query_only` makes sure this one never writes. Replace with `Outbox.findByOfficialCode`
 * when the outbox grows one.
 */
export class OutboxLookup {
  private constructor(private readonly db: Db) {}

  /** `outboxDir` is the outbox's `dir` (it holds outbox.db); open after the outbox. */
  static async open(outboxDir: string): Promise<OutboxLookup> {
    const db = await openDb(join(outboxDir, 'outbox.db'));
    await db.exec('PRAGMA query_only = ON');
    return new OutboxLookup(db);
  }

  async localCodeOf(officialCode: string): Promise<string | undefined> {
    const row = await this.db.get<{ local_code: string }>(`SELECT local_code FROM dossiers WHERE official_code = ? LIMIT 1`, [officialCode]);
    return row?.local_code;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
