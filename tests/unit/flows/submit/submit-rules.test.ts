import { describe, expect, it } from 'vitest';
import { idFields, idRules } from '../../../../common/cccd/invalid-id-payload.js';
import { errorKinds } from '../../../../common/errors.js';
import { t } from '../../../../renderer/i18n/index.js';
import { idProblemWords } from '../../../../renderer/flows/submit/id-problem-words.js';
import { initialSubmitContext } from '../../../../renderer/flows/submit/submit-machine.js';
import { devicesDown, displayDateToIso, emptyManual, idProblemFromError, isoToDisplayDate, type ManualFields } from '../../../../renderer/flows/submit/submit-model.js';
import { buildSubmission, cardFilledFields, deliveryProblems, formProblems, manualProblem } from '../../../../renderer/flows/submit/submit-rules.js';
import { kioskError } from '../../../../common/errors.js';
import { devicesUp, flowInput, guardianship, identity, scannerDown } from './submit-fixtures.js';

const today = '2026-01-05';
const good: ManualFields = {
  idNumber: '001090123456',
  oldIdNumber: '',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '01/01/1990',
  sex: 'male',
  address: 'Số 12 phố Hàng Bạc, Hà Nội',
  issueDate: '15/04/2021',
};

describe('manual identity: every invalid case names its field and rule', () => {
  const cases: [string, Partial<ManualFields>, string][] = [
    ['nothing typed', emptyManual(), 'idNumber.empty'],
    ['letters in the number', { idNumber: '00109012345a' }, 'idNumber.notDigits'],
    ['11 digits', { idNumber: '00109012345' }, 'idNumber.digitCount'],
    ['old ID of 8 digits', { oldIdNumber: '12345678' }, 'oldIdNumber.digitCount'],
    ['no name', { fullName: '   ' }, 'fullName.empty'],
    ['a name of 101 letters', { fullName: 'A'.repeat(101) }, 'fullName.tooLong'],
    ['a control character in the name', { fullName: 'Nguyễn\u0007An' }, 'fullName.badCharacters'],
    ['no birth date', { dateOfBirth: '' }, 'dateOfBirth.empty'],
    ['half a birth date', { dateOfBirth: '01/01' }, 'dateOfBirth.badDate'],
    ['30 February', { dateOfBirth: '30/02/1990' }, 'dateOfBirth.badDate'],
    ['sex not chosen', { sex: '' }, 'sex.empty'],
    ['no address', { address: '' }, 'address.empty'],
    ['no issue date', { issueDate: '' }, 'issueDate.empty'],
    ['born tomorrow', { idNumber: '001226123456', dateOfBirth: '06/01/2026', issueDate: '06/01/2026' }, 'dateOfBirth.birthInFuture'],
    ['issued before birth', { issueDate: '31/12/1989' }, 'issueDate.issueBeforeBirth'],
    ['issued tomorrow', { issueDate: '06/01/2026' }, 'issueDate.issueInFuture'],
    ['digit 4 says female', { sex: 'female' }, 'idNumber.centurySexMismatch'],
    ['digits 5–6 say 1991', { idNumber: '001091123456' }, 'idNumber.yearMismatch'],
  ];
  for (const [name, change, expected] of cases) {
    it(name, () => {
      const p = manualProblem({ ...good, ...change }, today);
      expect(p?.kind === 'rule' ? `${p.field}.${p.rule}` : p).toBe(expected);
    });
  }

  it('passes a valid card, with or without an old ID', () => {
    expect(manualProblem(good, today)).toBeNull();
    expect(manualProblem({ ...good, oldIdNumber: '123456789' }, today)).toBeNull();
  });
});

