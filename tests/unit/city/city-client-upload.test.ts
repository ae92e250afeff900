import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadSource } from '../../../main/city/city-client-types.js';
import { createCityClient, type ClosableCityClient } from '../../../main/city/city-client.js';
import { refusedPort } from '../../helpers/city-client-test-server.js';
import { startTusServer, UNKNOWN_DOSSIER, type TestTusServer } from '../../helpers/city-client-tus-server.js';

// Attachments over tus 1.0 against a real @tus/server: chunking, integrity, and resuming
// from the server's offset after an interrupted upload.

const MiB = 1024 * 1024;
let tus: TestTusServer;
let client: ClosableCityClient;

beforeAll(async () => {
  tus = await startTusServer();
  client = createCityClient({ baseUrl: tus.baseUrl, kioskId: 'K0007', auth: { type: 'bearer', token: 'tok-9' }, connectTimeoutMs: 2000, idleTimeoutMs: 5000, uploadChunkBytes: MiB });
});
afterAll(async () => {
  client.close();
  await tus.close();
});

function source(bytes: Buffer, name = 'giay-to.pdf'): UploadSource {
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    fileName: name,
    mediaType: 'application/pdf',
    componentId: 'giay-to-tuy-than',
    read: async () => bytes,
  };
}

describe('uploadAttachment (tus)', () => {
  it('sends 3 MiB in 1 MiB chunks; the server holds the same bytes and metadata', async () => {
    const file = source(randomBytes(3 * MiB));
    const urls: string[] = [];
    const progress: number[] = [];
    const seenBefore = tus.seen.length;
    const r = await client.uploadAttachment('d-42', file, { onUploadUrl: (u) => urls.push(u), onProgress: (p) => progress.push(p.bytesSent) });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.bytesSent).toBe(3 * MiB);
    expect(urls).toEqual([r.value.uploadUrl]);
    expect(progress.at(-1)).toBe(3 * MiB);
    const stored = await tus.upload(r.value.uploadUrl);
    expect(stored).toEqual({ sha256: file.sha256, size: 3 * MiB, metadata: { dossierId: 'd-42', componentId: 'giay-to-tuy-than', fileName: 'giay-to.pdf', mediaType: 'application/pdf', sha256: file.sha256 } });
    const mine = tus.seen.slice(seenBefore);
    expect(mine.map((s) => s.method)).toEqual(['POST', 'PATCH', 'PATCH', 'PATCH']);
    for (const s of mine) expect(s.headers).toMatchObject({ 'x-kiosk-id': 'K0007', authorization: 'Bearer tok-9', 'tus-resumable': '1.0.0' });
  });

  it('resumes an interrupted upload from the server offset, sending little twice', async () => {
    const size = 3 * MiB;
    const file = source(randomBytes(size));
    const ac = new AbortController();
    let firstCallBytes = 0;
    let saveUrl: (url: string) => void = () => {};
    const created = new Promise<string>((resolve) => (saveUrl = resolve));
    const first = client.uploadAttachment('d-42', file, { signal: ac.signal, onUploadUrl: saveUrl, onProgress: (p) => (firstCallBytes = p.wireBytes ?? Infinity) });
    const savedUrl = await created;
    await tus.stored(savedUrl, 1.5 * MiB);
    ac.abort();
    expect(await first).toMatchObject({ ok: false, error: { kind: 'CityAborted' } });

    // what a fresh process would do with the URL the outbox persisted
    const seenBefore = tus.seen.length;
    const r2 = await client.uploadAttachment('d-42', file, { uploadUrl: savedUrl });
    if (!r2.ok) throw new Error(r2.error.message);
    expect(r2.value.uploadUrl).toBe(savedUrl);
    expect(tus.seen[seenBefore]?.method).toBe('HEAD');
    expect(tus.seen.slice(seenBefore).some((s) => s.method === 'POST')).toBe(false);
    // the server kept at least the 1.5 MiB it had acknowledged receiving
    expect(r2.value.bytesSent).toBeGreaterThan(0);
    expect(r2.value.bytesSent).toBeLessThanOrEqual(size - 1.5 * MiB);
    expect((await tus.upload(savedUrl)).sha256).toBe(file.sha256);

    expect(firstCallBytes).toBeGreaterThanOrEqual(1.5 * MiB);
    expect(firstCallBytes + r2.value.bytesSent).toBeLessThanOrEqual(1.2 * size);
  });

  it('an upload the server refuses at creation (unknown dossier) → CityRejected, permanent', async () => {
    const r = await client.uploadAttachment(UNKNOWN_DOSSIER, source(Buffer.from('%PDF-1.7 tiny')));
    expect(r).toMatchObject({ ok: false, error: { kind: 'CityRejected', status: 400, retryable: false } });
  });

  it('a stale upload URL the server no longer knows starts a new upload', async () => {
    const file = source(randomBytes(1000));
    const gone = `${tus.baseUrl}/uploads/0123456789abcdef0123456789abcdef`;
    const urls: string[] = [];
    const r = await client.uploadAttachment('d-42', file, { uploadUrl: gone, onUploadUrl: (u) => urls.push(u) });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.uploadUrl).not.toBe(gone);
    expect(urls).toEqual([r.value.uploadUrl]);
    expect((await tus.upload(r.value.uploadUrl)).sha256).toBe(file.sha256);
  });

  it('no server → CityUnreachable', async () => {
    const c = createCityClient({ baseUrl: `http://127.0.0.1:${await refusedPort()}/v1`, kioskId: 'K0007', auth: { type: 'none' }, connectTimeoutMs: 1000, idleTimeoutMs: 1000 });
    expect(await c.uploadAttachment('d', source(Buffer.from('x')))).toMatchObject({ ok: false, error: { kind: 'CityUnreachable', retryable: true } });
    c.close();
  });
});
