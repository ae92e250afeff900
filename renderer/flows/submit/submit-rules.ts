import type { FormField, Procedure } from '../../../common/catalog/catalog-schema.js';
import { autofillValues, compactPhone, isVietnamesePhone, validateContact, validateFormValues, type FormRule } from '../../../common/catalog/form-validation.js';
import { validateManualIdentity } from '../../../common/cccd/manual-identity.js';
import type { CitizenIdentity } from '../../../common/domain/citizen-identity.js';
import type { MessageKey, MessageParams } from '../../i18n/index.js';
import type { SubmitArgs, SubmitContext } from './submit-machine.js';
import { acceptedPurposes, displayDateToIso, isoToDisplayDate, toManualIdentity, type DeliveryDraft, type IdProblem, type ManualFields } from './submit-model.js';

// The checks each step runs before it lets the resident on, built on the shared validators
// in common/ (the core runs the same ones on what arrives), and the dossier as the KioskApi
// takes it. Pure, like submit-model.ts.

// ---- manual identity ----

/** The first thing wrong with the typed card, as the core would say it; null when it would pass. */
export const manualProblem = (manual: ManualFields, today: string): IdProblem | null => {
  // the validator knows only male/female; "not chosen yet" reaches it as neither
  const fields = { ...toManualIdentity(manual), sex: (manual.sex === '' ? '' : manual.sex) as 'male' | 'female' };
  const r = validateManualIdentity(fields, today);
  if (r.ok) return null;
  const { field, rule } = r.error;
  // an empty date or an unchosen sex is "fill this in", not "this is wrong"
  if (field === 'sex' && manual.sex === '') return { kind: 'rule', field, rule: 'empty' };
  if ((field === 'dateOfBirth' || field === 'issueDate') && rule === 'badDate' && manual[field].trim() === '') return { kind: 'rule', field, rule: 'empty' };
  return { kind: 'rule', field, rule };
};

export const manualValid = (manual: ManualFields, today: string): boolean => manualProblem(manual, today) === null;

// ---- form ----

/** A rule a field breaks; delivery adds "no method chosen". */
export type Problem = FormRule | 'deliveryMethod';

const ruleWords: Record<Problem, MessageKey> = {
  required: 'submit.rule.required',
  pattern: 'submit.rule.pattern',
  maxLength: 'submit.rule.maxLength',
  email: 'submit.rule.email',
  phone: 'submit.rule.phone',
  date: 'submit.rule.date',
  number: 'submit.rule.number',
  option: 'submit.rule.option',
  idNumber: 'submit.rule.idNumber',
  deliveryMethod: 'submit.rule.deliveryMethod',
};

export const problemWords = (p: Problem): [MessageKey, MessageParams?] => [ruleWords[p]];

/** The card's values for the fields that name an identity source; dates as the resident reads them. */
export const initialFormValues = (procedure: Procedure, identity: CitizenIdentity | null): Record<string, string> => {
  if (!identity) return {};
  const filled = autofillValues(procedure.fields, identity);
  const byId = new Map(procedure.fields.map((f) => [f.id, f]));
  return Object.fromEntries(Object.entries(filled).map(([id, value]) => [id, byId.get(id)?.type === 'date' ? isoToDisplayDate(value) : value]));
};

/**
 * Procedure fields the card filled and that still hold the card's value: shown with the card's
 * facts (read-only, "wrong? enter by hand"), not asked again. A field whose source the card
 * lacks (no old ID), or whose card value does not fit the field, stays to be typed.
 */
export const cardFilledFields = (c: Pick<SubmitContext, 'procedure' | 'identity' | 'form' | 'contact'>): ReadonlySet<string> => {
  if (!c.procedure || !c.identity) return new Set();
  const fromCard = initialFormValues(c.procedure, c.identity);
  const problems = formProblems(c);
  return new Set(Object.keys(fromCard).filter((id) => c.form[id] === fromCard[id] && problems[id] === undefined));
};

/** The form as the validators and the KioskApi take it: dates back to ISO. */
const formForCheck = (fields: readonly FormField[], form: Record<string, string>): Record<string, string> =>
  Object.fromEntries(fields.map((f) => [f.id, f.type === 'date' ? displayDateToIso(form[f.id] ?? '') : (form[f.id] ?? '')]));

