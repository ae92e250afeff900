import type { DeliveryMethod } from '../../common/catalog/catalog-schema.js';

/** What the receipt of a dossier needs, held while its session lives. No PII. */
export interface SubmittedDossier {
  localCode: string;
  procedureCode: string;
  submittedAt: string;
  appointmentDate: string | null;
  delivery: DeliveryMethod;
  trackingQr: string;
}

/**
 * The dossiers submitted in each live session: a receipt is printed (and reprinted) only for
 * one of those, so a code typed at the kiosk cannot print someone else's receipt. Forgotten
 * when the session ends.
 */
export class SessionReceipts {
  readonly #bySession = new Map<string, Map<string, SubmittedDossier>>();

  remember(sessionId: string, d: SubmittedDossier): void {
    let mine = this.#bySession.get(sessionId);
    if (!mine) this.#bySession.set(sessionId, (mine = new Map()));
    mine.set(d.localCode, d);
  }

  find(sessionId: string, localCode: string): SubmittedDossier | undefined {
    return this.#bySession.get(sessionId)?.get(localCode);
  }

  forget(sessionId: string): void {
    this.#bySession.delete(sessionId);
  }
}
