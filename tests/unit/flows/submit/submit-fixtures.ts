import { assign, setup } from 'xstate';
import type { Catalog, Procedure } from '../../../../common/catalog/catalog-schema.js';
import type { CitizenIdentity } from '../../../../common/domain/citizen-identity.js';
import type { DeviceStatus } from '../../../../common/domain/device-status.js';
import type { PageView } from '../../../../common/kiosk-api/contract.js';
import type { FlowCoreEvent, FlowInput } from '../../../../renderer/flows/flow-types.js';
import type { ReceiptStepInput, ReceiptStepOutput, RatingStepInput, RatingStepOutput, ScanStepInput, ScanStepOutput } from '../../../../renderer/flows/step-types.js';
import { testConfig } from '../../renderer/fake-core.js';

// A small catalog with what the submit flow branches on: two delivery methods, a purpose
// asked only for postal delivery, a required and an optional component, card-filled fields.

export const guardianship: Procedure = {
  code: '1.004837',
  name: { vi: 'Đăng ký giám hộ', en: 'Guardianship registration' },
  category: 'ho-tich',
  agency: 'ubnd-xa',
  components: [
    { id: 'can-cu', name: { vi: 'Giấy tờ làm căn cứ', en: 'Supporting papers' }, required: true, pages: { min: 1, max: 4 } },
    { id: 'uy-quyen', name: { vi: 'Giấy ủy quyền', en: 'Power of attorney' }, required: false, pages: { min: 0, max: 2 } },
  ],
  timeLimit: { kind: 'workingDays', days: 3 },
  fee: { kind: 'exempt' },
  result: { vi: 'Trích lục', en: 'Extract' },
  legalBasis: [{ vi: 'Luật Hộ tịch', en: 'Law on Civil Status' }],
  delivery: ['counter', 'postal'],
  requiredDevices: ['scanner', 'printer'],
  fields: [
    { id: 'fullName', label: { vi: 'Họ và tên', en: 'Full name' }, type: 'text', required: true, maxLength: 100, autofill: 'fullName' },
    { id: 'dateOfBirth', label: { vi: 'Ngày sinh', en: 'Date of birth' }, type: 'date', required: true, autofill: 'dateOfBirth' },
    {
      id: 'kind',
      label: { vi: 'Hình thức giám hộ', en: 'Kind' },
      type: 'select',
      required: true,
      options: [
        { value: 'appointed', label: { vi: 'Giám hộ cử', en: 'Appointed' } },
        { value: 'statutory', label: { vi: 'Giám hộ đương nhiên', en: 'Statutory' } },
      ],
    },
    { id: 'wardFullName', label: { vi: 'Họ tên người được giám hộ', en: 'Ward' }, type: 'text', required: true, maxLength: 100 },
    { id: 'wardDateOfBirth', label: { vi: 'Ngày sinh người được giám hộ', en: 'Ward birth date' }, type: 'date', required: true },
    { id: 'note', label: { vi: 'Ghi chú', en: 'Note' }, type: 'textarea', required: false },
  ],
  help: [],
  notes: [],
};

export const copyOfExtract: Procedure = {
  ...guardianship,
  code: '2.000635',
  name: { vi: 'Cấp bản sao trích lục hộ tịch', en: 'Copy of a civil-status extract' },
  components: [{ id: 'to-khai', name: { vi: 'Tờ khai', en: 'Form' }, required: false, pages: { min: 0, max: 2 } }],
  delivery: ['counter'],
  requiredDevices: ['printer'],
  fields: [],
};

export const submitCatalog: Catalog = {
  schemaVersion: 1,
  version: 'test-submit',
  categories: [{ id: 'ho-tich', name: { vi: 'Hộ tịch', en: 'Civil status' } }],
  agencies: [{ id: 'ubnd-xa', name: { vi: 'UBND xã, phường', en: "Commune people's committee" }, level: 'commune' }],
  procedures: [guardianship, copyOfExtract],
  holidays: [],
  extraWorkingDays: [],
  consent: {
    version: '2026-01-01',
    title: { vi: 'Đồng ý xử lý dữ liệu cá nhân', en: 'Consent' },
    intro: { vi: 'Giới thiệu', en: 'Intro' },
    purposes: [
      { id: 'giai-quyet-ho-so', text: { vi: 'Giải quyết hồ sơ', en: 'Handle the dossier' } },
      { id: 'gui-ket-qua-buu-chinh', deliveryMethod: 'postal', text: { vi: 'Gửi kết quả qua bưu điện', en: 'Post the result' } },
      { id: 'lien-he-ve-ho-so', text: { vi: 'Liên hệ về hồ sơ', en: 'Contact about the dossier' } },
    ],
  },
};

