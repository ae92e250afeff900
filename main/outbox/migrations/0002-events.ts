import type { Migration } from './migration.js';

// A light audit trail for diagnostics: what happened to a dossier and when, never its content.
// No foreign key: the trail outlives a row's PII and must not block anything.
export const m0002Events: Migration = {
  version: 2,
  name: 'events',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE events (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        dossier_id TEXT,
        at         INTEGER NOT NULL,
        kind       TEXT NOT NULL,
        detail     TEXT
      );
      CREATE INDEX events_dossier ON events (dossier_id, id);
    `);
  },
};
