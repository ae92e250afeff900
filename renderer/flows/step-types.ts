import type { DossierComponent, Procedure } from '../../common/catalog/catalog-schema.js';
import type { PublicConfig } from '../../common/config/public-config.js';
import type { DeviceStatus } from '../../common/domain/device-status.js';
import type { PageView } from '../../common/kiosk-api/contract.js';

// Steps of the submit flow that are machines of their own (invoked by submit-machine.ts).
// Fixed interfaces so the submit flow and its steps can be built apart.

/** Scan one dossier component: pages in, pages out. */
export interface ScanStepInput {
  sessionId: string;
  component: DossierComponent;
  /** pages already scanned for this component (coming back from review to edit) */
  pages: PageView[];
  devices: DeviceStatus[];
}
/** `done`: the resident accepted these pages; `back`: go to the previous step (pages kept as they are in the core) */
export type ScanStepOutput = { result: 'done' | 'back'; pages: PageView[] };

/** Print the receipt of a dossier just kept in the outbox; reprint; show code + QR when the printer is down. */
export interface ReceiptStepInput {
  sessionId: string;
  config: PublicConfig;
  procedure: Procedure;
  localCode: string;
  submittedAt: string;
  appointmentDate: string | null;
  trackingQr: string;
}
/** `rate`: the resident goes on to rate; `end`: the resident is done */
export type ReceiptStepOutput = { next: 'rate' | 'end' };

/** Rate a dossier by code (after submit, or in the rate flow). */
export interface RatingStepInput {
  sessionId: string;
  code: string;
}
export type RatingStepOutput = { rated: boolean };
