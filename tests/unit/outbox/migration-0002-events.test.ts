import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../main/db/sqlite-db.js';
import { migrate } from '../../../main/outbox/migrate.js';

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mig2-'));
  db = await openDb(join(dir, 'o.db'));
});
afterEach(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('migration 0002-events', () => {
  it('adds the events table on top of 0001, keeping existing rows', async () => {
    await migrate(db, { to: 1 });
    await db.run(`INSERT INTO local_code_counters (kiosk_id, day, last_seq) VALUES ('K1', '261124', 7)`);
    expect(await db.get(`SELECT name FROM sqlite_master WHERE name = 'events'`)).toBeUndefined();

    expect(await migrate(db, { to: 2 })).toBe(2);
    await db.run(`INSERT INTO events (dossier_id, at, kind, detail) VALUES (NULL, 1, 'submitted', 'K1-261124-0001')`);
    expect(await db.all(`SELECT kind FROM events`)).toEqual([{ kind: 'submitted' }]);
    expect(await db.get(`SELECT last_seq FROM local_code_counters`)).toEqual({ last_seq: 7 });
  });
});
