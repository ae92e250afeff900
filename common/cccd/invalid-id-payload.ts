// The typed refusal of a CCCD payload. `rule` is a machine code the renderer words in
// Vietnamese; `message` is English for technicians and may quote field values, so it is
// never logged as is (see mask.ts).
export const idFields = [
  'payload',
  'idNumber',
  'oldIdNumber',
  'fullName',
  'dateOfBirth',
  'sex',
  'address',
  'issueDate',
  'extraFields',
] as const;
export type IdField = (typeof idFields)[number];

export const idRules = [
  /** nothing but whitespace */
  'empty',
  /** fewer than six `|`-separated fields */
  'fieldCount',
  'tooLong',
  /** control characters or broken UTF-16 inside a field */
  'badCharacters',
  'notDigits',
  /** a number with the wrong count of digits */
  'digitCount',
  /** not `ddmmyyyy`, or not a real calendar date */
  'badDate',
  'birthInFuture',
  'issueBeforeBirth',
  'issueInFuture',
  /** `Nam` / `Nữ` expected */
  'sexValue',
  /** ID digit 4 disagrees with the birth century or the sex */
  'centurySexMismatch',
  /** ID digits 5–6 disagree with the birth year */
  'yearMismatch',
] as const;
export type IdRule = (typeof idRules)[number];

export interface InvalidIdPayload {
  kind: 'InvalidIdPayload';
  field: IdField;
  rule: IdRule;
  message: string;
}

export const invalidIdPayload = (field: IdField, rule: IdRule, message: string): InvalidIdPayload => ({
  kind: 'InvalidIdPayload',
  field,
  rule,
  message,
});