describe('identity refusals are worded for a resident', () => {
  it('words every field × rule in both languages, with every placeholder filled', () => {
    for (const field of idFields) {
      for (const rule of idRules) {
        const words = idProblemWords({ kind: 'rule', field, rule }, (key) => t('vi', key));
        for (const locale of ['vi', 'en'] as const) {
          const text = t(locale, ...words);
          expect(text, `${field}.${rule}`).not.toMatch(/[{}]/);
          expect(text.length).toBeGreaterThan(10);
        }
      }
    }
  });

  it('words the specific cases with their own sentence', () => {
    const words = (field: (typeof idFields)[number], rule: (typeof idRules)[number]) => t('vi', ...idProblemWords({ kind: 'rule', field, rule }, (k) => t('vi', k)));
    expect(words('idNumber', 'digitCount')).toContain('12 chữ số');
    expect(words('issueDate', 'issueInFuture')).toContain('Ngày cấp');
    expect(words('fullName', 'empty')).toBe('Vui lòng nhập họ và tên.');
  });

  it('words a tracking QR and any other error kind', () => {
    expect(t('vi', ...idProblemWords({ kind: 'trackingCode' }, (k) => t('vi', k)))).toContain('Tra cứu hồ sơ');
    for (const error of errorKinds) expect(idProblemWords({ kind: 'error', error }, (k) => k)[0]).toBe(`error.${error}`);
  });

  it('reads the field and rule a core refusal carries', () => {
    expect(idProblemFromError(kioskError('InvalidIdPayload', 'x', { issues: [{ path: 'sex', rule: 'sexValue' }] }))).toEqual({ kind: 'rule', field: 'sex', rule: 'sexValue' });
    expect(idProblemFromError({ kind: 'InvalidIdPayload', field: 'issueDate', rule: 'badDate', message: 'x' })).toEqual({ kind: 'rule', field: 'issueDate', rule: 'badDate' });
    expect(idProblemFromError(kioskError('InvalidIdPayload', 'x'))).toEqual({ kind: 'error', error: 'InvalidIdPayload' });
    expect(idProblemFromError(kioskError('TransportClosed', 'x'))).toEqual({ kind: 'error', error: 'TransportClosed' });
    expect(idProblemFromError(new Error('boom'))).toEqual({ kind: 'error', error: 'Internal' });
  });
});

describe('dates as residents type them', () => {
  it('turns dd/mm/yyyy into ISO and back, and leaves anything else for the validators', () => {
    expect(displayDateToIso('05/09/1990')).toBe('1990-09-05');
    expect(displayDateToIso(' 5/9/1990 ')).toBe('1990-09-05');
    expect(displayDateToIso('31/02/1990')).toBe('31/02/1990');
    expect(displayDateToIso('05/09')).toBe('05/09');
    expect(isoToDisplayDate('1990-09-05')).toBe('05/09/1990');
  });
});

describe('devices', () => {
  it('names the required devices that are not online', () => {
    expect(devicesDown(guardianship, devicesUp)).toEqual([]);
    expect(devicesDown(guardianship, scannerDown)).toEqual(['scanner']);
    expect(devicesDown(guardianship, [])).toEqual(['scanner', 'printer']);
  });
});

describe('form and delivery checks', () => {
  const context = () => ({ ...initialSubmitContext(flowInput()), procedure: guardianship, identity });

  it('names each field a resident must fix, contact fields apart', () => {
    const problems = formProblems({ ...context(), contact: { phone: '', email: 'x@' }, form: { wardDateOfBirth: '30/02/2015' } });
    expect(problems).toEqual({
      'contact.phone': 'required',
      'contact.email': 'email',
      fullName: 'required',
      dateOfBirth: 'required',
      kind: 'required',
      wardFullName: 'required',
      wardDateOfBirth: 'date',
    });
  });

  it('does not ask again what the card filled in, unless it was changed', () => {
    const c = { ...context(), form: { fullName: identity.fullName, dateOfBirth: '01/01/1990' } };
    expect([...cardFilledFields(c)].sort()).toEqual(['dateOfBirth', 'fullName']);
    expect([...cardFilledFields({ ...c, form: { ...c.form, fullName: 'Khác' } })]).toEqual(['dateOfBirth']);
  });

  it('needs who, where and a phone for postal delivery', () => {
    expect(deliveryProblems({ method: null, recipientName: '', address: '', phone: '' })).toEqual({ method: 'deliveryMethod' });
    expect(deliveryProblems({ method: 'counter', recipientName: '', address: '', phone: '' })).toEqual({});
    expect(deliveryProblems({ method: 'postal', recipientName: ' ', address: 'x'.repeat(301), phone: '123' })).toEqual({
      recipientName: 'required',
      address: 'maxLength',
      phone: 'phone',
    });
  });

  it('sends only a 9-digit old ID (the city contract takes no other) and no empty e-mail', () => {
    const c = { ...context(), identity: { ...identity, oldIdNumber: '001090123456' }, contact: { phone: '0912345678', email: '' }, delivery: { method: 'counter' as const, recipientName: '', address: '', phone: '' } };
    const args = buildSubmission(c);
    expect(args.applicant).not.toHaveProperty('oldIdNumber');
    expect(args.applicant).not.toHaveProperty('email');
    expect(args.delivery).toEqual({ method: 'counter' });
    expect(buildSubmission({ ...c, contact: { phone: '0912345678', email: ' an@example.vn ' } }).applicant.email).toBe('an@example.vn');
  });
});
