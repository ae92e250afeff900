import type { Catalog, Procedure } from '../../common/catalog/catalog-schema.js';
import { appointmentDate, localDateOf, type WorkingCalendar } from '../../common/catalog/working-days.js';
import { kioskError, type FieldIssue, type KioskError } from '../../common/errors.js';
import type { ParsedArgsOf, ResultOf } from '../../common/kiosk-api/contract.js';
import { err, ok, type Result } from '../../common/result.js';
import type { ScannerAdapter } from '../../hardware/scanner/scanner-adapter.js';
import type { Logger } from '../log/logger.js';
import type { Outbox } from '../outbox/outbox.js';
import { toKioskError } from '../outbox/outbox-kiosk-error.js';
import type { AttachmentInput } from '../outbox/outbox-types.js';
import type { SessionDocuments } from '../sessions/session-documents.js';
import { trackingQrOf } from '../journey/tracking-code.js';
import type { ReceiptAppointments } from './receipt-appointments.js';

export interface SubmitDeps {
  outbox: Outbox;
  documents: SessionDocuments;
  scanner: ScannerAdapter | null;
  siteId: string;
  /** the site's catalog: the procedure must be one it offers */
  catalog: { current: Catalog; procedure(code: string): Procedure | undefined };
  appointments: ReceiptAppointments;
  log: Pick<Logger, 'warn'>;
  /** the officer who unlocked assisted mode, if any: the dossier says so */
  assistedBy: () => string | null;
}

export interface Submitted {
  result: ResultOf<'dossier.submit'>;
  procedure: Procedure;
  assisted: boolean;
}

const invalid = (message: string, issues: FieldIssue[]) => err(kioskError('InvalidDossier', message, { issues }));

/** What the catalog says a dossier for `procedure` must be; the renderer checks too, the core decides. */
export const checkAgainstCatalog = (procedure: Procedure, a: ParsedArgsOf<'dossier.submit'>): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  if (!procedure.delivery.includes(a.delivery.method)) {
    issues.push({ path: 'delivery.method', rule: `must be one this procedure allows (${procedure.delivery.join(', ')})` });
  }
  // Decision 45/2016/QĐ-TTg: the post needs where to bring the result and whom to call
  if (a.delivery.method === 'postal') {
    if (!a.delivery.address?.trim()) issues.push({ path: 'delivery.address', rule: 'is required for delivery by post' });
    if (!a.delivery.phone?.trim()) issues.push({ path: 'delivery.phone', rule: 'is required for delivery by post' });
  }
  const known = new Set(procedure.components.map((c) => c.id));
  for (const id of a.components) if (!known.has(id)) issues.push({ path: `components.${id}`, rule: `is not a dossier component of ${procedure.code}` });
  return issues;
};

/**
 * The dossier is kept by the time this runs: a calendar it cannot work with gives "to be
 * confirmed at the counter" rather than an error that would tell the resident it was not kept.
 */
const appointmentOf = (submittedAt: string, procedure: Procedure, calendar: WorkingCalendar, log: Pick<Logger, 'warn'>): string | null => {
  try {
    return appointmentDate(localDateOf(submittedAt), procedure.timeLimit, calendar);
  } catch (e) {
    log.warn('dossier', 'appointment date not computed', { procedureCode: procedure.code, error: e instanceof Error ? e.message : String(e) });
    return null;
  }
};

/**
 * "Nộp hồ sơ": checked against the catalog, each scanned component becomes one PDF, then the
 * dossier goes into the outbox in one durable step. It never waits on the network: the
 * forwarder sends it later. The appointment date counts working days from the submission
 * day in Vietnam, with the catalog's holidays.
 */
export const submitDossier = async (deps: SubmitDeps, a: ParsedArgsOf<'dossier.submit'>): Promise<Result<Submitted, KioskError>> => {
  // one catalog for the whole call, even if a reload swaps it meanwhile
  const { holidays, extraWorkingDays } = deps.catalog.current;
  const procedure = deps.catalog.procedure(a.procedureCode);
  if (!procedure) return invalid(`procedure ${a.procedureCode} is not offered here`, [{ path: 'procedureCode', rule: 'must be a procedure this kiosk offers' }]);
  const issues = checkAgainstCatalog(procedure, a);
  if (issues.length > 0) return invalid(`the dossier does not fit procedure ${procedure.code}`, issues);

  const attachments: AttachmentInput[] = [];
  for (const componentId of a.components) {
    const pages = deps.documents.pagesOf(a.sessionId, componentId);
    if (pages.length === 0) {
      return invalid(`component ${componentId} has no scanned page`, [{ path: `components.${componentId}`, rule: 'must have at least one scanned page' }]);
    }
    if (!deps.scanner) return err(kioskError('NoDevice', 'no scanner to build the PDF with'));
    const pdf = await deps.scanner.toPdf(pages);
    if (!pdf.ok) return pdf;
    attachments.push({ componentId, fileName: `${componentId}.pdf`, mediaType: 'application/pdf', bytes: Buffer.from(pdf.value.bytes) });
  }
  const officer = deps.assistedBy();
  const r = await deps.outbox.enqueue({
    procedureCode: a.procedureCode,
    channel: officer ? 'kiosk-assisted' : 'kiosk',
    ...(officer ? { assistedBy: officer } : {}),
    submission: {
      procedureCode: a.procedureCode,
      siteId: deps.siteId,
      channel: officer ? 'kiosk-assisted' : 'kiosk',
      ...(officer ? { assistedBy: officer } : {}),
      applicant: a.applicant,
      form: a.form,
      delivery: a.delivery,
      consent: a.consent,
    },
    attachments,
  });
  if (!r.ok) return err(toKioskError(r.error));

  const appointment = appointmentOf(r.value.submittedAt, procedure, { holidays, extraWorkingDays }, deps.log);
  // The dossier is already kept: a failure to note its appointment must not turn into "not
  // submitted". Tracking then shows no receipt date; the receipt itself still has it.
  await deps.appointments.record(r.value.localCode, procedure.code, appointment).catch((e: unknown) => {
    deps.log.warn('dossier', 'appointment date not noted for tracking', { localCode: r.value.localCode, error: e instanceof Error ? e.message : String(e) });
  });
  return ok({
    result: { localCode: r.value.localCode, submittedAt: r.value.submittedAt, appointmentDate: appointment, trackingQr: trackingQrOf(r.value.localCode) },
    procedure,
    assisted: officer !== null,
  });
};
