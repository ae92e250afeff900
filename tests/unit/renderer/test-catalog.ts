import type { Catalog } from '../../../common/catalog/catalog-schema.js';

/** The smallest catalog the root machine's tests need: one procedure, one of each list. */
export const testCatalog: Catalog = {
  schemaVersion: 1,
  version: 'test-1',
  categories: [{ id: 'ho-tich', name: { vi: 'Hộ tịch', en: 'Civil status' } }],
  agencies: [{ id: 'ubnd-xa', name: { vi: 'UBND xã, phường', en: "Commune people's committee" }, level: 'commune' }],
  procedures: [
    {
      code: '1.000894',
      name: { vi: 'Đăng ký kết hôn', en: 'Marriage registration' },
      category: 'ho-tich',
      agency: 'ubnd-xa',
      components: [{ id: 'to-khai', name: { vi: 'Tờ khai', en: 'Declaration' }, required: true, pages: { min: 1, max: 2 } }],
      timeLimit: { kind: 'immediately' },
      fee: { kind: 'exempt' },
      result: { vi: 'Giấy chứng nhận kết hôn', en: 'Marriage certificate' },
      legalBasis: [{ vi: 'Luật Hộ tịch 60/2014/QH13', en: 'Law on Civil Status 60/2014/QH13' }],
      delivery: ['counter', 'postal'],
      requiredDevices: ['scanner', 'printer'],
      fields: [],
      help: [],
      notes: [],
    },
  ],
  holidays: ['2026-01-01'],
  extraWorkingDays: [],
  consent: {
    version: '2026-01-01',
    title: { vi: 'Đồng ý xử lý dữ liệu cá nhân', en: 'Consent to personal data processing' },
    intro: { vi: 'Giới thiệu', en: 'Intro' },
    purposes: [{ id: 'giai-quyet-ho-so', text: { vi: 'Giải quyết hồ sơ', en: 'Process the dossier' } }],
  },
};
