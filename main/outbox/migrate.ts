import type { Db } from '../db/sqlite-db.js';
import { migrations as all } from './migrations/index.js';
import type { Migration } from './migrations/migration.js';

export interface MigrateOptions {
  /** stop at this version (tests of one migration); default: the latest */
  to?: number;
  migrations?: readonly Migration[];
}

/**
 * Brings the schema to `to`, one transaction per migration, recording progress in
 * user_version (part of the same transaction, so a crash never leaves half a step).
 * Refuses a database newer than this code: a downgrade would misread it.
 */
export async function migrate(db: Db, { migrations = all, to }: MigrateOptions = {}): Promise<number> {
  const latest = migrations.at(-1)?.version ?? 0;
  const target = to ?? latest;
  const current = (await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
  if (current > latest) throw new Error(`outbox database is at schema ${current}, this build knows up to ${latest}`);
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    await db.transaction(async (tx) => {
      await m.up(tx);
      await tx.exec(`PRAGMA user_version = ${Math.trunc(m.version)}`);
    });
  }
  return (await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
}
