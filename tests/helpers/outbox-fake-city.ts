import { createHash } from 'node:crypto';
import type { DossierCreated, DossierStatus, DossierSubmission, ProcedureList, Rating } from '../../common/city/city-contract.js';
import { err, ok, type Result } from '../../common/result.js';
import type { CityClient, CityError, UploadProgress, UploadSource } from '../../main/city/city-client-types.js';

// A city that behaves like the contract, in memory: createDossier/submitDossier are
// idempotent by key (the first success is replayed, another body under the same key is
// refused), tus uploads resume from the server's offset, submit checks every declared
// attachment's length and sha256. Faults are scripted per operation; a "down" city refuses all.

type Op = 'createDossier' | 'uploadAttachment' | 'submitDossier' | 'getStatus';

interface CityDossier {
  id: string;
  body: DossierSubmission;
  received: Map<string, Buffer>;
  status: DossierStatus | null;
}

interface Upload {
  dossierId: string;
  sha256: string;
  size: number;
  bytes: Buffer;
}

const canonical = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) =>
  x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : x,
);

export class FakeCity implements CityClient {
  /** dossiers the city accepted by submit: the "exactly once" count */
  commits = 0;
  calls: { op: Op; key?: string; dossierId?: string }[] = [];
  /** tus creations and resumptions seen, per upload */
  creations = 0;
  resumes: { url: string; offset: number }[] = [];
  down = false;
  /** how many dossiers are between createDossier and a successful submit right now / at most */
  active = 0;
  maxActive = 0;
  /** cut an upload after this many bytes, once (the connection drops) */
  cutUploadAfter: number | null = null;
  statusCode = 1;
  /** the next upload's bytes arrive damaged (the sha256 check at submit will list it missing) */
  damageNextUpload = false;

  #dossiers = new Map<string, CityDossier>();
  #createKeys = new Map<string, { bodyHash: string; answer: DossierCreated }>();
  #submitKeys = new Map<string, DossierStatus>();
  #uploads = new Map<string, Upload>();
  #faults: { op: Op; error: CityError }[] = [];
  #lostAnswers: Op[] = [];
  #seq = 0;
  #codeSeq = 0;

  /** the next `times` calls of `op` fail with `error` (before touching any state) */
  failNext(op: Op, error: CityError, times = 1): void {
    for (let i = 0; i < times; i++) this.#faults.push({ op, error });
  }

  /** the next call of `op` takes effect in the city, but its answer is lost on the way back */
  loseNextAnswer(op: Op): void {
    this.#lostAnswers.push(op);
  }

