import type { CitizenIdentity } from '../domain/citizen-identity.js';
import type { ManualIdentity } from '../kiosk-api/journey-contract.js';
import type { Result } from '../result.js';
import { err, ok } from '../result.js';
import type { CalendarDate } from './calendar-date.js';
import { isoToDdMmYyyy, parseDdMmYyyy, toIsoDate } from './calendar-date.js';
import type { IdField, InvalidIdPayload } from './invalid-id-payload.js';
import { invalidIdPayload } from './invalid-id-payload.js';
import {
  checkDateOrder,
  checkDigits,
  checkIdAgainstBirth,
  checkText,
  controlOrBrokenUtf16,
  identityWarnings,
  maxAddressChars,
  maxNameChars,
} from './parse-cccd-qr.js';

// Manual entry is the fallback when the card cannot be read, so it must refuse exactly what
// the QR path refuses, field by field and rule by rule: both use the parser's own checks.
// Only the date spelling differs: the date picker gives ISO yyyy-mm-dd, the card ddmmyyyy.

const isoDateText = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

const checkIsoDate = (field: IdField, value: string): Result<CalendarDate, InvalidIdPayload> => {
  const d = isoDateText.test(value) ? parseDdMmYyyy(isoToDdMmYyyy(value)) : undefined;
  return d === undefined ? err(invalidIdPayload(field, 'badDate', `${field} must be a real date written yyyy-mm-dd`)) : ok(d);
};

/**
 * Validates what a resident typed, with `today` (ISO yyyy-mm-dd, the kiosk's local date) as
 * the latest possible birth and issue date. Values are trimmed and NFC-normalised (an
 * on-screen keyboard or a paste may give decomposed Vietnamese); an unknown province code is
 * a warning, not a refusal.
 */
export function validateManualIdentity(fields: ManualIdentity, today: string): Result<CitizenIdentity, InvalidIdPayload> {
  const f = {
    idNumber: fields.idNumber.normalize('NFC').trim(),
    oldIdNumber: (fields.oldIdNumber ?? '').normalize('NFC').trim(),
    fullName: fields.fullName.normalize('NFC').trim(),
    dateOfBirth: fields.dateOfBirth.normalize('NFC').trim(),
    address: fields.address.normalize('NFC').trim(),
    issueDate: fields.issueDate.normalize('NFC').trim(),
  };
  const named: [IdField, string][] = [
    ['idNumber', f.idNumber],
    ['oldIdNumber', f.oldIdNumber],
    ['fullName', f.fullName],
    ['dateOfBirth', f.dateOfBirth],
    ['address', f.address],
    ['issueDate', f.issueDate],
  ];
  const bad = named.find(([, value]) => controlOrBrokenUtf16.test(value))?.[0];
  if (bad !== undefined) return err(invalidIdPayload(bad, 'badCharacters', `${bad} contains control characters`));

  const idNumber = checkDigits('idNumber', f.idNumber, [12]);
  if (!idNumber.ok) return idNumber;
  const oldIdNumber = f.oldIdNumber === '' ? ok(undefined) : checkDigits('oldIdNumber', f.oldIdNumber, [9, 12]);
  if (!oldIdNumber.ok) return oldIdNumber;
  const fullName = checkText('fullName', f.fullName, maxNameChars);
  if (!fullName.ok) return fullName;
  const dob = checkIsoDate('dateOfBirth', f.dateOfBirth);
  if (!dob.ok) return dob;
  // the contract's schema already limits sex; this guards a caller that skipped it
  if (fields.sex !== 'male' && fields.sex !== 'female') return err(invalidIdPayload('sex', 'sexValue', 'sex must be male or female'));
  const address = checkText('address', f.address, maxAddressChars);
  if (!address.ok) return address;
  const issue = checkIsoDate('issueDate', f.issueDate);
  if (!issue.ok) return issue;

  const dateOfBirth = toIsoDate(dob.value);
  const issueDate = toIsoDate(issue.value);
  const order = checkDateOrder(dateOfBirth, issueDate, today);
  if (!order.ok) return order;
  const consistency = checkIdAgainstBirth(idNumber.value, dob.value, fields.sex);
  if (!consistency.ok) return consistency;

  const identity: CitizenIdentity = {
    idNumber: idNumber.value,
    fullName: fullName.value,
    dateOfBirth,
    sex: fields.sex,
    address: address.value,
    issueDate,
    extraFields: [],
    warnings: identityWarnings(idNumber.value),
    source: 'manual',
  };
  if (oldIdNumber.value !== undefined) identity.oldIdNumber = oldIdNumber.value;
  return ok(identity);
}
