import { z } from 'zod';
import { LocalizedText } from '../domain/locale.js';

// The procedure catalog (`kiosk-config/catalog/*.json`): data, not code. Agencies are data too:
// since 1 July 2025 local government has two tiers (province / commune) and procedures move
// between them by decision, not by release. A fact the sources did not give is `unconfirmed`
// and shown to residents as "to be confirmed at the counter" — never invented.

const Text = z.strictObject(LocalizedText.shape);
const Id = z.string().regex(/^[a-z0-9-]{2,40}$/, 'must be 2–40 lower-case letters, digits and dashes');
const noDuplicates = (items: readonly string[]): boolean => new Set(items).size === items.length;
const compiles = (pattern: string): boolean => {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
};

/** An official code from the national procedure database, or a local id `LOCAL-…` where none was found. */
export const ProcedureCode = z.string().regex(/^(?:[0-9]\.[0-9]{6}|LOCAL-[A-Z0-9-]{2,30})$/, 'must be a national code such as 1.000894 or a local id such as LOCAL-GPXD-SUA');

export const Unconfirmed = z.strictObject({ kind: z.literal('unconfirmed'), note: Text.optional() });

export const TimeLimit = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('immediately'), note: Text.optional() }),
  z.strictObject({ kind: z.literal('workingDays'), days: z.number().int().min(1).max(90), note: Text.optional() }),
  /** calendar days, where the source says "days" without "working" */
  z.strictObject({ kind: z.literal('days'), days: z.number().int().min(1).max(90), note: Text.optional() }),
  Unconfirmed,
], { error: 'must be one of immediately, workingDays, days, unconfirmed' });
export type TimeLimit = z.infer<typeof TimeLimit>;

export const Fee = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('exempt'), note: Text.optional() }),
  z.strictObject({ kind: z.literal('fixed'), amountVnd: z.number().int().min(0), per: Text.optional(), note: Text.optional() }),
  /** set by the provincial people's council: the amount varies by province */
  z.strictObject({ kind: z.literal('provincial'), note: Text.optional() }),
  Unconfirmed,
], { error: 'must be one of exempt, fixed, provincial, unconfirmed' });
export type Fee = z.infer<typeof Fee>;

export const DossierComponent = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be a component id (letters, digits, . _ -)'),
  name: Text,
  required: z.boolean(),
  /** pages a resident is expected to scan; max bounds one scan batch */
  pages: z.strictObject({ min: z.number().int().min(0).max(50), max: z.number().int().min(1).max(50) }),
  note: Text.optional(),
});
export type DossierComponent = z.infer<typeof DossierComponent>;

/** The identity fields a form field may be filled from (CitizenIdentity). */
export const AutofillSource = z.enum(['idNumber', 'oldIdNumber', 'fullName', 'dateOfBirth', 'sex', 'address', 'issueDate']);
export type AutofillSource = z.infer<typeof AutofillSource>;

export const FormField = z.strictObject({
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, 'must be a camelCase field id'),
  label: Text,
  type: z.enum(['text', 'textarea', 'date', 'phone', 'email', 'number', 'select', 'idNumber']),
  required: z.boolean(),
  maxLength: z.number().int().min(1).max(2000).optional(),
  /** a JavaScript regular expression (unicode mode) the whole value must match */
  pattern: z.string().refine(compiles, 'must be a valid regular expression').optional(),
  options: z.array(z.strictObject({ value: z.string().min(1), label: Text })).optional(),
  autofill: AutofillSource.optional(),
  hint: Text.optional(),
}).refine((f) => f.type !== 'select' || (f.options?.length ?? 0) > 0, { message: 'a select field must list its options', path: ['options'] });
export type FormField = z.infer<typeof FormField>;

export const DeliveryMethod = z.enum(['counter', 'postal']);
export type DeliveryMethod = z.infer<typeof DeliveryMethod>;
export const RequiredDevice = z.enum(['printer', 'scanner', 'idReader']);
export type RequiredDevice = z.infer<typeof RequiredDevice>;

export const HelpItem = z.strictObject({ question: Text, answer: Text });

export const Procedure = z.strictObject({
  code: ProcedureCode,
  name: Text,
  category: Id,
  agency: Id,
  components: z.array(DossierComponent).min(1, 'must list at least one dossier component')
    .refine((c) => noDuplicates(c.map((x) => x.id)), 'must not use the same component id twice'),
  timeLimit: TimeLimit,
  fee: Fee,
  result: Text,
  legalBasis: z.array(Text).min(1, 'must name at least one legal basis'),
  delivery: z.array(DeliveryMethod).min(1, 'must allow at least one delivery method').refine(noDuplicates, 'must not repeat a method'),
  requiredDevices: z.array(RequiredDevice).refine(noDuplicates, 'must not repeat a device'),
  fields: z.array(FormField).refine((f) => noDuplicates(f.map((x) => x.id)), 'must not use the same field id twice'),
  help: z.array(HelpItem),
  /** free notes for residents: who must come in person, where else it can be filed */
  notes: z.array(Text).default([]),
});
export type Procedure = z.infer<typeof Procedure>;

export const Category = z.strictObject({ id: Id, name: Text });
export const Agency = z.strictObject({ id: Id, name: Text, level: z.enum(['province', 'commune']) });

export const ConsentPurpose = z.strictObject({
  id: Id,
  text: Text,
  /** asked only when the resident chose this delivery method (posting the result means nothing otherwise) */
  deliveryMethod: DeliveryMethod.optional(),
});
export const ConsentText = z.strictObject({
  /** stored with every dossier: which wording the resident accepted */
  version: z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:\.[0-9]+)?$/, 'must be a dated version such as 2026-01-01'),
  title: Text,
  /** the controller, the data kinds, the rights: what the law asks the resident be told */
  intro: Text,
  purposes: z.array(ConsentPurpose).min(1).refine((p) => noDuplicates(p.map((x) => x.id)), 'must not repeat a purpose'),
});
export type ConsentText = z.infer<typeof ConsentText>;

export const Catalog = z.strictObject({
  schemaVersion: z.literal(1, { error: 'must be 1' }),
  /** shown in diagnostics and on the guide board */
  version: z.string().min(1),
  categories: z.array(Category).min(1),
  agencies: z.array(Agency).min(1),
  procedures: z.array(Procedure).min(1),
  /** public holidays (ISO dates) that are not working days; weekends are never working days */
  holidays: z.array(z.iso.date()),
  /** weekend days swapped into working days by decision (compensatory Saturdays) */
  extraWorkingDays: z.array(z.iso.date()).default([]),
  consent: ConsentText,
}).superRefine((c, ctx) => {
  const categories = new Set(c.categories.map((x) => x.id));
  const agencies = new Set(c.agencies.map((x) => x.id));
  const codes = new Set<string>();
  c.procedures.forEach((p, i) => {
    if (!categories.has(p.category)) ctx.addIssue({ code: 'custom', path: ['procedures', i, 'category'], message: `must be one of the categories (${[...categories].join(', ')})` });
    if (!agencies.has(p.agency)) ctx.addIssue({ code: 'custom', path: ['procedures', i, 'agency'], message: `must be one of the agencies (${[...agencies].join(', ')})` });
    if (codes.has(p.code)) ctx.addIssue({ code: 'custom', path: ['procedures', i, 'code'], message: 'must not repeat a procedure code' });
    codes.add(p.code);
  });
});
export type Catalog = z.infer<typeof Catalog>;
export type CatalogInput = z.input<typeof Catalog>;
