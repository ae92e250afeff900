import { kioskError, type KioskError } from '../../common/errors.js';
import type { ParsedArgsOf, ResultOf } from '../../common/kiosk-api/contract.js';
import { err, ok, type Result } from '../../common/result.js';
import type { ScannerAdapter } from '../../hardware/scanner/scanner-adapter.js';
import type { Outbox } from '../outbox/outbox.js';
import { toKioskError } from '../outbox/outbox-kiosk-error.js';
import type { AttachmentInput } from '../outbox/outbox-types.js';
import type { SessionDocuments } from '../sessions/session-documents.js';

export interface SubmitDeps {
  outbox: Outbox;
  documents: SessionDocuments;
  scanner: ScannerAdapter | null;
  siteId: string;
  /** the officer who unlocked assisted mode, if any: the dossier says so */
  assistedBy: () => string | null;
}

/**
 * "Nộp hồ sơ": each scanned component becomes one PDF, then the dossier goes into the outbox
 * in one durable step. It never waits on the network: the forwarder sends it later.
 */
export const submitDossier = async (deps: SubmitDeps, a: ParsedArgsOf<'dossier.submit'>): Promise<Result<ResultOf<'dossier.submit'>, KioskError>> => {
  const attachments: AttachmentInput[] = [];
  for (const componentId of a.components) {
    const pages = deps.documents.pagesOf(a.sessionId, componentId);
    if (pages.length === 0) {
      return err(kioskError('InvalidDossier', `component ${componentId} has no scanned page`, { issues: [{ path: `components.${componentId}`, rule: 'must have at least one scanned page' }] }));
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
  return ok({ localCode: r.value.localCode, submittedAt: r.value.submittedAt, appointmentDate: null, trackingQr: r.value.localCode });
};
