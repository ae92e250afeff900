import { fromPromise } from 'xstate';
import type { Catalog, Procedure } from '../../../../common/catalog/catalog-schema.js';
import type { PublicConfig } from '../../../../common/config/public-config.js';
import type { FlowInput } from '../../../../renderer/flows/flow-types.js';
import type { StepMark } from '../../../../renderer/flows/guide/guide-machine.js';
import { testConfig } from '../../renderer/fake-core.js';
import { testCatalog } from '../../renderer/test-catalog.js';

// A catalog with the shapes the guide has to word: every time-limit and fee kind, optional
// components, a procedure without a national code, a category with nothing enabled in it.

const base = testCatalog.procedures[0] as Procedure;

const procedure = (p: Partial<Procedure> & Pick<Procedure, 'code' | 'name' | 'category'>): Procedure => ({ ...base, help: [], notes: [], ...p });

export const marriage = procedure({
  code: '1.000894',
  name: { vi: 'Đăng ký kết hôn', en: 'Marriage registration' },
  category: 'ho-tich',
  components: [
    { id: 'to-khai', name: { vi: 'Tờ khai đăng ký kết hôn', en: 'Marriage registration form' }, required: true, pages: { min: 1, max: 1 } },
    {
      id: 'xac-nhan-hon-nhan',
      name: { vi: 'Giấy xác nhận tình trạng hôn nhân', en: 'Marital status certificate' },
      required: false,
      pages: { min: 1, max: 2 },
      note: { vi: 'Khi một bên không cư trú tại xã nơi đăng ký', en: 'When a party does not live in the registering commune' },
    },
  ],
  timeLimit: { kind: 'immediately', note: { vi: 'Tối đa 5 ngày làm việc nếu cần xác minh', en: 'Up to 5 working days when verification is needed' } },
  fee: { kind: 'exempt' },
  help: [
    { question: { vi: 'Cả hai người có phải có mặt không?', en: 'Must both of us be present?' }, answer: { vi: 'Có.', en: 'Yes.' } },
    { question: { vi: 'Nhận giấy chứng nhận ở đâu?', en: 'Where do we get the certificate?' }, answer: { vi: 'Tại UBND xã.', en: "At the commune people's committee." } },
  ],
});

export const reRegistration = procedure({
  code: '1.004746',
  name: { vi: 'Đăng ký lại kết hôn', en: 'Marriage re-registration' },
  category: 'ho-tich',
  timeLimit: { kind: 'unconfirmed' },
  fee: { kind: 'provincial' },
});

export const extractCopy = procedure({
  code: '2.000635',
  name: { vi: 'Cấp bản sao trích lục hộ tịch', en: 'Copy of a civil-status extract' },
  category: 'ho-tich',
  timeLimit: { kind: 'immediately' },
  fee: { kind: 'fixed', amountVnd: 8000, per: { vi: 'bản sao', en: 'copy' } },
});

export const buildingPermit = procedure({
  code: '1.013225',
  name: { vi: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', en: 'Construction permit for a detached house' },
  category: 'xay-dung',
  timeLimit: { kind: 'days', days: 15 },
  fee: { kind: 'provincial' },
});

/** no national code was found, and neither its time limit nor its fee */
export const repairPermit = procedure({
  code: 'LOCAL-GPXD-SUA',
  name: { vi: 'Cấp giấy phép sửa chữa, cải tạo nhà ở riêng lẻ', en: 'Repair or renovation permit for a detached house' },
  category: 'xay-dung',
  timeLimit: { kind: 'unconfirmed', note: { vi: 'Thường là 15 ngày', en: 'Usually 15 days' } },
  fee: { kind: 'unconfirmed' },
});

export const guideCatalog: Catalog = {
  ...testCatalog,
  categories: [
    { id: 'ho-tich', name: { vi: 'Hộ tịch', en: 'Civil status' } },
    { id: 'xay-dung', name: { vi: 'Xây dựng', en: 'Construction' } },
    { id: 'van-hoa', name: { vi: 'Văn hóa', en: 'Culture' } },
  ],
  procedures: [marriage, reRegistration, extractCopy, buildingPermit, repairPermit],
};

/** the site enables submitting all but the repair permit */
export const guideConfig: PublicConfig = {
  ...testConfig,
  procedures: [marriage.code, reRegistration.code, extractCopy.code, buildingPermit.code],
};

export const sessionId = 'session-000000000001';

export const flowInput = (over: Partial<FlowInput> = {}): FlowInput => ({
  sessionId,
  config: guideConfig,
  catalog: guideCatalog,
  operator: null,
  devices: [],
  locale: 'vi',
  procedureCode: null,
  code: null,
  ...over,
});

/** a `session.step` actor that records the marks */
export const stepRecorder = () => {
  const steps: StepMark[] = [];
  const actor = fromPromise<void, StepMark>(async ({ input }) => {
    steps.push(input);
  });
  return { steps, actor };
};
