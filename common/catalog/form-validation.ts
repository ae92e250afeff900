import { isoToDdMmYyyy, parseDdMmYyyy } from '../cccd/calendar-date.js';
import type { CitizenIdentity } from '../domain/citizen-identity.js';
import type { FormField } from './catalog-schema.js';

// The procedure form's checks, shared by the renderer (to point at the field as the resident
// types) and the core (which never trusts what crosses the KioskApi). Rules are codes; the
// renderer words them in Vietnamese.

export const formRules = ['required', 'pattern', 'maxLength', 'email', 'phone', 'date', 'number', 'option', 'idNumber'] as const;
export type FormRule = (typeof formRules)[number];
export interface FormIssue {
  fieldId: string;
  rule: FormRule;
}
export type FormCheck<V> = { ok: true; values: V } | { ok: false; issues: FormIssue[] };

// a field without maxLength still has a bound: the value is stored and sent to the city
const defaultMaxLength = (type: FormField['type']): number => (type === 'textarea' ? 2000 : 300);

const emailPattern = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/u;
const numberPattern = /^[0-9]+(?:[.,][0-9]+)?$/;
const idNumberPattern = /^[0-9]{12}$/;

/** Vietnamese numbers: 10 digits starting with 0, or the same without the 0 after +84. */
export const isVietnamesePhone = (phone: string): boolean => /^(?:0[0-9]{9}|\+84[0-9]{9})$/.test(phone);
/** What a resident may type between digit groups: "0912 345 678", "0912.345.678". */
export const compactPhone = (phone: string): string => phone.replace(/[\s.\-()]/gu, '');
export const isEmail = (email: string): boolean => email.length <= 254 && emailPattern.test(email);

export const isIsoDate = (value: string): boolean => /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value) && parseDdMmYyyy(isoToDdMmYyyy(value)) !== undefined;

const wholeMatch = (pattern: string, value: string): boolean => {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    // the catalog schema refuses patterns that do not compile; refuse the value rather than crash
    return false;
  }
};

const clean = (value: string | undefined): string => (value ?? '').normalize('NFC').trim();

function issueOf(field: FormField, value: string): FormRule | null {
  if (value === '') return field.required ? 'required' : null;
  switch (field.type) {
    case 'email':
      if (!isEmail(value)) return 'email';
      break;
    case 'phone':
      if (!isVietnamesePhone(compactPhone(value))) return 'phone';
      break;
    case 'date':
      if (!isIsoDate(value)) return 'date';
      break;
    case 'number':
      if (!numberPattern.test(value)) return 'number';
      break;
    case 'select':
      if (!(field.options ?? []).some((o) => o.value === value)) return 'option';
      break;
    case 'idNumber':
      if (!idNumberPattern.test(value)) return 'idNumber';
      break;
    case 'text':
    case 'textarea':
      break;
  }
  if (Array.from(value).length > (field.maxLength ?? defaultMaxLength(field.type))) return 'maxLength';
  if (field.pattern !== undefined && !wholeMatch(field.pattern, value)) return 'pattern';
  return null;
}

/**
 * Checks every field of a procedure form; one issue per field (the first rule it breaks).
 * The values returned are trimmed and NFC, hold every field of the form (empty optional
 * ones as ''), and nothing else: unknown keys a caller sent are dropped.
 */
export function validateFormValues(fields: readonly FormField[], values: Readonly<Record<string, string>>): FormCheck<Record<string, string>> {
  const out: Record<string, string> = {};
  const issues: FormIssue[] = [];
  for (const field of fields) {
    const raw = Object.hasOwn(values, field.id) ? values[field.id] : undefined;
    const value = field.type === 'phone' ? compactPhone(clean(raw)) : clean(raw);
    const rule = issueOf(field, value);
    if (rule !== null) issues.push({ fieldId: field.id, rule });
    out[field.id] = value;
  }
  return issues.length === 0 ? { ok: true, values: out } : { ok: false, issues };
}

/** The values the card fills in: dates as ISO, sex as the select value 'male' / 'female'. */
export function autofillValues(fields: readonly FormField[], identity: CitizenIdentity): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    if (field.autofill === undefined) continue;
    const value = identity[field.autofill];
    if (value !== undefined && value !== '') out[field.id] = value;
  }
  return out;
}

export interface Contact {
  phone: string;
  email?: string;
}

/** The applicant's phone (required: the office calls or texts about the dossier) and email (optional). */
export function validateContact(contact: { phone?: string; email?: string }): FormCheck<Contact> {
  const phone = compactPhone(clean(contact.phone));
  const email = clean(contact.email);
  const issues: FormIssue[] = [];
  if (phone === '') issues.push({ fieldId: 'phone', rule: 'required' });
  else if (!isVietnamesePhone(phone)) issues.push({ fieldId: 'phone', rule: 'phone' });
  if (email !== '' && !isEmail(email)) issues.push({ fieldId: 'email', rule: 'email' });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, values: email === '' ? { phone } : { phone, email } };
}
