import type { CitizenIdentity, IdentitySourceKind, IdentityWarning } from '../domain/citizen-identity.js';
import type { Result } from '../result.js';
import { err, ok } from '../result.js';
import type { CalendarDate } from './calendar-date.js';
import { localIsoDate, parseDdMmYyyy, toIsoDate } from './calendar-date.js';
import type { Sex } from './century-sex.js';
import { centurySexDigit } from './century-sex.js';
import type { IdField, InvalidIdPayload } from './invalid-id-payload.js';
import { invalidIdPayload } from './invalid-id-payload.js';
import { provinceOf } from './provinces.js';

export interface ParseCccdOptions {
  /** the day the card is read; issue and birth dates may not be later (default: now) */
  today?: Date;
  source?: IdentitySourceKind;
}

// A real payload is ~200 characters; the limits bound the work done on hostile input.
const maxPayloadChars = 2048;
export const maxNameChars = 100;
export const maxAddressChars = 300;
export const controlOrBrokenUtf16 = /[\p{Cc}\p{Cs}]/u;

type Fields = {
  idNumber: string;
  oldIdNumber: string;
  fullName: string;
  dateOfBirth: string;
  sex: string;
  address: string;
  issueDate: string;
  extraFields: string[];
};

/**
 * Reads the QR on the front of a CCCD (cccd.md): 7 `|`-separated fields, or 6 without the
 * old ID, or more with unknown trailing fields (kept). Never throws: every input gives a
 * Result, a refusal names the field and the rule.
 */
export const parseCccdQr = (payload: string, opts: ParseCccdOptions = {}): Result<CitizenIdentity, InvalidIdPayload> => {
  if (typeof payload !== 'string') return err(invalidIdPayload('payload', 'empty', 'payload is not text'));
  if (payload.length > maxPayloadChars * 2) return err(invalidIdPayload('payload', 'tooLong', `payload has ${payload.length} characters`));
  // readers may send NFD; trim() also drops a trailing CR/LF and a BOM
  const text = payload.normalize('NFC').trim();
  if (text === '') return err(invalidIdPayload('payload', 'empty', 'payload is empty'));
  if (text.length > maxPayloadChars) return err(invalidIdPayload('payload', 'tooLong', `payload has ${text.length} characters (max ${maxPayloadChars})`));

  const split = splitFields(text.split('|').map((f) => f.trim()));
  if (!split.ok) return split;
  const f = split.value;

  const badChars = firstFieldWithBadCharacters(f);
  if (badChars !== undefined) return err(invalidIdPayload(badChars, 'badCharacters', `${badChars} contains control characters`));

  const idNumber = checkDigits('idNumber', f.idNumber, [12]);
  if (!idNumber.ok) return idNumber;
  const oldIdNumber = f.oldIdNumber === '' ? ok(undefined) : checkDigits('oldIdNumber', f.oldIdNumber, [9, 12]);
  if (!oldIdNumber.ok) return oldIdNumber;
  const fullName = checkText('fullName', f.fullName, maxNameChars);
  if (!fullName.ok) return fullName;
  const dob = checkDate('dateOfBirth', f.dateOfBirth);
  if (!dob.ok) return dob;
  const sex = checkSex(f.sex);
  if (!sex.ok) return sex;
  const address = checkText('address', f.address, maxAddressChars);
  if (!address.ok) return address;
  const issue = checkDate('issueDate', f.issueDate);
  if (!issue.ok) return issue;

  const today = localIsoDate(opts.today !== undefined && !Number.isNaN(opts.today.getTime()) ? opts.today : new Date());
  const dateOfBirth = toIsoDate(dob.value);
  const issueDate = toIsoDate(issue.value);
  const order = checkDateOrder(dateOfBirth, issueDate, today);
  if (!order.ok) return order;

  const consistency = checkIdAgainstBirth(idNumber.value, dob.value, sex.value);
  if (!consistency.ok) return consistency;

  const warnings = identityWarnings(idNumber.value);
  const identity: CitizenIdentity = {
    idNumber: idNumber.value,
    fullName: fullName.value,
    dateOfBirth,
    sex: sex.value,
    address: address.value,
    issueDate,
    extraFields: f.extraFields,
    warnings,
    source: opts.source ?? 'qr',
  };
  if (oldIdNumber.value !== undefined) identity.oldIdNumber = oldIdNumber.value;
  return ok(identity);
};

/** Birth and issue dates (ISO) in order: born, then issued, both not after today. */
export const checkDateOrder = (dateOfBirth: string, issueDate: string, today: string): Result<null, InvalidIdPayload> => {
  if (dateOfBirth > today) return err(invalidIdPayload('dateOfBirth', 'birthInFuture', `date of birth ${dateOfBirth} is after today ${today}`));
  if (issueDate < dateOfBirth) return err(invalidIdPayload('issueDate', 'issueBeforeBirth', `issue date ${issueDate} is before date of birth ${dateOfBirth}`));
  if (issueDate > today) return err(invalidIdPayload('issueDate', 'issueInFuture', `issue date ${issueDate} is after today ${today}`));
  return ok(null);
};

