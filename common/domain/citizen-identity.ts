import { z } from 'zod';

// One shape for a resident's identity whichever way it was captured, so the identity step
// does not change when the chip path arrives.
export const identitySourceKinds = ['qr', 'manual', 'chip'] as const;
export const IdentitySourceKind = z.enum(identitySourceKinds);
export type IdentitySourceKind = z.infer<typeof IdentitySourceKind>;

/** Accepted but worth a technician's look; never a reason to refuse the resident. */
export const IdentityWarning = z.enum(['unknownProvinceCode']);
export type IdentityWarning = z.infer<typeof IdentityWarning>;

export const CitizenIdentity = z.strictObject({
  /** 12 digits: province (3), century+sex (1), birth year (2), random (6) */
  idNumber: z.string().regex(/^[0-9]{12}$/),
  /** the old CMND number: 9 digits, or 12 for the CMNDs issued 2012–2016 */
  oldIdNumber: z.string().regex(/^(?:[0-9]{9}|[0-9]{12})$/).optional(),
  fullName: z.string().min(1),
  /** ISO yyyy-mm-dd */
  dateOfBirth: z.iso.date(),
  sex: z.enum(['male', 'female']),
  address: z.string().min(1),
  /** ISO yyyy-mm-dd */
  issueDate: z.iso.date(),
  /** trailing fields nothing public describes yet (e.g. an expiry date), kept as read */
  extraFields: z.array(z.string()),
  warnings: z.array(IdentityWarning),
  source: IdentitySourceKind,
});
export type CitizenIdentity = z.infer<typeof CitizenIdentity>;
