import { randomUUID } from 'node:crypto';
import type { DossierCreated, DossierStatus, DossierSubmission } from '../../../common/city/city-contract.js';
import { statusCodes } from '../../../common/city/city-contract.js';
import { appointmentDate, formatOfficialCode, vietnamDayKey } from '../official-code.js';
import { problem, type SimResponse } from '../problem.js';
import type { Sql } from '../../db/sqlite-db.js';
import { statusAt, type StatusStep } from '../status-schedule.js';
import { attachmentsOf, countSubmit, findByLocalCode, findByOfficialCode, getDossier, insertDossier, nextDaySequence, registerDossier, type DossierRow } from '../store.js';
import type { RouteContext } from './context.js';

export const notFound = (what: string): SimResponse => problem(404, 'not-found', 'Not found', `${what} is not known here`);

export const dossierStatus = (d: DossierRow, schedule: readonly StatusStep[], now: number): DossierStatus => {
  if (d.official_code === null || d.registered_at === null) {
    // created but not submitted: no official code yet, nothing has happened to it
    return { dossierId: d.dossier_id, localCode: d.local_code, statusCode: 1, statusText: statusCodes[1], updatedAt: new Date(d.created_at).toISOString(), history: [] };
  }
  const s = statusAt(schedule, d.registered_at, now);
  return {
    dossierId: d.dossier_id,
    dossierCode: d.official_code,
    localCode: d.local_code,
    statusCode: s.statusCode,
    statusText: s.statusText,
    ...(d.appointment_date ? { appointmentDate: d.appointment_date } : {}),
    updatedAt: s.updatedAt,
    history: s.history,
  };
};

export const createDossier = async (tx: Sql, ctx: RouteContext, kioskId: string, submission: DossierSubmission): Promise<SimResponse> => {
  const dossierId = randomUUID();
  await insertDossier(tx, { dossierId, kioskId, submission, at: ctx.now() });
  const body: DossierCreated = {
    dossierId,
    status: 'awaiting_attachments',
    uploadsRequired: [...new Set(submission.attachments.map((a) => a.sha256))],
  };
  return { status: 201, body };
};

export const submitDossier = async (tx: Sql, ctx: RouteContext, kioskId: string, dossierId: string): Promise<SimResponse> => {
  const d = await getDossier(tx, dossierId);
  if (!d || d.kiosk_id !== kioskId) return notFound(`dossier ${dossierId}`);
  const now = ctx.now();
  if (d.official_code === null) {
    const missing = (await attachmentsOf(tx, dossierId)).filter((a) => a.received_sha256 !== a.sha256 || a.received_size !== a.size).map((a) => a.sha256);
    if (missing.length > 0) {
      return problem(422, 'attachments-missing', 'Attachments missing', `${missing.length} declared attachment(s) not received intact`, {
        missing: [...new Set(missing)],
      });
    }
    const seq = await nextDaySequence(tx, vietnamDayKey(now));
    const officialCode = formatOfficialCode(ctx.agency, vietnamDayKey(now), seq);
    await registerDossier(tx, { dossierId, officialCode, at: now, appointmentDate: appointmentDate(now) });
  }
  // a second submit under another key is answered with the status, not a second code
  await countSubmit(tx, dossierId);
  const updated = await getDossier(tx, dossierId);
  if (!updated) throw new Error(`dossier ${dossierId} vanished`);
  return { status: 200, body: dossierStatus(updated, ctx.schedule, now) };
};

export const findDossier = async (ctx: RouteContext, kioskId: string, localCode: string): Promise<SimResponse> => {
  const d = await ctx.db.read((tx) => findByLocalCode(tx, kioskId, localCode));
  return d ? { status: 200, body: dossierStatus(d, ctx.schedule, ctx.now()) } : notFound(`local code ${localCode}`);
};

export const getStatus = async (ctx: RouteContext, code: string): Promise<SimResponse> => {
  const d = await ctx.db.read((tx) => findByOfficialCode(tx, code));
  return d ? { status: 200, body: dossierStatus(d, ctx.schedule, ctx.now()) } : notFound(`dossier code ${code}`);
};
