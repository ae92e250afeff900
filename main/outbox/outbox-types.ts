import type { AttachmentDecl, DossierSubmission } from '../../common/city/city-contract.js';

export const dossierStates = ['submitted', 'uploading', 'delivered', 'tracked', 'purged', 'dead'] as const;
export type DossierState = (typeof dossierStates)[number];

export type Channel = DossierSubmission['channel'];

/** What the flow hands over at "Nộp hồ sơ": the outbox adds the local code, the time and the attachment declarations. */
export type SubmissionDraft = Omit<DossierSubmission, 'localCode' | 'attachments' | 'submittedAt'>;

export interface AttachmentInput {
  componentId: string;
  fileName: string;
  mediaType: AttachmentDecl['mediaType'];
  bytes: Buffer;
}

export interface EnqueueInput {
  procedureCode: string;
  channel: Channel;
  assistedBy?: string;
  submission: SubmissionDraft;
  attachments: AttachmentInput[];
}

export interface EnqueueReceipt {
  id: string;
  localCode: string;
  submittedAt: string;
}

export interface AttachmentRecord {
  seq: number;
  componentId: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** null once purged */
  storageRef: string | null;
  uploadUrl: string | null;
  uploaded: boolean;
}

export interface CityStatusRecord {
  code: number;
  text: string;
  at: string;
  appointmentDate: string | null;
}

/** A dossier as diagnostics and the forwarder see it: no PII. */
export interface DossierRecord {
  id: string;
  localCode: string;
  procedureCode: string;
  channel: Channel;
  state: DossierState;
  attempts: number;
  rejections: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
  submittedAt: string;
  cityDossierId: string | null;
  officialCode: string | null;
  cityStatus: CityStatusRecord | null;
  deliveredAt: number | null;
  statusSyncedAt: number | null;
  purgedAt: number | null;
  /** bumped after each 422 `missing`; part of the submit Idempotency-Key */
  submitRound: number;
  attachments: AttachmentRecord[];
}

export interface IntegrityReport {
  /** files under attachments/ no row refers to (e.g. a crash between the file and the commit) */
  orphanFiles: string[];
  /** dossiers whose attachment file is gone */
  missingFiles: { dossierId: string; localCode: string; ref: string }[];
  /** dossiers whose attachment file's bytes no longer hash to its name */
  corruptFiles: { dossierId: string; localCode: string; ref: string }[];
  /** half-written temporaries of an interrupted enqueue; removed */
  removedTemporaries: string[];
  /** dossiers moved to `dead` because a file they still need is broken */
  deadened: string[];
}

export interface OutboxEvent {
  id: number;
  dossierId: string | null;
  at: number;
  kind: string;
  detail: string | null;
}

export interface DailyCount {
  day: string;
  procedureCode: string;
  channel: string;
  state: string;
  count: number;
}
