// Types only, for the later PC/SC chip path (ICAO 9303 eMRTD: BAC, then DG13 with the
// Vietnamese data). Declared now so the identity step takes an IdentitySource and does not
// change when the chip arrives.
import type { CitizenIdentity } from '../../common/domain/citizen-identity.js';
import type { KioskError } from '../../common/errors.js';
import type { Result } from '../../common/result.js';
import type { CardResult } from './serial-qr-reader.js';

/**
 * Basic Access Control needs the MRZ's document number (the LAST 9 digits of the 12-digit
 * ID), date of birth and expiry date (each with its check digit): Kseed = SHA-1 of those,
 * first 16 bytes → 3DES Kenc/Kmac. The QR gives the ID and birth date but not the expiry,
 * so the chip path starts from the QR plus the printed expiry, or from the MRZ.
 */
export interface BacKeys {
  /** the full 12-digit CCCD number; the reader takes its last 9 digits as the document number */
  idNumber: string;
  /** ISO yyyy-mm-dd */
  dateOfBirth: string;
  /** ISO yyyy-mm-dd, the card's expiry date */
  expiryDate: string;
}

export interface ChipReader {
  /** BAC, then DG13 (and DG1 to cross-check); the identity comes back with source 'chip' */
  readCard(keys: BacKeys): Promise<Result<CitizenIdentity, KioskError>>;
}

/** A source that pushes cards as they are presented (the serial QR reader, a keyboard wedge). */
export interface QrCardSource {
  readonly kind: 'qr';
  onCard(listener: (card: CardResult) => void): () => void;
}

export interface ChipCardSource {
  readonly kind: 'chip';
  reader: ChipReader;
}

/** No device: the resident types the card's fields, checked by the same rules (common/cccd). */
export interface ManualEntrySource {
  readonly kind: 'manual';
}

export type IdentitySource = QrCardSource | ChipCardSource | ManualEntrySource;
