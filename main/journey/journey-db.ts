import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openDb, type Db } from '../db/sqlite-db.js';
import { migrate } from '../outbox/migrate.js';
import { journeyMigrations } from './migrations/index.js';

/**
 * `<dataDir>/journey/journey.db`: receipt appointments, the city statuses tracking learned,
 * and ratings. Same durability as the outbox (WAL, synchronous FULL): a rating the kiosk
 * said it kept survives a power cut.
 */
export async function openJourneyDb(dataDir: string): Promise<Db> {
  const dir = join(dataDir, 'journey');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const db = await openDb(join(dir, 'journey.db'));
  try {
    await migrate(db, { migrations: journeyMigrations });
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
  return db;
}
