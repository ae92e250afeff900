import type { Db } from '../db/sqlite-db.js';

/**
 * The appointment date each receipt gave, by local code. Kept apart from the outbox row
 * because the outbox's `appointment_date` is the city's (it is overwritten on delivery),
 * while tracking shows both: what the kiosk promised and what the city now says.
 */
export class ReceiptAppointments {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  async record(localCode: string, procedureCode: string, appointmentDate: string | null): Promise<void> {
    await this.db.run(
      `INSERT INTO receipt_appointments (local_code, appointment_date, procedure_code, recorded_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (local_code) DO NOTHING`,
      [localCode, appointmentDate, procedureCode, this.now()],
    );
  }

  /** undefined: never recorded (a dossier from before receipts had dates) */
  async of(localCode: string): Promise<{ appointmentDate: string | null } | undefined> {
    const row = await this.db.get<{ appointment_date: string | null }>(`SELECT appointment_date FROM receipt_appointments WHERE local_code = ?`, [localCode]);
    return row ? { appointmentDate: row.appointment_date } : undefined;
  }
}
