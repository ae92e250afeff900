import type { DossierStatus } from '../../common/city/city-contract.js';
import type { Db } from '../db/sqlite-db.js';

export interface CachedStatus {
  localCode: string | null;
  officialCode: string | null;
  statusCode: number;
  statusText: string;
  appointmentDate: string | null;
  updatedAt: string;
  /** when the kiosk heard it (epoch ms) */
  checkedAt: number;
}

interface Row {
  local_code: string | null;
  official_code: string | null;
  status_code: number;
  status_text: string;
  appointment_date: string | null;
  updated_at: string;
  checked_at: number;
}

/**
 * The last status the city gave for dossiers the outbox cannot keep one for: another
 * kiosk's, or one of ours the forwarder has not marked delivered yet. Tracking falls back on
 * it when the city cannot be reached. (Delivered dossiers keep theirs in the outbox row,
 * where the forwarder's status sync writes too.)
 */
export class CityStatusCache {
  constructor(private readonly db: Db) {}

  async remember(status: DossierStatus, checkedAt: number): Promise<void> {
    await this.db.run(
      `INSERT INTO city_statuses (dossier_id, local_code, official_code, status_code, status_text, appointment_date, updated_at, checked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (dossier_id) DO UPDATE SET local_code = excluded.local_code, official_code = coalesce(excluded.official_code, official_code),
         status_code = excluded.status_code, status_text = excluded.status_text,
         appointment_date = coalesce(excluded.appointment_date, appointment_date), updated_at = excluded.updated_at, checked_at = excluded.checked_at`,
      [status.dossierId, status.localCode, status.dossierCode ?? null, status.statusCode, status.statusText, status.appointmentDate ?? null, status.updatedAt, checkedAt],
    );
  }

  /** by local or official code; the most recently heard when several match */
  async find(code: string): Promise<CachedStatus | undefined> {
    const row = await this.db.get<Row>(
      `SELECT local_code, official_code, status_code, status_text, appointment_date, updated_at, checked_at FROM city_statuses
        WHERE local_code = ? OR official_code = ? ORDER BY checked_at DESC LIMIT 1`,
      [code, code],
    );
    return row
      ? {
          localCode: row.local_code,
          officialCode: row.official_code,
          statusCode: row.status_code,
          statusText: row.status_text,
          appointmentDate: row.appointment_date,
          updatedAt: row.updated_at,
          checkedAt: row.checked_at,
        }
      : undefined;
  }
}
