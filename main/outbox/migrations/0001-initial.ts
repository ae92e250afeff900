import type { Migration } from './migration.js';

// Times are epoch milliseconds (INTEGER) for scheduling; the city's own timestamps stay ISO text.
// Nothing here is PII in clear: the resident's data lives only inside payload_enc (AES-GCM),
// and a dossier's sealed attachments sit in one file named by the sha256 of its bytes.
export const m0001Initial: Migration = {
  version: 1,
  name: 'initial',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE dossiers (
        id               TEXT PRIMARY KEY,              -- UUID; also the city Idempotency-Key
        local_code       TEXT NOT NULL UNIQUE,          -- kioskId-YYMMDD-NNNN printed on the receipt
        kiosk_id         TEXT NOT NULL,
        site_id          TEXT NOT NULL,
        procedure_code   TEXT NOT NULL,
        channel          TEXT NOT NULL CHECK (channel IN ('kiosk', 'kiosk-assisted')),
        state            TEXT NOT NULL CHECK (state IN ('submitted', 'uploading', 'delivered', 'tracked', 'purged', 'dead')),
        attempts         INTEGER NOT NULL DEFAULT 0,    -- failed tries, drives the backoff
        rejections       INTEGER NOT NULL DEFAULT 0,    -- permanent refusals, drives dead
        next_attempt_at  INTEGER NOT NULL,
        last_error       TEXT,                          -- PII-free: kind, status, masked text
        created_at       INTEGER NOT NULL,
        updated_at       INTEGER NOT NULL,
        submitted_at     TEXT NOT NULL,
        city_dossier_id  TEXT,
        official_code    TEXT,
        city_status_code INTEGER,
        city_status_text TEXT,
        city_status_at   TEXT,
        appointment_date TEXT,
        delivered_at     INTEGER,
        status_synced_at INTEGER,
        purged_at        INTEGER,
        attachment_count INTEGER NOT NULL,
        attachment_bytes INTEGER NOT NULL,
        payload_enc      BLOB                           -- sealed DossierSubmission JSON; NULL once purged
      );
      CREATE INDEX dossiers_due ON dossiers (state, next_attempt_at);

      CREATE TABLE attachments (
        dossier_id   TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        seq          INTEGER NOT NULL,
        component_id TEXT NOT NULL,
        media_type   TEXT NOT NULL,
        size         INTEGER NOT NULL,                  -- plaintext bytes, as declared to the city
        sha256       TEXT NOT NULL,                     -- of the plaintext, as declared to the city
        storage_ref  TEXT,                              -- the dossier's pack file: sha256 of its bytes; NULL once purged
        storage_offset INTEGER,                         -- where this attachment's sealed bytes sit in the pack
        storage_length INTEGER,
        upload_url   TEXT,                              -- tus location, saved before bytes flow
        uploaded     INTEGER NOT NULL DEFAULT 0 CHECK (uploaded IN (0, 1)),
        PRIMARY KEY (dossier_id, seq)
      );
      CREATE INDEX attachments_ref ON attachments (storage_ref);

      CREATE TABLE local_code_counters (
        kiosk_id TEXT NOT NULL,
        day      TEXT NOT NULL,                         -- YYMMDD in Vietnam time
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (kiosk_id, day)
      );

      -- anonymous statistics, kept after purge
      CREATE TABLE daily_counts (
        day            TEXT NOT NULL,
        procedure_code TEXT NOT NULL,
        channel        TEXT NOT NULL,
        state          TEXT NOT NULL,
        count          INTEGER NOT NULL,
        PRIMARY KEY (day, procedure_code, channel, state)
      );
    `);
  },
};
