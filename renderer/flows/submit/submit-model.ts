import type { ConsentText, DeliveryMethod, Procedure, RequiredDevice } from '../../../common/catalog/catalog-schema.js';
import { isoToDdMmYyyy, parseDdMmYyyy, toIsoDate } from '../../../common/cccd/calendar-date.js';
import { idFields, idRules, type IdField, type IdRule } from '../../../common/cccd/invalid-id-payload.js';
import type { CitizenIdentity } from '../../../common/domain/citizen-identity.js';
import type { DeviceStatus } from '../../../common/domain/device-status.js';
import type { ErrorKind } from '../../../common/errors.js';
import type { ReaderRead } from '../../../common/kiosk-api/events.js';
import type { ManualIdentity } from '../../../common/kiosk-api/journey-contract.js';
import { asKioskError } from '../../machines/kiosk-failure.js';

// The submit flow's draft dossier and the rules on it, apart from the machine so the screens
// and the tests use the very same rules. Pure: no React, no I/O, no clock.

// ---- devices ----

/** The procedure's devices that are not `online` (no status at all counts as down). */
export const devicesDown = (procedure: Procedure, devices: readonly DeviceStatus[]): RequiredDevice[] =>
  procedure.requiredDevices.filter((id) => devices.find((d) => d.id === id)?.state !== 'online');

// ---- dates ----

/** What a resident types and reads: `dd/mm/yyyy`. */
export const isoToDisplayDate = (iso: string): string => {
  const digits = isoToDdMmYyyy(iso);
  return /^[0-9]{8}$/.test(digits) ? `${digits.slice(0, 2)}/${digits.slice(2, 4)}/${digits.slice(4)}` : iso;
};

/**
 * `dd/mm/yyyy` → ISO `yyyy-mm-dd` when it is a real date; anything else is given back trimmed,
 * so the validators see it and refuse it with the right rule (empty, bad date).
 */
export const displayDateToIso = (text: string): string => {
  const t = text.trim();
  const m = /^([0-9]{1,2})\/([0-9]{1,2})\/([0-9]{4})$/.exec(t);
  if (!m) return t;
  const d = parseDdMmYyyy(`${(m[1] ?? '').padStart(2, '0')}${(m[2] ?? '').padStart(2, '0')}${m[3] ?? ''}`);
  return d ? toIsoDate(d) : t;
};

// ---- identity ----

export const manualFieldIds = ['idNumber', 'oldIdNumber', 'fullName', 'dateOfBirth', 'sex', 'address', 'issueDate'] as const;
export type ManualFieldId = (typeof manualFieldIds)[number];

/** The manual-entry form as typed: dates as `dd/mm/yyyy`, sex not chosen yet as ''. */
export interface ManualFields {
  idNumber: string;
  oldIdNumber: string;
  fullName: string;
  dateOfBirth: string;
  sex: '' | 'male' | 'female';
  address: string;
  issueDate: string;
}

export const emptyManual = (): ManualFields => ({ idNumber: '', oldIdNumber: '', fullName: '', dateOfBirth: '', sex: '', address: '', issueDate: '' });

/** "Wrong? Enter by hand": start from what the card said, so only the wrong part is retyped. */
export const manualFromIdentity = (i: CitizenIdentity): ManualFields => ({
  idNumber: i.idNumber,
  oldIdNumber: i.oldIdNumber ?? '',
  fullName: i.fullName,
  dateOfBirth: isoToDisplayDate(i.dateOfBirth),
  sex: i.sex,
  address: i.address,
  issueDate: isoToDisplayDate(i.issueDate),
});

export const withManualField = (fields: ManualFields, field: ManualFieldId, value: string): ManualFields => {
  if (field === 'sex') return { ...fields, sex: value === 'male' || value === 'female' ? value : '' };
  return { ...fields, [field]: value };
};