export const identity: CitizenIdentity = {
  idNumber: '001090123456',
  oldIdNumber: '123456789',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1990-01-01',
  sex: 'male',
  address: 'Số 12 phố Hàng Bạc, Phường Hoàn Kiếm, Hà Nội',
  issueDate: '2021-04-15',
  extraFields: [],
  warnings: [],
  source: 'qr',
};

export const qrPayload = '001090123456|123456789|Nguyễn Văn An|01011990|Nam|Số 12 phố Hàng Bạc, Phường Hoàn Kiếm, Hà Nội|15042021';

const at = '2026-01-05T01:00:00.000Z';
export const devicesUp: DeviceStatus[] = [
  { id: 'printer', state: 'online', implementation: 'simulator', media: 'ok', since: at },
  { id: 'scanner', state: 'online', implementation: 'simulator', since: at },
  { id: 'idReader', state: 'online', implementation: 'simulator', since: at },
];
export const scannerDown: DeviceStatus[] = devicesUp.map((d) => (d.id === 'scanner' ? { ...d, state: 'offline' } : d));

export const sessionId = 'session-000000000001';

export const flowInput = (over: Partial<FlowInput> = {}): FlowInput => ({
  sessionId,
  config: testConfig,
  catalog: submitCatalog,
  operator: null,
  devices: devicesUp,
  locale: 'vi',
  procedureCode: null,
  code: null,
  ...over,
});

export const page = (index: number): PageView => ({ index, thumbnail: `data:image/jpeg;base64,${index}`, blank: false, tooDark: false, tooLight: false });

/** What the stub steps saw, so tests can assert on inputs and forwarded events. */
export interface StepLog {
  scanInputs: ScanStepInput[];
  scanEvents: string[];
  receiptInputs: ReceiptStepInput[];
  ratingInputs: RatingStepInput[];
}
export const stepLog = (): StepLog => ({ scanInputs: [], scanEvents: [], receiptInputs: [], ratingInputs: [] });

type ScanTestEvent = { type: 'test.done'; pages: PageView[] } | { type: 'test.back' } | FlowCoreEvent;

/** A scan step that finishes when told to, with the pages the test gives. */
export const stubScan = (log: StepLog) =>
  setup({
    types: { input: {} as ScanStepInput, output: {} as ScanStepOutput, context: {} as { out: ScanStepOutput }, events: {} as ScanTestEvent },
  }).createMachine({
    context: ({ input }) => {
      log.scanInputs.push(input);
      return { out: { result: 'done', pages: input.pages } };
    },
    initial: 'running',
    states: {
      running: {
        on: {
          'test.done': { target: 'finished', actions: assign({ out: ({ event }) => ({ result: 'done' as const, pages: event.pages }) }) },
          'test.back': { target: 'finished', actions: assign({ out: ({ context }) => ({ result: 'back' as const, pages: context.out.pages }) }) },
          'core.scanPage': { actions: ({ event }) => log.scanEvents.push(event.type) },
          'core.deviceStatus': { actions: ({ event }) => log.scanEvents.push(event.type) },
        },
      },
      finished: { type: 'final' },
    },
    output: ({ context }) => context.out,
  });

export const stubReceipt = (log: StepLog) =>
  setup({
    types: { input: {} as ReceiptStepInput, output: {} as ReceiptStepOutput, context: {} as { next: 'rate' | 'end' }, events: {} as { type: 'test.rate' } | { type: 'test.end' } },
  }).createMachine({
    context: ({ input }) => {
      log.receiptInputs.push(input);
      return { next: 'end' };
    },
    initial: 'running',
    states: {
      running: {
        on: {
          'test.rate': { target: 'finished', actions: assign({ next: 'rate' as const }) },
          'test.end': 'finished',
        },
      },
      finished: { type: 'final' },
    },
    output: ({ context }) => ({ next: context.next }),
  });

export const stubRating = (log: StepLog) =>
  setup({ types: { input: {} as RatingStepInput, output: {} as RatingStepOutput, events: {} as { type: 'test.rated' } } }).createMachine({
    context: ({ input }) => {
      log.ratingInputs.push(input);
      return {};
    },
    initial: 'running',
    states: { running: { on: { 'test.rated': 'finished' } }, finished: { type: 'final' } },
    output: () => ({ rated: true }),
  });
