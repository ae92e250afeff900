import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../main/db/sqlite-db.js';
import { migrate } from '../../../main/outbox/migrate.js';

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mig1-'));
  db = await openDb(join(dir, 'o.db'));
});
afterEach(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

const insertDossier = (id: string, localCode: string, state = 'submitted') =>
  db.run(
    `INSERT INTO dossiers (id, local_code, kiosk_id, site_id, procedure_code, channel, state, next_attempt_at, created_at, updated_at, submitted_at, attachment_count, attachment_bytes, payload_enc)
     VALUES (?, ?, 'K1', 'S1', '1.000894', 'kiosk', ?, 0, 0, 0, '2026-11-24T00:00:00Z', 0, 0, x'00')`,
    [id, localCode, state],
  );

describe('migration 0001-initial', () => {
  it('creates the tables with their keys and checks, and records user_version 1', async () => {
    expect(await migrate(db, { to: 1 })).toBe(1);
    const tables = (await db.all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['attachments', 'daily_counts', 'dossiers', 'local_code_counters']));

    await insertDossier('a', 'K1-261124-0001');
    // local codes are unique, states are the lifecycle's, attachments belong to a dossier
    await expect(insertDossier('b', 'K1-261124-0001')).rejects.toThrow(/UNIQUE/);
    await expect(insertDossier('c', 'K1-261124-0002', 'lost')).rejects.toThrow(/CHECK/);
    await expect(
      db.run(`INSERT INTO attachments (dossier_id, seq, component_id, media_type, size, sha256) VALUES ('nobody', 0, 'TP1', 'application/pdf', 1, 'x')`),
    ).rejects.toThrow(/FOREIGN KEY/);

    const cols = (await db.all<{ name: string }>(`PRAGMA table_info(dossiers)`)).map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['payload_enc', 'official_code', 'city_status_code', 'appointment_date', 'next_attempt_at', 'attempts']));
    // nothing that could hold PII in clear
    expect(cols.filter((c) => /name|address|phone|email|id_number/.test(c))).toEqual([]);
  });
});
