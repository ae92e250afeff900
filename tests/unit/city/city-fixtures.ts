import type { DossierStatus, DossierSubmission } from '../../../common/city/city-contract.js';

// Contract-valid documents for the city client tests.

export const submission: DossierSubmission = {
  localCode: 'K0007-261123-0031',
  procedureCode: '1.000894',
  siteId: 'toa-nha-a',
  submittedAt: '2026-11-23T09:15:00+07:00',
  channel: 'kiosk',
  applicant: { idNumber: '001099012345', fullName: 'Nguyễn Văn A', dateOfBirth: '1990-05-01', sex: 'male', identitySource: 'qr' },
  form: { reason: 'đăng ký' },
  delivery: { method: 'counter' },
  consent: { version: '2026-01', purposes: ['xu-ly-ho-so'], givenAt: '2026-11-23T09:14:00+07:00' },
  attachments: [{ componentId: 'to-khai', fileName: 'to-khai.pdf', mediaType: 'application/pdf', size: 3, sha256: 'a'.repeat(64) }],
};

export const status: DossierStatus = {
  dossierId: 'd-42',
  dossierCode: '000.00.01.H26-261123-0042',
  localCode: 'K0007-261123-0031',
  statusCode: 2,
  statusText: 'Được tiếp nhận',
  updatedAt: '2026-11-23T09:20:00+07:00',
};