/** Accepted, but worth a technician's look (cccd.md: unknown province codes are not refused). */
export const identityWarnings = (idNumber: string): IdentityWarning[] => (provinceOf(idNumber).known ? [] : ['unknownProvinceCode']);

/**
 * Seven fields is the documented layout; six has no old-ID field. Seven or more whose
 * second field is text and third a date is the six-field layout plus trailing fields.
 */
const splitFields = (parts: string[]): Result<Fields, InvalidIdPayload> => {
  if (parts.length < 6) return err(invalidIdPayload('payload', 'fieldCount', `payload has ${parts.length} fields (6 or more expected)`));
  const p = (i: number): string => parts[i] ?? '';
  const sixFieldLayout = parts.length === 6 || (!/^[0-9]*$/.test(p(1)) && /^[0-9]{8}$/.test(p(2)));
  if (sixFieldLayout) {
    return ok({ idNumber: p(0), oldIdNumber: '', fullName: p(1), dateOfBirth: p(2), sex: p(3), address: p(4), issueDate: p(5), extraFields: parts.slice(6) });
  }
  return ok({ idNumber: p(0), oldIdNumber: p(1), fullName: p(2), dateOfBirth: p(3), sex: p(4), address: p(5), issueDate: p(6), extraFields: parts.slice(7) });
};

const firstFieldWithBadCharacters = (f: Fields): IdField | undefined => {
  const named: [IdField, string][] = [
    ['idNumber', f.idNumber],
    ['oldIdNumber', f.oldIdNumber],
    ['fullName', f.fullName],
    ['dateOfBirth', f.dateOfBirth],
    ['sex', f.sex],
    ['address', f.address],
    ['issueDate', f.issueDate],
    ...f.extraFields.map((x): [IdField, string] => ['extraFields', x]),
  ];
  return named.find(([, value]) => controlOrBrokenUtf16.test(value))?.[0];
};

export const checkDigits = (field: IdField, value: string, lengths: number[]): Result<string, InvalidIdPayload> => {
  if (value === '') return err(invalidIdPayload(field, 'empty', `${field} is empty`));
  if (!/^[0-9]+$/.test(value)) return err(invalidIdPayload(field, 'notDigits', `${field} must be digits only`));
  if (!lengths.includes(value.length)) {
    return err(invalidIdPayload(field, 'digitCount', `${field} has ${value.length} digits (${lengths.join(' or ')} expected)`));
  }
  return ok(value);
};

// a printed name or address may carry doubled or non-breaking spaces: one plain space each
export const checkText = (field: IdField, value: string, max: number): Result<string, InvalidIdPayload> => {
  const text = value.replace(/\s+/gu, ' ');
  if (text === '') return err(invalidIdPayload(field, 'empty', `${field} is empty`));
  if (text.length > max) return err(invalidIdPayload(field, 'tooLong', `${field} has ${text.length} characters (max ${max})`));
  return ok(text);
};

const checkDate = (field: IdField, value: string): Result<CalendarDate, InvalidIdPayload> => {
  const d = parseDdMmYyyy(value);
  return d === undefined ? err(invalidIdPayload(field, 'badDate', `${field} must be a real date written ddmmyyyy`)) : ok(d);
};

const checkSex = (value: string): Result<Sex, InvalidIdPayload> => {
  const v = value.toLowerCase();
  if (v === 'nam') return ok('male');
  if (v === 'nữ') return ok('female');
  return err(invalidIdPayload('sex', 'sexValue', 'sex must be Nam or Nữ'));
};

// the number alone must agree with the birth date and sex on the same card (cccd.md)
export const checkIdAgainstBirth = (idNumber: string, dob: CalendarDate, sex: Sex): Result<null, InvalidIdPayload> => {
  const expected = centurySexDigit(dob.year, sex);
  if (expected !== idNumber[3]) {
    const detail = expected === undefined ? `birth year ${dob.year} has no century code` : `${expected} expected for a ${sex} born in ${dob.year}`;
    return err(invalidIdPayload('idNumber', 'centurySexMismatch', `ID digit 4 is ${idNumber[3]}; ${detail}`));
  }
  const yy = String(dob.year % 100).padStart(2, '0');
  if (idNumber.slice(4, 6) !== yy) {
    return err(invalidIdPayload('idNumber', 'yearMismatch', `ID digits 5–6 are ${idNumber.slice(4, 6)}; ${yy} expected for birth year ${dob.year}`));
  }
  return ok(null);
};
