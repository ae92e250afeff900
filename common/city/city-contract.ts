import { z } from 'zod';

// The city intake contract (../shared/city-api/openapi.yaml) as runtime schemas, shared by the
// city client (validating what the city answers) and the city simulator (validating what a
// kiosk sends). Paths are relative to the configured server URL, `/v1` included.

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex sha256');
export const MediaType = z.enum(['application/pdf', 'image/jpeg', 'image/png']);
export const MAX_ATTACHMENT_BYTES = 52_428_800;

export const Applicant = z.object({
  idNumber: z.string().regex(/^[0-9]{12}$/),
  oldIdNumber: z.string().regex(/^[0-9]{9}$/).optional(),
  fullName: z.string().min(1),
  dateOfBirth: z.iso.date(),
  sex: z.enum(['male', 'female']),
  address: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  identitySource: z.enum(['chip', 'qr', 'manual']).optional(),
});
export type Applicant = z.infer<typeof Applicant>;

export const AttachmentDecl = z.object({
  componentId: z.string().min(1),
  fileName: z.string().min(1),
  mediaType: MediaType,
  size: z.number().int().min(0).max(MAX_ATTACHMENT_BYTES),
  sha256: Sha256,
});
export type AttachmentDecl = z.infer<typeof AttachmentDecl>;

export const DossierSubmission = z.object({
  localCode: z.string().min(1),
  procedureCode: z.string().min(1),
  siteId: z.string().min(1),
  submittedAt: z.iso.datetime({ offset: true }),
  channel: z.enum(['kiosk', 'kiosk-assisted']),
  assistedBy: z.string().optional(),
  applicant: Applicant,
  form: z.record(z.string(), z.unknown()),
  delivery: z.object({
    method: z.enum(['counter', 'postal']),
    address: z.string().optional(),
    recipientName: z.string().optional(),
    phone: z.string().optional(),
  }),
  consent: z.object({ version: z.string().min(1), purposes: z.array(z.string()), givenAt: z.iso.datetime({ offset: true }) }),
  attachments: z.array(AttachmentDecl),
});
export type DossierSubmission = z.infer<typeof DossierSubmission>;

export const DossierCreated = z.object({
  dossierId: z.string().min(1),
  status: z.enum(['awaiting_attachments', 'submitted']),
  uploadsRequired: z.array(Sha256).optional(),
});
export type DossierCreated = z.infer<typeof DossierCreated>;

/** TrangThaiHoSo, the national portal's dossier status codes. */
export const statusCodes = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
} as const;
export type StatusCode = keyof typeof statusCodes;

export const DossierStatus = z.object({
  dossierId: z.string(),
  dossierCode: z.string().optional(),
  localCode: z.string(),
  statusCode: z.number().int().min(1).max(10),
  statusText: z.string(),
  appointmentDate: z.iso.date().optional(),
  updatedAt: z.iso.datetime({ offset: true }),
  history: z.array(z.object({ statusCode: z.number().int(), at: z.string(), note: z.string().optional() })).optional(),
});
export type DossierStatus = z.infer<typeof DossierStatus>;

export const Rating = z.object({
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  criteria: z.record(z.string(), z.union([z.literal(1), z.literal(2), z.literal(3)])).optional(),
  comment: z.string().max(1000).optional(),
  ratedAt: z.iso.datetime({ offset: true }),
});
export type Rating = z.infer<typeof Rating>;

export const ProcedureSummary = z.object({ code: z.string(), name: z.string(), version: z.string(), acceptsKiosk: z.boolean().optional() });
export const ProcedureList = z.object({ asOf: z.iso.datetime({ offset: true }), procedures: z.array(ProcedureSummary) });
export type ProcedureList = z.infer<typeof ProcedureList>;

/** RFC 9457 problem document, with the contract's extensions. */
export const Problem = z.object({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().int().optional(),
  detail: z.string().optional(),
  errors: z.array(z.object({ pointer: z.string().optional(), message: z.string().optional() })).optional(),
  missing: z.array(z.string()).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** `AGENCY-YYMMDD-NNNN`, e.g. `000.00.01.H26-261123-0042`. */
export const officialCodePattern = /^[0-9A-Z.]+-[0-9]{6}-[0-9]{4}$/;
