import { kioskError, type KioskError } from '../../common/errors.js';
import type { OutboxError } from './outbox-errors.js';

/** The outbox's errors as the KioskApi's: the resident-facing ones keep their kind. */
export const toKioskError = (e: OutboxError): KioskError => {
  switch (e.kind) {
    case 'DiskFull':
    case 'OutboxIo':
    case 'InvalidDossier':
      return kioskError(e.kind, e.message, e.issues ? { issues: e.issues } : {});
    case 'NotFound':
      return kioskError('NotAvailable', e.message);
    default:
      // Tampered, KeyUnavailable, InvalidState: a fault of the kiosk, for the technician
      return kioskError('Internal', `${e.kind}: ${e.message}`);
  }
};