/** The fields as the KioskApi takes them (ISO dates). Sex must have been chosen. */
export const toManualIdentity = (f: ManualFields): ManualIdentity => {
  const m: ManualIdentity = {
    idNumber: f.idNumber.trim(),
    fullName: f.fullName.trim().replace(/\s+/gu, ' '),
    dateOfBirth: displayDateToIso(f.dateOfBirth),
    sex: f.sex === 'female' ? 'female' : 'male',
    address: f.address.trim().replace(/\s+/gu, ' '),
    issueDate: displayDateToIso(f.issueDate),
  };
  const old = f.oldIdNumber.trim();
  if (old !== '') m.oldIdNumber = old;
  return m;
};

/** Why an identity could not be taken, in terms the screen words for a resident. */
export type IdProblem =
  | { kind: 'rule'; field: IdField; rule: IdRule }
  /** the reader read a receipt's tracking QR, not a card */
  | { kind: 'trackingCode' }
  | { kind: 'error'; error: ErrorKind };

const isIdField = (x: unknown): x is IdField => (idFields as readonly unknown[]).includes(x);
const isIdRule = (x: unknown): x is IdRule => (idRules as readonly unknown[]).includes(x);

export const idProblemOf = (field: unknown, rule: unknown): IdProblem =>
  isIdField(field) && isIdRule(rule) ? { kind: 'rule', field, rule } : { kind: 'error', error: 'InvalidIdPayload' };

/** A refusal from `identity.fromQr` / `identity.fromManual`: the field and rule when the core names them. */
export const idProblemFromError = (e: unknown): IdProblem => {
  const error = asKioskError(e);
  if (error.kind !== 'InvalidIdPayload') return { kind: 'error', error: error.kind };
  const raw = e as { field?: unknown; rule?: unknown };
  if (isIdField(raw.field) && isIdRule(raw.rule)) return { kind: 'rule', field: raw.field, rule: raw.rule };
  const issue = error.issues?.[0];
  return issue ? idProblemOf(issue.path, issue.rule) : { kind: 'error', error: 'InvalidIdPayload' };
};

export const idProblemFromRead = (read: ReaderRead): IdProblem | null => {
  if (read.kind === 'identity') return null;
  if (read.kind === 'trackingCode') return { kind: 'trackingCode' };
  return idProblemOf(read.field, read.rule);
};

// ---- delivery ----

export interface DeliveryDraft {
  method: DeliveryMethod | null;
  recipientName: string;
  address: string;
  phone: string;
}

export const emptyDelivery = (procedure: Procedure | null): DeliveryDraft => ({
  // one allowed method is no choice: it is shown, already chosen
  method: procedure && procedure.delivery.length === 1 ? (procedure.delivery[0] ?? null) : null,
  recipientName: '',
  address: '',
  phone: '',
});

/** Postal delivery starts from the card's name and address and the form's phone; all editable. */
export const prefillDelivery = (d: DeliveryDraft, identity: CitizenIdentity | null, phone: string): DeliveryDraft => ({
  ...d,
  recipientName: d.recipientName || identity?.fullName || '',
  address: d.address || identity?.address || '',
  phone: d.phone || phone,
});

// ---- consent ----

export type ConsentPurpose = ConsentText['purposes'][number];

/** The purposes a resident is asked about: a purpose tied to a delivery method only with that method. */
export const applicablePurposes = (consent: ConsentText, method: DeliveryMethod | null): ConsentPurpose[] =>
  consent.purposes.filter((p) => p.deliveryMethod === undefined || p.deliveryMethod === method);

/**
 * Every purpose shown must be ticked to go on: the catalog lists only what the dossier needs.
 * (Kept as a function so an optional purpose, should the catalog gain one, changes one place.)
 */
export const purposeRequired = (_p: ConsentPurpose): boolean => true;

/** Every required purpose that applies is ticked. */
export const consentComplete = (consent: ConsentText, method: DeliveryMethod | null, ticked: readonly string[]): boolean =>
  applicablePurposes(consent, method).every((p) => !purposeRequired(p) || ticked.includes(p.id));

/** What goes with the dossier: the applicable ticked purposes, in the catalog's order. */
export const acceptedPurposes = (consent: ConsentText, method: DeliveryMethod | null, ticked: readonly string[]): string[] =>
  applicablePurposes(consent, method).filter((p) => ticked.includes(p.id)).map((p) => p.id);
