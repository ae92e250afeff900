import { initials, maskIdNumber } from '../../common/cccd/mask.js';

// PII never reaches a log file in clear: the logger passes every message and field through
// here, so a caller that forgets (or logs an error whose text quotes a payload) is still safe.
// Field names say what a value is; free text is scanned for what looks like an ID number, a
// CCCD QR payload, a phone number or an e-mail address. Names and addresses in free text
// cannot be recognised, which is why callers log codes and kinds, not people.

export const REDACTED = '[redacted]';

/** keys compared lower-case with `_` and `-` removed */
const idKeys = new Set(['idnumber', 'oldidnumber', 'cccd', 'cmnd', 'socccd', 'citizenid', 'personalid']);
const nameKeys = new Set(['fullname', 'name', 'recipientname', 'applicantname', 'hoten', 'holder', 'holdername']);
const hiddenKeys = new Set([
  'address',
  'addressline',
  'residence',
  'placeofresidence',
  'phone',
  'phonenumber',
  'mobile',
  'email',
  'dateofbirth',
  'dob',
  'birthdate',
  'payload',
  'qrpayload',
  'rawpayload',
  'pin',
  'passphrase',
  'password',
  'token',
  'bearertoken',
]);

const normKey = (key: string): string => key.toLowerCase().replace(/[_-]/g, '');

// A CCCD QR payload: 12 digits then `|`-separated fields (name, birth date, address…).
const QR_PAYLOAD = /(?<![0-9A-Za-z])([0-9]{12})\|[^\r\n]*/g;
// 12-digit CCCD or 9-digit CMND on its own; a UUID's last group follows a dash and a hash
// runs into letters, so neither is taken for an ID number
const ID_NUMBER = /(?<![0-9A-Za-z-])(?:[0-9]{12}|[0-9]{9})(?![0-9A-Za-z])/g;
// Vietnamese mobile and landline numbers: 0 or +84, then 9–10 digits, spaces or dots allowed
const PHONE = /(?<![0-9A-Za-z])(?:\+84|0)(?:[ .]?[0-9]){9,10}(?![0-9A-Za-z])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** Masks what looks like PII inside free text (messages, error texts, unknown fields). */
export const redactText = (text: string): string =>
  text
    .replace(QR_PAYLOAD, (_m, id: string) => `${maskIdNumber(id)}|${REDACTED}`)
    .replace(EMAIL, REDACTED)
    .replace(ID_NUMBER, (m) => maskIdNumber(m))
    .replace(PHONE, REDACTED);

const MAX_DEPTH = 8;

/** A value under a field name: the name decides first, then the text scan. */
export const redactValue = (key: string | null, value: unknown, depth = 0): unknown => {
  const k = key === null ? '' : normKey(key);
  if (value === null || value === undefined || typeof value === 'boolean') return value;
  if (k !== '') {
    if (idKeys.has(k)) return typeof value === 'string' || typeof value === 'number' ? maskIdNumber(String(value)) : REDACTED;
    if (nameKeys.has(k)) return typeof value === 'string' ? initials(value) : REDACTED;
    if (hiddenKeys.has(k)) return REDACTED;
  }
  if (typeof value === 'string') return redactText(value);
  // numbers are counts, sizes and times; an ID number is a string (it keeps its leading zero)
  if (typeof value === 'number' || typeof value === 'bigint') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => redactValue(key, v, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [childKey, child] of Object.entries(value)) out[childKey] = redactValue(childKey, child, depth + 1);
    return out;
  }
  return REDACTED;
};

/** The fields of a log line, redacted; the keys themselves are kept. */
export const redactFields = (fields: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) out[key] = redactValue(key, value);
  return out;
};
