import { migration0001 } from './migrations/0001-initial.js';
import type { Db } from '../db/sqlite-db.js';

// One migration per file; PRAGMA user_version says which ones this database has had.
const migrations = [migration0001];

export const migrate = async (db: Db): Promise<number> => {
  const current = (await db.read((tx) => tx.get<{ user_version: number }>('PRAGMA user_version')))?.user_version ?? 0;
  for (const m of migrations) {
    if (m.version <= current) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.exec(`PRAGMA user_version = ${m.version}`);
    });
  }
  return migrations.at(-1)?.version ?? 0;
};
