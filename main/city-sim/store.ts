import type { DossierSubmission, Rating } from '../../common/city/city-contract.js';
import type { Sql } from '../db/sqlite-db.js';

// The simulator's records, as queries. Every function takes the transaction it runs in.

export interface DossierRow {
  dossier_id: string;
  kiosk_id: string;
  local_code: string;
  procedure_code: string;
  kiosk_submitted_at: string;
  created_at: number;
  official_code: string | null;
  registered_at: number | null;
  appointment_date: string | null;
  submit_count: number;
  submission_json: string;
}

export interface AttachmentRow {
  dossier_id: string;
  idx: number;
  component_id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  received_sha256: string | null;
  received_size: number | null;
  upload_id: string | null;
}

export interface RatingRow {
  dossier_id: string;
  level: number;
  rating_json: string;
  recorded_at: number;
}

const dossierColumns =
  'dossier_id, kiosk_id, local_code, procedure_code, kiosk_submitted_at, created_at, official_code, registered_at, appointment_date, submit_count, submission_json';

export const insertDossier = async (tx: Sql, d: { dossierId: string; kioskId: string; submission: DossierSubmission; at: number }): Promise<void> => {
  const s = d.submission;
  await tx.run(
    'INSERT INTO dossiers (dossier_id, kiosk_id, local_code, procedure_code, kiosk_submitted_at, submission_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [d.dossierId, d.kioskId, s.localCode, s.procedureCode, s.submittedAt, JSON.stringify(s), d.at],
  );
  for (const [idx, a] of s.attachments.entries()) {
    await tx.run('INSERT INTO attachments (dossier_id, idx, component_id, file_name, media_type, size, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      d.dossierId,
      idx,
      a.componentId,
      a.fileName,
      a.mediaType,
      a.size,
      a.sha256,
    ]);
  }
};

export const getDossier = (tx: Sql, dossierId: string): Promise<DossierRow | undefined> =>
  tx.get<DossierRow>(`SELECT ${dossierColumns} FROM dossiers WHERE dossier_id = ?`, [dossierId]);

/** the latest dossier this kiosk created under the local code */
export const findByLocalCode = (tx: Sql, kioskId: string, localCode: string): Promise<DossierRow | undefined> =>
  tx.get<DossierRow>(`SELECT ${dossierColumns} FROM dossiers WHERE kiosk_id = ? AND local_code = ? ORDER BY created_at DESC, rowid DESC LIMIT 1`, [
    kioskId,
    localCode,
  ]);

export const findByOfficialCode = (tx: Sql, code: string): Promise<DossierRow | undefined> =>
  tx.get<DossierRow>(`SELECT ${dossierColumns} FROM dossiers WHERE official_code = ?`, [code]);

export const attachmentsOf = (tx: Sql, dossierId: string): Promise<AttachmentRow[]> =>
  tx.all<AttachmentRow>('SELECT * FROM attachments WHERE dossier_id = ? ORDER BY idx', [dossierId]);

/** every declaration of that sha256 in the dossier: the same file may serve two components */
export const recordReceived = async (tx: Sql, r: { dossierId: string; declaredSha256: string; receivedSha256: string; size: number; uploadId: string }): Promise<void> => {
  await tx.run('UPDATE attachments SET received_sha256 = ?, received_size = ?, upload_id = ? WHERE dossier_id = ? AND sha256 = ?', [
    r.receivedSha256,
    r.size,
    r.uploadId,
    r.dossierId,
    r.declaredSha256,
  ]);
};

export const nextDaySequence = async (tx: Sql, day: string): Promise<number> => {
  await tx.run('INSERT INTO day_sequences (day, last) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET last = last + 1', [day]);
  const row = await tx.get<{ last: number }>('SELECT last FROM day_sequences WHERE day = ?', [day]);
  if (!row) throw new Error(`day sequence ${day} vanished`);
  return row.last;
};

export const registerDossier = async (tx: Sql, r: { dossierId: string; officialCode: string; at: number; appointmentDate: string }): Promise<void> => {
  await tx.run('UPDATE dossiers SET official_code = ?, registered_at = ?, appointment_date = ? WHERE dossier_id = ?', [
    r.officialCode,
    r.at,
    r.appointmentDate,
    r.dossierId,
  ]);
};

export const countSubmit = async (tx: Sql, dossierId: string): Promise<void> => {
  await tx.run('UPDATE dossiers SET submit_count = submit_count + 1 WHERE dossier_id = ?', [dossierId]);
};

export const getRating = (tx: Sql, dossierId: string): Promise<RatingRow | undefined> =>
  tx.get<RatingRow>('SELECT * FROM ratings WHERE dossier_id = ?', [dossierId]);

export const insertRating = async (tx: Sql, dossierId: string, rating: Rating, at: number): Promise<void> => {
  await tx.run('INSERT INTO ratings (dossier_id, level, rating_json, recorded_at) VALUES (?, ?, ?, ?)', [dossierId, rating.level, JSON.stringify(rating), at]);
};

export const allDossiers = (tx: Sql): Promise<DossierRow[]> => tx.all<DossierRow>(`SELECT ${dossierColumns} FROM dossiers ORDER BY created_at, rowid`);
export const allAttachments = (tx: Sql): Promise<AttachmentRow[]> => tx.all<AttachmentRow>('SELECT * FROM attachments ORDER BY dossier_id, idx');
export const allRatings = (tx: Sql): Promise<RatingRow[]> => tx.all<RatingRow>('SELECT * FROM ratings');

export const wipeAll = async (tx: Sql): Promise<void> => {
  await tx.exec('DELETE FROM attachments; DELETE FROM ratings; DELETE FROM dossiers; DELETE FROM idempotency; DELETE FROM day_sequences;');
};
