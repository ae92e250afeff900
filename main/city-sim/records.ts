import type { DossierSubmission, Rating } from '../../common/city/city-contract.js';
import type { Counters } from './counters.js';
import type { Db } from '../db/sqlite-db.js';
import { allAttachments, allDossiers, allRatings } from './store.js';

// What the city recorded, for tests to compare with what the kiosk acknowledged.

export interface RecordedAttachment {
  componentId: string;
  sha256: string;
  size: number;
  receivedSha256: string | null;
  receivedSize: number | null;
  /** a finished upload whose bytes hash to the declared sha256 and have the declared length */
  complete: boolean;
}

export interface RecordedDossier {
  dossierId: string;
  localCode: string;
  kioskId: string;
  officialCode: string | null;
  procedureCode: string;
  /** how it was submitted: by the resident alone, or with an officer at a one-stop counter */
  channel: DossierSubmission['channel'];
  /** the officer who assisted (`kiosk-assisted` only) */
  assistedBy: string | null;
  /** the kiosk's `submittedAt` (when the resident submitted) */
  submittedAt: string;
  /** when the create was committed here */
  createdAt: string;
  /** when the submit was committed and the official code assigned */
  registeredAt: string | null;
  appointmentDate: string | null;
  attachments: RecordedAttachment[];
  /** creates committed for this kiosk + localCode (replays excluded): exactly once means 1 */
  createCount: number;
  /** submits committed for this dossier (replays excluded) */
  submitCount: number;
  ratings: Rating[];
}

export interface SimRecords {
  dossiers: RecordedDossier[];
  counters: Counters;
  /** request body bytes received by tus PATCH and POST, over all uploads */
  uploadBytesReceived: number;
}

export const readRecords = async (db: Db, counters: Counters): Promise<SimRecords> => {
  const { dossiers, attachments, ratings } = await db.read(async (tx) => ({
    dossiers: await allDossiers(tx),
    attachments: await allAttachments(tx),
    ratings: await allRatings(tx),
  }));
  const creates = new Map<string, number>();
  for (const d of dossiers) creates.set(`${d.kiosk_id}\n${d.local_code}`, (creates.get(`${d.kiosk_id}\n${d.local_code}`) ?? 0) + 1);
  return {
    dossiers: dossiers.map((d) => {
      // the stored body was validated against the contract when it was accepted
      const body = JSON.parse(d.submission_json) as DossierSubmission;
      return {
      dossierId: d.dossier_id,
      localCode: d.local_code,
      kioskId: d.kiosk_id,
      officialCode: d.official_code,
      procedureCode: d.procedure_code,
      channel: body.channel,
      assistedBy: body.assistedBy ?? null,
      submittedAt: d.kiosk_submitted_at,
      createdAt: new Date(d.created_at).toISOString(),
      registeredAt: d.registered_at === null ? null : new Date(d.registered_at).toISOString(),
      appointmentDate: d.appointment_date,
      attachments: attachments
        .filter((a) => a.dossier_id === d.dossier_id)
        .map((a) => ({
          componentId: a.component_id,
          sha256: a.sha256,
          size: a.size,
          receivedSha256: a.received_sha256,
          receivedSize: a.received_size,
          complete: a.received_sha256 === a.sha256 && a.received_size === a.size,
        })),
      createCount: creates.get(`${d.kiosk_id}\n${d.local_code}`) ?? 0,
      submitCount: d.submit_count,
      ratings: ratings.filter((r) => r.dossier_id === d.dossier_id).map((r) => JSON.parse(r.rating_json) as Rating),
      };
    }),
    counters: structuredClone(counters),
    uploadBytesReceived: counters.tusPatch.bytesReceived + counters.tusCreate.bytesReceived,
  };
};
