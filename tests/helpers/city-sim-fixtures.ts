import { createHash } from 'node:crypto';
import type { DossierSubmission } from '../../common/city/city-contract.js';
import type { RawRequest } from './city-sim-http.js';
import { rawRequest } from './city-sim-http.js';

// Dossiers and tus requests for the city simulator's tests, built from real bytes.

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export const KIOSK = 'KIOSK07';

export const pdfBytes = (label: string, size = 3000): Buffer => {
  const head = Buffer.from(`%PDF-1.4\n% ${label}\n`);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x20)]);
};

export const submission = (localCode: string, files: Buffer[], over: Partial<DossierSubmission> = {}): DossierSubmission => ({
  localCode,
  procedureCode: '1.000894',
  siteId: 'embedded',
  submittedAt: '2026-11-24T08:30:00+07:00',
  channel: 'kiosk',
  applicant: { idNumber: '001090001234', fullName: 'Nguyễn Văn An', dateOfBirth: '1990-01-15', sex: 'male', identitySource: 'qr' },
  form: { spouseName: 'Trần Thị Bình' },
  delivery: { method: 'counter' },
  consent: { version: '2026-01', purposes: ['dossier-processing'], givenAt: '2026-11-24T08:29:00+07:00' },
  attachments: files.map((f, i) => ({ componentId: `tp${i + 1}`, fileName: `giay-to-${i + 1}.pdf`, mediaType: 'application/pdf', size: f.length, sha256: sha256(f) })),
  ...over,
});

export const jsonPost = (body: unknown, key: string | undefined, extra: Record<string, string> = {}): RawRequest => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'X-Kiosk-Id': KIOSK, ...(key ? { 'Idempotency-Key': key } : {}), ...extra },
  body: JSON.stringify(body),
});

export const kioskGet = (extra: Record<string, string> = {}): RawRequest => ({ headers: { 'X-Kiosk-Id': KIOSK, ...extra } });

const b64 = (s: string) => Buffer.from(s).toString('base64');

export const tusCreateRequest = (meta: { dossierId: string; sha256: string; componentId?: string }, length: number, extra: Record<string, string> = {}): RawRequest => ({
  method: 'POST',
  headers: {
    'Tus-Resumable': '1.0.0',
    'Upload-Length': String(length),
    'Upload-Metadata': [
      `dossierId ${b64(meta.dossierId)}`,
      `componentId ${b64(meta.componentId ?? 'tp1')}`,
      `fileName ${b64('giay-to.pdf')}`,
      `mediaType ${b64('application/pdf')}`,
      `sha256 ${b64(meta.sha256)}`,
    ].join(','),
    ...extra,
  },
});

export const tusPatchRequest = (offset: number, bytes: Buffer, extra: Record<string, string> = {}): RawRequest => ({
  method: 'PATCH',
  headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream', ...extra },
  body: bytes,
});

export const tusHeadRequest = (extra: Record<string, string> = {}): RawRequest => ({ method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0', ...extra } });

/** create → upload every file in one PATCH each → the dossier id, ready to submit */
export const createAndUpload = async (url: string, localCode: string, files: Buffer[], key = `key-${localCode}`): Promise<string> => {
  const created = await rawRequest(`${url}/dossiers`, jsonPost(submission(localCode, files), key));
  if (created.status !== 201) throw new Error(`create answered ${created.status}: ${created.text}`);
  const { dossierId } = created.json<{ dossierId: string }>();
  for (const f of files) {
    const up = await rawRequest(`${url}/uploads`, tusCreateRequest({ dossierId, sha256: sha256(f) }, f.length));
    if (up.status !== 201 || !up.headers.location) throw new Error(`tus create answered ${up.status}: ${up.text}`);
    const patch = await rawRequest(up.headers.location, tusPatchRequest(0, f));
    if (patch.status !== 204) throw new Error(`tus patch answered ${patch.status}: ${patch.text}`);
  }
  return dossierId;
};