  /** forget that an attachment arrived (the city lost it / it was damaged) */
  lose(sha256: string): void {
    for (const d of this.#dossiers.values()) d.received.delete(sha256);
  }

  dossierBodies(): DossierSubmission[] {
    return [...this.#dossiers.values()].map((d) => d.body);
  }

  receivedBytes(sha256: string): Buffer | undefined {
    for (const d of this.#dossiers.values()) {
      const b = d.received.get(sha256);
      if (b) return b;
    }
    return undefined;
  }

  async #gate<T>(op: Op, extra: { key?: string; dossierId?: string }, run: () => Result<T, CityError> | Promise<Result<T, CityError>>): Promise<Result<T, CityError>> {
    this.calls.push({ op, ...extra });
    // a real network answer arrives on a later turn of the event loop
    await new Promise((r) => setImmediate(r));
    if (this.down) return err({ kind: 'CityUnreachable', retryable: true, message: 'connect ECONNREFUSED' });
    const i = this.#faults.findIndex((f) => f.op === op);
    if (i >= 0) {
      const [fault] = this.#faults.splice(i, 1);
      return err(fault!.error);
    }
    const result = await run();
    const lost = this.#lostAnswers.indexOf(op);
    if (lost >= 0) {
      this.#lostAnswers.splice(lost, 1);
      return err({ kind: 'CityTimeout', retryable: true, message: 'no answer within 30 s' });
    }
    return result;
  }

  createDossier(key: string, body: DossierSubmission): Promise<Result<DossierCreated, CityError>> {
    return this.#gate('createDossier', { key }, () => {
      const bodyHash = createHash('sha256').update(canonical(body)).digest('hex');
      const seen = this.#createKeys.get(key);
      if (seen) {
        return seen.bodyHash === bodyHash ? ok(seen.answer) : err({ kind: 'CityRejected', retryable: false, status: 422, message: 'Idempotency-Key reused with another body' });
      }
      const id = `city-${++this.#seq}`;
      this.#dossiers.set(id, { id, body, received: new Map(), status: null });
      const answer: DossierCreated = { dossierId: id, status: 'awaiting_attachments', uploadsRequired: body.attachments.map((a) => a.sha256) };
      this.#createKeys.set(key, { bodyHash, answer });
      this.active++;
      this.maxActive = Math.max(this.maxActive, this.active);
      return ok(answer);
    });
  }

  uploadAttachment(
    dossierId: string,
    file: UploadSource,
    opts: { uploadUrl?: string; onUploadUrl?: (url: string) => void; onProgress?: (p: UploadProgress) => void; signal?: AbortSignal } = {},
  ): Promise<Result<{ uploadUrl: string; bytesSent: number }, CityError>> {
    return this.#gate('uploadAttachment', { dossierId }, async () => {
      const d = this.#dossiers.get(dossierId);
      const decl = d?.body.attachments.find((a) => a.sha256 === file.sha256 && a.size === file.size);
      if (!d || !decl) return err({ kind: 'CityRejected', retryable: false, status: 400, message: 'upload names an unknown dossier or undeclared file' });
      let url = opts.uploadUrl;
      let upload = url ? this.#uploads.get(url) : undefined;
      if (url && upload) {
        this.resumes.push({ url, offset: upload.bytes.length });
      } else {
        url = `/v1/uploads/u${++this.#seq}`;
        upload = { dossierId, sha256: file.sha256, size: file.size, bytes: Buffer.alloc(0) };
        this.#uploads.set(url, upload);
        this.creations++;
        opts.onUploadUrl?.(url);
      }
      const all = await file.read();
      const offset = upload.bytes.length;
      let end = all.length;
      if (this.cutUploadAfter !== null) {
        end = Math.min(end, offset + this.cutUploadAfter);
        this.cutUploadAfter = null;
      }
      upload.bytes = Buffer.concat([upload.bytes, all.subarray(offset, end)]);
      if (this.damageNextUpload && upload.bytes.length === file.size) {
        this.damageNextUpload = false;
        upload.bytes = Buffer.from(upload.bytes);
        upload.bytes[0]! ^= 0xff;
      }
      opts.onProgress?.({ sha256: file.sha256, bytesSent: upload.bytes.length, bytesTotal: file.size });
      if (upload.bytes.length < file.size) return err({ kind: 'CityUnreachable', retryable: true, message: 'socket hang up' });
      if (createHash('sha256').update(upload.bytes).digest('hex') === file.sha256) d.received.set(file.sha256, upload.bytes);
      return ok({ uploadUrl: url, bytesSent: end - offset });
    });
  }

  submitDossier(key: string, dossierId: string): Promise<Result<DossierStatus, CityError>> {
    return this.#gate('submitDossier', { key, dossierId }, () => {
      const replay = this.#submitKeys.get(key);
      if (replay) return ok(replay);
      const d = this.#dossiers.get(dossierId);
      if (!d) return err({ kind: 'CityNotFound', retryable: false, message: 'no such dossier' });
      const missing = d.body.attachments.filter((a) => d.received.get(a.sha256)?.length !== a.size).map((a) => a.sha256);
      // an error answer is not stored under the key: a retry runs afresh
      if (missing.length > 0) return err({ kind: 'CityMissingUploads', retryable: true, missing, message: `${missing.length} attachments missing` });
      if (!d.status) {
        this.commits++;
        this.active--;
        d.status = {
          dossierId,
          dossierCode: `000.00.01.H26-261124-${String(++this.#codeSeq).padStart(4, '0')}`,
          localCode: d.body.localCode,
          statusCode: 1,
          statusText: 'Mới đăng ký',
          updatedAt: '2026-11-24T08:05:00.000Z',
        };
      }
      this.#submitKeys.set(key, d.status);
      return ok(d.status);
    });
  }

  getStatus(dossierCode: string): Promise<Result<DossierStatus, CityError>> {
    return this.#gate('getStatus', { key: dossierCode }, () => {
      const d = [...this.#dossiers.values()].find((x) => x.status?.dossierCode === dossierCode);
      if (!d?.status) return err({ kind: 'CityNotFound', retryable: false, message: 'unknown code' });
      d.status = { ...d.status, statusCode: this.statusCode, statusText: `status ${this.statusCode}`, appointmentDate: '2026-12-01', updatedAt: '2026-11-25T01:00:00.000Z' };
      return ok(d.status);
    });
  }

  async findByLocalCode(localCode: string): Promise<Result<DossierStatus, CityError>> {
    const d = [...this.#dossiers.values()].find((x) => x.body.localCode === localCode);
    return d?.status ? ok(d.status) : err({ kind: 'CityNotFound', retryable: false, message: 'unknown local code' });
  }

  async rateDossier(_key: string, _code: string, _rating: Rating): Promise<Result<{ replay: boolean }, CityError>> {
    return ok({ replay: false });
  }

  async listProcedures(): Promise<Result<ProcedureList, CityError>> {
    return ok({ asOf: '2026-11-24T00:00:00Z', procedures: [] });
  }
}