/** Problems by field id; the contact fields are `contact.phone` and `contact.email`. */
export const formProblems = (c: Pick<SubmitContext, 'procedure' | 'form' | 'contact'>): Record<string, Problem> => {
  const out: Record<string, Problem> = {};
  const contact = validateContact(c.contact);
  if (!contact.ok) for (const i of contact.issues) out[`contact.${i.fieldId}`] = i.rule;
  const fields = c.procedure?.fields ?? [];
  const form = validateFormValues(fields, formForCheck(fields, c.form));
  if (!form.ok) for (const i of form.issues) out[i.fieldId] = i.rule;
  return out;
};

export const formValid = (c: Pick<SubmitContext, 'procedure' | 'form' | 'contact'>): boolean => Object.keys(formProblems(c)).length === 0;

// ---- delivery ----

const maxRecipientChars = 100;
const maxAddressChars = 300;

/** Postal delivery needs who, where and a phone for the postman (Decision 45/2016/QĐ-TTg). */
export const deliveryProblems = (d: DeliveryDraft): Partial<Record<'method' | 'recipientName' | 'address' | 'phone', Problem>> => {
  if (d.method === null) return { method: 'deliveryMethod' };
  if (d.method === 'counter') return {};
  const out: Partial<Record<'recipientName' | 'address' | 'phone', Problem>> = {};
  const name = d.recipientName.trim();
  const address = d.address.trim();
  const phone = compactPhone(d.phone.trim());
  if (name === '') out.recipientName = 'required';
  else if ([...name].length > maxRecipientChars) out.recipientName = 'maxLength';
  if (address === '') out.address = 'required';
  else if ([...address].length > maxAddressChars) out.address = 'maxLength';
  if (phone === '') out.phone = 'required';
  else if (!isVietnamesePhone(phone)) out.phone = 'phone';
  return out;
};

export const deliveryValid = (d: DeliveryDraft): boolean => Object.keys(deliveryProblems(d)).length === 0;

// ---- the dossier ----

const oneSpace = (s: string): string => s.normalize('NFC').trim().replace(/\s+/gu, ' ');

/**
 * `dossier.submit`'s arguments from the draft. Only called once review let the resident on
 * (every step valid); a field still missing then gives a dossier the core refuses, never a crash.
 */
export const buildSubmission = (c: SubmitContext): SubmitArgs => {
  const procedure = c.procedure;
  const identity = c.identity;
  const fields = procedure?.fields ?? [];
  const checked = validateFormValues(fields, formForCheck(fields, c.form));
  const contact = validateContact(c.contact);
  const phone = contact.ok ? contact.values.phone : compactPhone(c.contact.phone.trim());
  const email = contact.ok ? contact.values.email : undefined;
  const d = c.delivery;
  return {
    sessionId: c.input.sessionId,
    procedureCode: procedure?.code ?? '',
    applicant: {
      idNumber: identity?.idNumber ?? '',
      // the city takes the 9-digit CMND only; a 12-digit one (2012–2016) is the CCCD's own number
      ...(identity?.oldIdNumber && /^[0-9]{9}$/.test(identity.oldIdNumber) ? { oldIdNumber: identity.oldIdNumber } : {}),
      fullName: identity?.fullName ?? '',
      dateOfBirth: identity?.dateOfBirth ?? '',
      sex: identity?.sex ?? 'male',
      address: identity?.address ?? '',
      phone,
      ...(email ? { email } : {}),
      identitySource: identity?.source ?? 'manual',
    },
    form: checked.ok ? checked.values : formForCheck(fields, c.form),
    delivery:
      d.method === 'postal'
        ? { method: 'postal', recipientName: oneSpace(d.recipientName), address: oneSpace(d.address), phone: compactPhone(d.phone.trim()) }
        : { method: 'counter' },
    consent: {
      version: c.input.catalog.consent.version,
      purposes: acceptedPurposes(c.input.catalog.consent, d.method, c.consent.purposes),
      givenAt: c.consent.givenAt ?? '',
    },
    components: (procedure?.components ?? []).filter((x) => (c.pages[x.id]?.length ?? 0) > 0).map((x) => x.id),
  };
};
