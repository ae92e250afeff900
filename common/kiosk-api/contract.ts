import { z } from 'zod';
import { Applicant, DossierSubmission } from '../city/city-contract.js';
import { PublicConfig } from '../config/public-config.js';
import { DeviceId, DeviceStatus } from '../domain/device-status.js';
import { Locale } from '../domain/locale.js';
import type { KioskMethod } from './methods.js';

// The one contract between renderer and core. Both shells derive their bridge from
// `kioskMethods`; the core validates every argument with these schemas before a handler runs.

import { diagnosticsContract } from './diagnostics-contract.js';
import { journeyContract } from './journey-contract.js';
import { method, NoArgs, QueueState, SessionId } from './contract-parts.js';

export { method, QueueState, SessionId } from './contract-parts.js';

export const Shell = z.enum(['electron', 'browser-host']);
export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  shell: Shell,
  siteId: z.string(),
  kioskId: z.string(),
  startedAt: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const SessionInfo = z.object({ sessionId: SessionId, startedAt: z.string(), idleSeconds: z.number(), warningSeconds: z.number() });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SessionEndReason = z.enum(['completed', 'timeout', 'user', 'cancelled']);
export type SessionEndReason = z.infer<typeof SessionEndReason>;

export const QueueCounts = z.object({
  counts: z.record(QueueState, z.number().int().min(0)),
  oldestPendingAt: z.string().nullable(),
});
export type QueueCounts = z.infer<typeof QueueCounts>;

export const ComponentId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be a dossier component id');
export const PageView = z.object({
  /** 1-based position in the component */
  index: z.number().int().min(1),
  /** a small JPEG as a data: URL */
  thumbnail: z.string(),
  blank: z.boolean(),
  tooDark: z.boolean(),
  tooLight: z.boolean(),
});
export type PageView = z.infer<typeof PageView>;
export const ComponentPages = z.object({
  componentId: z.string(),
  pages: z.array(PageView),
  /** the feeder ran out before maxPages: ask the resident to add the remaining pages */
  feederEmpty: z.boolean(),
});
export type ComponentPages = z.infer<typeof ComponentPages>;

export const Role = z.enum(['technician', 'officer']);
export type Role = z.infer<typeof Role>;

export const kioskContract = {
  'app.info': method(NoArgs, AppInfo),
  'config.public': method(NoArgs, PublicConfig),
  'session.start': method(z.object({ locale: Locale }).strict(), SessionInfo),
  /** a touch or key press: pushes the idle deadline back */
  'session.activity': method(z.object({ sessionId: SessionId }).strict(), z.object({ idleDeadline: z.string() })),
  'session.end': method(z.object({ sessionId: SessionId, reason: SessionEndReason }).strict(), z.object({ wiped: z.boolean() })),
  'devices.status': method(NoArgs, z.array(DeviceStatus)),
  /** technician only: the device's own checks, one line each */
  'devices.selfTest': method(z.object({ device: DeviceId }).strict(), z.object({ device: DeviceId, passed: z.boolean(), lines: z.array(z.string()) })),
  'queue.counts': method(NoArgs, QueueCounts),
  /** scan pages into a dossier component; `replaceIndex` retakes one page */
  'scan.pages': method(
    z.object({
      sessionId: SessionId,
      componentId: ComponentId,
      source: z.enum(['flatbed', 'feeder']),
      maxPages: z.number().int().min(1).max(50).optional(),
      replaceIndex: z.number().int().min(1).optional(),
    }).strict(),
    ComponentPages,
  ),
  'scan.removePage': method(z.object({ sessionId: SessionId, componentId: ComponentId, index: z.number().int().min(1) }).strict(), ComponentPages),
  /** one durable step into the outbox; never waits on the network */
  'dossier.submit': method(
    z.object({
      sessionId: SessionId,
      procedureCode: z.string().regex(/^[0-9A-Za-z.-]{3,40}$/, 'must be a procedure code'),
      applicant: Applicant,
      form: z.record(z.string(), z.unknown()),
      delivery: DossierSubmission.shape.delivery,
      consent: DossierSubmission.shape.consent,
      /** the scanned components to attach, each becoming one PDF */
      components: z.array(ComponentId).max(30),
    }).strict(),
    z.object({
      localCode: z.string(),
      submittedAt: z.string(),
      /** working days from the catalog's time limit; null when the limit is to be confirmed */
      appointmentDate: z.iso.date().nullable(),
      /** what the receipt's QR carries: the tracking code a later `dossier.track` accepts */
      trackingQr: z.string(),
    }),
  ),
  'auth.unlock': method(
    z.object({ role: Role, pin: z.string().regex(/^[0-9]{4,8}$/, 'must be 4 to 8 digits') }).strict(),
    z.object({ role: Role, operatorId: z.string(), expiresAt: z.string() }),
  ),
  'auth.lock': method(NoArgs, z.object({})),
  ...journeyContract,
  ...diagnosticsContract,
} as const satisfies Record<KioskMethod, { args: z.ZodType; result: z.ZodType }>;

export type KioskContract = typeof kioskContract;
export type ArgsOf<M extends KioskMethod> = z.input<KioskContract[M]['args']>;
export type ParsedArgsOf<M extends KioskMethod> = z.output<KioskContract[M]['args']>;
export type ResultOf<M extends KioskMethod> = z.output<KioskContract[M]['result']>;
