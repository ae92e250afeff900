import { z } from 'zod';
import { Catalog } from '../catalog/catalog-schema.js';
import { CitizenIdentity } from '../domain/citizen-identity.js';
import { QueueState, SessionId, method } from './contract-parts.js';

// The resident journey's part of the KioskApi (issue #5): catalog, identity, tracking,
// receipts, ratings, and the step marks that feed the anonymous statistics.

const Code = z.string().trim().min(3, 'must be a dossier code').max(60, 'must be a dossier code').regex(/^[0-9A-Za-z.-]+$/, 'must be a dossier code');

/** Every step a resident can be at; statistics count abandonment per step. */
export const journeySteps = [
  'home',
  'guide',
  'help',
  'track',
  'rate',
  'submit.devices',
  'submit.identify',
  'submit.form',
  'submit.scan',
  'submit.delivery',
  'submit.consent',
  'submit.review',
  'submit.receipt',
  'submit.rating',
] as const;
export const JourneyStep = z.enum(journeySteps);
export type JourneyStep = z.infer<typeof JourneyStep>;

/** The fields a resident types when the card cannot be read (dates ISO yyyy-mm-dd). */
export const ManualIdentity = z.strictObject({
  idNumber: z.string().max(20),
  oldIdNumber: z.string().max(20).optional(),
  fullName: z.string().max(200),
  dateOfBirth: z.string().max(20),
  sex: z.enum(['male', 'female']),
  address: z.string().max(500),
  issueDate: z.string().max(20),
});
export type ManualIdentity = z.infer<typeof ManualIdentity>;

/** TrangThaiHoSo as the city last said it. */
export const CityStatus = z.object({
  statusCode: z.number().int().min(1).max(10),
  statusText: z.string(),
  appointmentDate: z.iso.date().nullable(),
  updatedAt: z.string(),
});
export type CityStatus = z.infer<typeof CityStatus>;

export const TrackResult = z.object({
  localCode: z.string().nullable(),
  officialCode: z.string().nullable(),
  procedureCode: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** the kiosk's own state; null when this kiosk never held the dossier */
  localState: QueueState.nullable(),
  /** the appointment the receipt gave (working days from submission) */
  appointmentDate: z.iso.date().nullable(),
  /** the city's status: fresh when `cityReachable`, else the last one known (`city.updatedAt`) */
  city: CityStatus.nullable(),
  cityReachable: z.boolean(),
  /** when the kiosk last heard the city about this dossier */
  lastCheckedAt: z.string().nullable(),
});
export type TrackResult = z.infer<typeof TrackResult>;

export const RatingLevel = z.union([z.literal(1), z.literal(2), z.literal(3)]);
/** 1 Rất hài lòng · 2 Hài lòng · 3 Không hài lòng (the city contract's levels) */
export type RatingLevel = z.infer<typeof RatingLevel>;

export const journeyContract = {
  /** the site's catalog: only the procedures this site enables */
  'catalog.get': method(z.object({}).strict(), Catalog),
  /** a CCCD QR typed by a keyboard-wedge scanner: parsed and validated by the core */
  'identity.fromQr': method(z.object({ sessionId: SessionId, payload: z.string().max(2000) }).strict(), CitizenIdentity),
  /** manual entry with the full validation; InvalidIdPayload names the field and the rule */
  'identity.fromManual': method(z.object({ sessionId: SessionId, fields: ManualIdentity }).strict(), CitizenIdentity),
  /** local code or official code; never waits longer than the city's connect timeout */
  'dossier.track': method(z.object({ sessionId: SessionId, code: Code }).strict(), TrackResult),
  /** print (or reprint) the receipt of a dossier submitted in this session */
  'receipt.print': method(z.object({ sessionId: SessionId, localCode: Code }).strict(), z.object({ printed: z.literal(true) })),
  /** kept durably and forwarded to the city like a dossier */
  'rating.submit': method(
    z.object({ sessionId: SessionId, code: Code, level: RatingLevel, comment: z.string().max(500).optional() }).strict(),
    z.object({ kept: z.literal(true) }),
  ),
  /** the step the resident is on (anonymous statistics: abandonment per step) */
  'session.step': method(z.object({ sessionId: SessionId, step: JourneyStep }).strict(), z.object({})),
} as const;
