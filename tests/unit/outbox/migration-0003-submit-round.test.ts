import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../main/db/sqlite-db.js';
import { migrate } from '../../../main/outbox/migrate.js';

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mig3-'));
  db = await openDb(join(dir, 'o.db'));
});
afterEach(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('migration 0003-submit-round', () => {
  it('adds submit_round = 0 to existing dossiers; the runner refuses a newer schema', async () => {
    await migrate(db, { to: 2 });
    await db.run(
      `INSERT INTO dossiers (id, local_code, kiosk_id, site_id, procedure_code, channel, state, next_attempt_at, created_at, updated_at, submitted_at, attachment_count, attachment_bytes)
       VALUES ('a', 'K1-261124-0001', 'K1', 'S1', '1.000894', 'kiosk', 'uploading', 0, 0, 0, '2026-11-24T00:00:00Z', 0, 0)`,
    );
    expect(await migrate(db, { to: 3 })).toBe(3);
    expect(await db.get(`SELECT submit_round FROM dossiers WHERE id = 'a'`)).toEqual({ submit_round: 0 });
    // running again is a no-op
    expect(await migrate(db)).toBe(3);

    await db.exec('PRAGMA user_version = 99');
    await expect(migrate(db)).rejects.toThrow(/schema 99/);
  });
});
