import { localDateOf } from '../../common/catalog/working-days.js';
import type { InvalidIdPayload } from '../../common/cccd/invalid-id-payload.js';
import { validateManualIdentity } from '../../common/cccd/manual-identity.js';
import { parseCccdQr } from '../../common/cccd/parse-cccd-qr.js';
import type { CitizenIdentity } from '../../common/domain/citizen-identity.js';
import { kioskError, type KioskError } from '../../common/errors.js';
import type { ManualIdentity } from '../../common/kiosk-api/journey-contract.js';
import { err, type Result } from '../../common/result.js';

/**
 * A refused ID as the KioskApi's error. The parser's own message may quote the values it
 * refused (an ID number, a name): it stays here, and the error names only field and rule.
 */
export const invalidIdError = (e: InvalidIdPayload): KioskError =>
  kioskError('InvalidIdPayload', `the ID was refused: ${e.field} ${e.rule}`, { issues: [{ path: e.field, rule: e.rule }] });

/** Today in Vietnam: the day a card's dates are checked against. */
const vietnamToday = (now: number): string => localDateOf(new Date(now).toISOString());

/** A CCCD QR payload (keyboard-wedge readers type it into the renderer). */
export const identityFromQr = (payload: string, now: number): Result<CitizenIdentity, KioskError> => {
  const r = parseCccdQr(payload, { today: new Date(now), source: 'qr' });
  return r.ok ? r : err(invalidIdError(r.error));
};

/** Typed by the resident when the card cannot be read: the same rules as the card's QR. */
export const identityFromManual = (fields: ManualIdentity, now: number): Result<CitizenIdentity, KioskError> => {
  const r = validateManualIdentity(fields, vietnamToday(now));
  return r.ok ? r : err(invalidIdError(r.error));
};
