import type { DeviceId } from '../../common/domain/device-status.js';
import type { IdentitySourceKind } from '../../common/domain/citizen-identity.js';
import type { SessionEndReason } from '../../common/kiosk-api/contract.js';
import type { JourneyStep, RatingLevel } from '../../common/kiosk-api/journey-contract.js';

// What happened in a resident's journey, without a word of PII: the statistics (issue #6)
// and the audit read these; the journey handlers and the session manager write them.
export type JourneyEvent =
  | { type: 'session.started'; sessionId: string; at: number }
  | { type: 'session.step'; sessionId: string; step: JourneyStep; at: number }
  | { type: 'session.ended'; sessionId: string; reason: SessionEndReason; at: number }
  | { type: 'identity.captured'; sessionId: string; source: IdentitySourceKind; at: number }
  | { type: 'dossier.submitted'; sessionId: string; procedureCode: string; assisted: boolean; at: number }
  | { type: 'rating.given'; level: RatingLevel; at: number }
  | { type: 'device.error'; device: DeviceId; kind: string; at: number };

export type JourneyListener = (event: JourneyEvent) => void;

/** A fan-out of journey events; a listener that throws never breaks the journey. */
export class JourneyJournal {
  readonly #listeners = new Set<JourneyListener>();

  on(listener: JourneyListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: JourneyEvent): void {
    for (const l of this.#listeners) {
      try {
        l(event);
      } catch {
        // statistics are best effort; a resident's dossier never depends on them
      }
    }
  }
}
