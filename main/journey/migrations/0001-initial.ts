import type { Migration } from '../../outbox/migrations/migration.js';

// The journey's own state, apart from the outbox: the outbox owns its connection and its
// schema (DESIGN: one connection, one queue), and none of this has to be in a dossier's
// transaction. Nothing here is PII except a rating's comment, which is sealed.
export const j0001Initial: Migration = {
  version: 1,
  name: 'initial',
  async up(tx) {
    await tx.exec(`
      -- the appointment the receipt promised (the outbox's appointment_date is the city's)
      CREATE TABLE receipt_appointments (
        local_code       TEXT PRIMARY KEY,
        -- NULL: "to be confirmed at the one-stop counter"
        appointment_date TEXT,
        procedure_code   TEXT NOT NULL,
        recorded_at      INTEGER NOT NULL
      );

      -- what the city said about a dossier the outbox cannot keep a status for (not ours, or
      -- not yet marked delivered): the last answer, shown when the city cannot be reached
      CREATE TABLE city_statuses (
        dossier_id       TEXT PRIMARY KEY,
        local_code       TEXT,
        official_code    TEXT,
        status_code      INTEGER NOT NULL,
        status_text      TEXT NOT NULL,
        appointment_date TEXT,
        updated_at       TEXT NOT NULL,
        checked_at       INTEGER NOT NULL
      );
      CREATE INDEX city_statuses_local ON city_statuses (local_code);
      CREATE INDEX city_statuses_official ON city_statuses (official_code);

      -- satisfaction ratings waiting for (or done with) the city; id is the Idempotency-Key
      CREATE TABLE ratings (
        id              TEXT PRIMARY KEY,
        code            TEXT NOT NULL,
        local_code      TEXT,
        official_code   TEXT,
        level           INTEGER NOT NULL CHECK (level IN (1, 2, 3)),
        -- AES-GCM sealed; NULL when there is none and once the city has it
        comment_enc     BLOB,
        rated_at        TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        rejections      INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error      TEXT,
        created_at      INTEGER NOT NULL,
        delivered_at    INTEGER
      );
      CREATE INDEX ratings_due ON ratings (state, next_attempt_at);
      CREATE INDEX ratings_local ON ratings (local_code);
      CREATE INDEX ratings_official ON ratings (official_code);
    `);
  },
};
