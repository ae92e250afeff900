import type { IdField, IdRule } from '../../../common/cccd/invalid-id-payload.js';
import type { MessageKey, MessageParams } from '../../i18n/index.js';
import { errorMessageKey } from '../../i18n/index.js';
import type { IdProblem } from './submit-model.js';

// Each refusal of a CCCD (read or typed) worded for a resident: what is wrong and what to do.
// A field × rule pair with words of its own uses them; the others use the rule's words with
// the field's name.

const specific: Partial<Record<`${IdField}.${IdRule}`, MessageKey>> = {
  'idNumber.empty': 'submit.idProblem.idNumber.empty',
  'idNumber.digitCount': 'submit.idProblem.idNumber.digitCount',
  'idNumber.notDigits': 'submit.idProblem.idNumber.notDigits',
  'idNumber.centurySexMismatch': 'submit.idProblem.idNumber.centurySexMismatch',
  'idNumber.yearMismatch': 'submit.idProblem.idNumber.yearMismatch',
  'oldIdNumber.digitCount': 'submit.idProblem.oldIdNumber.digitCount',
  'oldIdNumber.notDigits': 'submit.idProblem.oldIdNumber.digitCount',
  'sex.empty': 'submit.idProblem.sex.empty',
  'dateOfBirth.birthInFuture': 'submit.idProblem.dateOfBirth.birthInFuture',
  'issueDate.issueBeforeBirth': 'submit.idProblem.issueDate.issueBeforeBirth',
  'issueDate.issueInFuture': 'submit.idProblem.issueDate.issueInFuture',
  'payload.empty': 'submit.idProblem.payload.unreadable',
  'payload.fieldCount': 'submit.idProblem.payload.fieldCount',
  'payload.tooLong': 'submit.idProblem.payload.unreadable',
  'payload.badCharacters': 'submit.idProblem.payload.unreadable',
};

const byRule: Record<IdRule, MessageKey> = {
  empty: 'submit.idRule.empty',
  fieldCount: 'submit.idProblem.payload.fieldCount',
  tooLong: 'submit.idRule.tooLong',
  badCharacters: 'submit.idRule.badCharacters',
  notDigits: 'submit.idRule.notDigits',
  digitCount: 'submit.idRule.digitCount',
  badDate: 'submit.idRule.badDate',
  birthInFuture: 'submit.idProblem.dateOfBirth.birthInFuture',
  issueBeforeBirth: 'submit.idProblem.issueDate.issueBeforeBirth',
  issueInFuture: 'submit.idProblem.issueDate.issueInFuture',
  sexValue: 'submit.idRule.sexValue',
  centurySexMismatch: 'submit.idProblem.idNumber.centurySexMismatch',
  yearMismatch: 'submit.idProblem.idNumber.yearMismatch',
};

const fieldNames: Record<IdField, MessageKey> = {
  payload: 'submit.idField.payload',
  idNumber: 'submit.idField.idNumber',
  oldIdNumber: 'submit.idField.oldIdNumber',
  fullName: 'submit.idField.fullName',
  dateOfBirth: 'submit.idField.dateOfBirth',
  sex: 'submit.idField.sex',
  address: 'submit.idField.address',
  issueDate: 'submit.idField.issueDate',
  extraFields: 'submit.idField.extraFields',
};

export type Words = [MessageKey, MessageParams?];

/** The words for one refusal; `fieldName` words the field inside a sentence ("số CCCD"). */
export const idProblemWords = (p: IdProblem, fieldName: (key: MessageKey) => string): Words => {
  switch (p.kind) {
    case 'trackingCode':
      return ['submit.identify.trackingCode'];
    case 'error':
      return [errorMessageKey(p.error)];
    case 'rule': {
      const own = specific[`${p.field}.${p.rule}`];
      return own ? [own] : [byRule[p.rule], { field: fieldName(fieldNames[p.field]) }];
    }
  }
};

/** The manual-entry field an error belongs under (card-level problems go to the top). */
export const problemField = (p: IdProblem | null): IdField | null => (p?.kind === 'rule' ? p.field : null);
