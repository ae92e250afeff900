// The simulator's own records: what a city one-stop system would keep about kiosk intake.
export const migration0001 = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE dossiers (
  dossier_id       TEXT PRIMARY KEY,
  kiosk_id         TEXT NOT NULL,
  local_code       TEXT NOT NULL,
  procedure_code   TEXT NOT NULL,
  kiosk_submitted_at TEXT NOT NULL,
  submission_json  TEXT NOT NULL,
  created_at       INTEGER NOT NULL,
  official_code    TEXT UNIQUE,
  registered_at    INTEGER,
  appointment_date TEXT,
  submit_count     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX dossiers_by_local_code ON dossiers (kiosk_id, local_code);

CREATE TABLE attachments (
  dossier_id      TEXT NOT NULL REFERENCES dossiers (dossier_id) ON DELETE CASCADE,
  idx             INTEGER NOT NULL,
  component_id    TEXT NOT NULL,
  file_name       TEXT NOT NULL,
  media_type      TEXT NOT NULL,
  size            INTEGER NOT NULL,
  sha256          TEXT NOT NULL,
  received_sha256 TEXT,
  received_size   INTEGER,
  upload_id       TEXT,
  PRIMARY KEY (dossier_id, idx)
);

CREATE TABLE ratings (
  dossier_id  TEXT PRIMARY KEY REFERENCES dossiers (dossier_id) ON DELETE CASCADE,
  level       INTEGER NOT NULL,
  rating_json TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
);

-- the official code's per-day sequence; YYMMDD in Vietnam time
CREATE TABLE day_sequences (
  day  TEXT PRIMARY KEY,
  last INTEGER NOT NULL
);

CREATE TABLE idempotency (
  kiosk_id      TEXT NOT NULL,
  method        TEXT NOT NULL,
  route         TEXT NOT NULL,
  key           TEXT NOT NULL,
  body_sha256   TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('in_flight', 'done')),
  started_at    INTEGER NOT NULL,
  status        INTEGER,
  response_json TEXT,
  expires_at    INTEGER,
  PRIMARY KEY (kiosk_id, method, route, key)
);
`,
};
