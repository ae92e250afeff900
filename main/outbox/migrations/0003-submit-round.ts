import type { Migration } from './migration.js';

// After a 422 `missing` the kiosk re-uploads and submits again. A server may keep the first
// answer under an Idempotency-Key, so each new round of submit uses a new key
// (`<id>:submit:<round>`); the round is stored so a restart does not reuse a refused one.
export const m0003SubmitRound: Migration = {
  version: 3,
  name: 'submit-round',
  async up(tx) {
    await tx.exec(`ALTER TABLE dossiers ADD COLUMN submit_round INTEGER NOT NULL DEFAULT 0`);
  },
};
