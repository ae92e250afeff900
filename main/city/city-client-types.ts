import type { DossierCreated, DossierStatus, DossierSubmission, Problem, ProcedureList, Rating } from '../../common/city/city-contract.js';
import type { Result } from '../../common/result.js';

/**
 * What went wrong talking to the city, typed so the forwarder can decide: retry later
 * (network, 5xx, 429, 409 in flight), fix and retry (422 `missing` → re-upload those), or
 * give up on this dossier (other 4xx: it will never be accepted as it is).
 */
export type CityError =
  | { kind: 'CityUnreachable'; retryable: true; message: string }
  | { kind: 'CityTimeout'; retryable: true; message: string }
  | { kind: 'CityBusy'; retryable: true; status: 429 | 503 | 409 | 500 | 502 | 504; retryAfterMs?: number; message: string }
  | { kind: 'CityMissingUploads'; retryable: true; missing: string[]; message: string }
  | { kind: 'CityRejected'; retryable: false; status: number; problem?: Problem; message: string }
  | { kind: 'CityNotFound'; retryable: false; message: string }
  | { kind: 'CityAuthFailed'; retryable: false; status?: number; message: string }
  | { kind: 'CityProtocol'; retryable: true; message: string }
  // the caller's AbortSignal fired (shutdown, session end): not a failure of the city's
  | { kind: 'CityAborted'; retryable: true; message: string };

export interface UploadSource {
  sha256: string;
  size: number;
  fileName: string;
  mediaType: string;
  componentId: string;
  /** the attachment's plaintext bytes, produced on demand (decrypted from the outbox) */
  read(): Promise<Buffer>;
}

export interface UploadProgress {
  sha256: string;
  /** bytes the server holds or is receiving (resumed offset included) */
  bytesSent: number;
  bytesTotal: number;
  /** body bytes this call has put on the wire so far (set by the real client; shows resume efficiency) */
  wireBytes?: number;
}

/** Every operation of the city contract; every mutating call carries its Idempotency-Key. */
export interface CityClient {
  createDossier(idempotencyKey: string, body: DossierSubmission): Promise<Result<DossierCreated, CityError>>;
  /** tus 1.0: resumes from the server's Upload-Offset; `uploadUrl` is what an earlier try got */
  uploadAttachment(
    dossierId: string,
    file: UploadSource,
    opts?: { uploadUrl?: string; onUploadUrl?: (url: string) => void; onProgress?: (p: UploadProgress) => void; signal?: AbortSignal },
  ): Promise<Result<{ uploadUrl: string; bytesSent: number }, CityError>>;
  submitDossier(idempotencyKey: string, dossierId: string): Promise<Result<DossierStatus, CityError>>;
  getStatus(dossierCode: string): Promise<Result<DossierStatus, CityError>>;
  findByLocalCode(localCode: string): Promise<Result<DossierStatus, CityError>>;
  rateDossier(idempotencyKey: string, dossierCode: string, rating: Rating): Promise<Result<{ replay: boolean }, CityError>>;
  listProcedures(since?: string): Promise<Result<ProcedureList, CityError>>;
}
