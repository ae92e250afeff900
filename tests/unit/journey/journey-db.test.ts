import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../main/db/sqlite-db.js';
import { openJourneyDb } from '../../../main/journey/journey-db.js';
import { journeyMigrations } from '../../../main/journey/migrations/index.js';
import { migrate } from '../../../main/outbox/migrate.js';

let dir: string;
let db: Db | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journey-db-'));
});
afterEach(async () => {
  await db?.close();
  db = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('journey migration 0001-initial', () => {
  it('creates the three tables; a rating needs a level of 1–3 and a known state', async () => {
    db = await openDb(join(dir, 'j.db'));
    expect(await migrate(db, { migrations: journeyMigrations })).toBe(1);
    const tables = await db.all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`);
    expect(tables.map((t) => t.name)).toEqual(['city_statuses', 'ratings', 'receipt_appointments']);
    const insert = (level: number, state: string) =>
      db!.run(`INSERT INTO ratings (id, code, level, rated_at, state, next_attempt_at, created_at) VALUES (?, 'C', ?, 'x', ?, 0, 0)`, [`${level}${state}`, level, state]);
    await insert(3, 'pending');
    await expect(insert(4, 'pending')).rejects.toThrow(/CHECK/);
    await expect(insert(2, 'lost')).rejects.toThrow(/CHECK/);
    // running again is a no-op; a newer schema is refused
    expect(await migrate(db, { migrations: journeyMigrations })).toBe(1);
    await db.exec('PRAGMA user_version = 99');
    await expect(migrate(db, { migrations: journeyMigrations })).rejects.toThrow(/schema 99/);
  });

  it('openJourneyDb keeps it in a folder only the kiosk user can enter', async () => {
    db = await openJourneyDb(dir);
    expect((await stat(join(dir, 'journey'))).mode & 0o777).toBe(0o700);
    expect(await db.get(`PRAGMA user_version`)).toEqual({ user_version: 1 });
  });
});
