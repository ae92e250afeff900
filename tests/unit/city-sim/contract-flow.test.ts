import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { DossierCreated, DossierStatus, officialCodePattern, Problem, ProcedureList } from '../../../common/city/city-contract.js';
import { simHarness } from '../../helpers/city-sim-harness.js';
import { rawRequest } from '../../helpers/city-sim-http.js';
import {
  createAndUpload,
  jsonPost,
  kioskGet,
  pdfBytes,
  sha256,
  submission,
  tusCreateRequest,
  tusHeadRequest,
  tusPatchRequest,
} from '../../helpers/city-sim-fixtures.js';

const h = simHarness();
afterEach(() => h.cleanup());

const submit = (url: string, dossierId: string, key = `submit-${dossierId}`) => rawRequest(`${url}/dossiers/${dossierId}/submit`, jsonPost(undefined, key));

describe('city simulator: a dossier from create to official code', () => {
  it('creates, takes tus uploads in chunks, refuses a wrong offset, and registers on submit', async () => {
    const sim = await h.start();
    const a = pdfBytes('to khai', 5000);
    const b = pdfBytes('giay xac nhan', 1200);
    const created = await rawRequest(`${sim.url}/dossiers`, jsonPost(submission('KIOSK07-261124-0001', [a, b]), 'uuid-1'));
    expect(created.status).toBe(201);
    const body = DossierCreated.parse(created.json());
    expect(body.uploadsRequired).toEqual([sha256(a), sha256(b)]);

    const up = await rawRequest(`${sim.url}/uploads`, tusCreateRequest({ dossierId: body.dossierId, sha256: sha256(a) }, a.length));
    expect(up.status).toBe(201);
    const location = up.headers.location ?? '';
    expect(location.startsWith(`${sim.url}/uploads/`)).toBe(true);

    const head0 = await rawRequest(location, tusHeadRequest());
    expect(head0.headers['upload-offset']).toBe('0');
    expect(head0.headers['upload-length']).toBe(String(a.length));

    const first = await rawRequest(location, tusPatchRequest(0, a.subarray(0, 2000)));
    expect(first.status).toBe(204);
    expect(first.headers['upload-offset']).toBe('2000');
    const wrong = await rawRequest(location, tusPatchRequest(0, a.subarray(0, 2000)));
    expect(wrong.status).toBe(409);
    expect(wrong.headers['content-type']).toBe('application/problem+json');
    expect((await rawRequest(location, tusHeadRequest())).headers['upload-offset']).toBe('2000');
    const second = await rawRequest(location, tusPatchRequest(2000, a.subarray(2000)));
    expect(second.headers['upload-offset']).toBe(String(a.length));

    // b is still missing
    const early = await submit(sim.url, body.dossierId);
    expect(early.status).toBe(422);
    expect(Problem.parse(early.json()).missing).toEqual([sha256(b)]);

    const upB = await rawRequest(`${sim.url}/uploads`, tusCreateRequest({ dossierId: body.dossierId, sha256: sha256(b) }, b.length));
    expect((await rawRequest(upB.headers.location ?? '', tusPatchRequest(0, b))).status).toBe(204);

    const done = await submit(sim.url, body.dossierId);
    expect(done.status).toBe(200);
    const status = DossierStatus.parse(done.json());
    expect(status.dossierCode).toBe('000.00.01.H26-261124-0001');
    expect(status.dossierCode).toMatch(officialCodePattern);
    expect(status).toMatchObject({ statusCode: 1, statusText: 'Mới đăng ký', appointmentDate: '2026-11-27', localCode: 'KIOSK07-261124-0001' });

    const rec = await sim.records();
    expect(rec.dossiers).toHaveLength(1);
    expect(rec.dossiers[0]).toMatchObject({ officialCode: status.dossierCode, createCount: 1, submitCount: 1, kioskId: 'KIOSK07', channel: 'kiosk', assistedBy: null });
    expect(rec.dossiers[0]?.attachments.map((x) => x.complete)).toEqual([true, true]);
    expect(rec.counters.tusPatch.requests).toBe(4);
    expect(rec.uploadBytesReceived).toBeGreaterThanOrEqual(a.length + b.length);
  });

  it('keeps the bytes of a PATCH cut off mid-body, so the upload resumes from there', async () => {
    const sim = await h.start();
    const file = pdfBytes('big', 256 * 1024);
    const { dossierId } = DossierCreated.parse((await rawRequest(`${sim.url}/dossiers`, jsonPost(submission('L-5', [file]), 'k5'))).json());
    const loc = (await rawRequest(`${sim.url}/uploads`, tusCreateRequest({ dossierId, sha256: sha256(file) }, file.length))).headers.location ?? '';
    const half = 100 * 1024;
    const cut = request(loc, { method: 'PATCH', agent: false, headers: tusPatchRequest(0, file).headers });
    cut.on('error', () => undefined);
    cut.setHeader('Content-Length', String(file.length));
    cut.write(file.subarray(0, half));
    await expect.poll(async () => (await sim.records()).uploadBytesReceived).toBe(half);
    cut.destroy();
    await expect.poll(async () => (await rawRequest(loc, tusHeadRequest())).headers['upload-offset']).toBe(String(half));
    const rest = await rawRequest(loc, tusPatchRequest(half, file.subarray(half)));
    expect(rest.headers['upload-offset']).toBe(String(file.length));
    const rec = await sim.records();
    expect(rec.uploadBytesReceived).toBe(file.length);
    expect(rec.dossiers[0]?.attachments[0]?.complete).toBe(true);
  });

  it('numbers official codes per Vietnam day, and the sequence survives a restart', async () => {
    const dataDir = h.dataDir();
    const file = pdfBytes('x', 100);
    let sim = await h.start({ dataDir });
    const codes: string[] = [];
    for (const n of [1, 2]) {
      const id = await createAndUpload(sim.url, `KIOSK07-261124-000${n}`, [file]);
      codes.push(DossierStatus.parse((await submit(sim.url, id)).json()).dossierCode ?? '');
    }
    await sim.close();
    sim = await h.start({ dataDir });
    expect((await sim.records()).dossiers.map((d) => d.officialCode)).toEqual(codes);
    const third = await createAndUpload(sim.url, 'KIOSK07-261124-0003', [file]);
    codes.push(DossierStatus.parse((await submit(sim.url, third)).json()).dossierCode ?? '');
    // 17:00 UTC is midnight in Vietnam: a new day, a new sequence
    sim.clock.advance(16 * 3600_000);
    const nextDay = await createAndUpload(sim.url, 'KIOSK07-261125-0001', [file]);
    codes.push(DossierStatus.parse((await submit(sim.url, nextDay)).json()).dossierCode ?? '');
    expect(codes).toEqual(['000.00.01.H26-261124-0001', '000.00.01.H26-261124-0002', '000.00.01.H26-261124-0003', '000.00.01.H26-261125-0001']);
  });

  it('refuses uploads for an unknown dossier, an undeclared sha256 or length, and records a corrupted upload as missing', async () => {
    const sim = await h.start();
    const file = pdfBytes('a', 300);
    const created = DossierCreated.parse((await rawRequest(`${sim.url}/dossiers`, jsonPost(submission('L-1', [file]), 'k1'))).json());
    const unknown = await rawRequest(`${sim.url}/uploads`, tusCreateRequest({ dossierId: 'nope', sha256: sha256(file) }, file.length));
    expect(unknown.status).toBe(400);
    expect(unknown.headers['content-type']).toBe('application/problem+json');
    expect(Problem.parse(unknown.json()).detail).toContain('nope');
    const undeclared = await rawRequest(`${sim.url}/uploads`, tusCreateRequest({ dossierId: created.dossierId, sha256: sha256(Buffer.from('other')) }, file.length));
    expect(undeclared.status).toBe(400);
    const wrongLength = await rawRequest(`${sim.url}/uploads`, tusCreateRequest({ dossierId: created.dossierId, sha256: sha256(file) }, file.length + 1));
    expect(wrongLength.status).toBe(400);

    // right length, wrong bytes: the upload finishes but does not count
    const up = await rawRequest(`${sim.url}/uploads`, tusCreateRequest({ dossierId: created.dossierId, sha256: sha256(file) }, file.length));
    const corrupt = Buffer.from(file);
    corrupt[10] = 0x41;
    expect((await rawRequest(up.headers.location ?? '', tusPatchRequest(0, corrupt))).status).toBe(204);
    const refused = await submit(sim.url, created.dossierId);
    expect(refused.status).toBe(422);
    expect(Problem.parse(refused.json()).missing).toEqual([sha256(file)]);
    expect((await sim.records()).dossiers[0]?.attachments[0]).toMatchObject({ receivedSha256: sha256(corrupt), complete: false });
  });

  it('validates bodies and headers with problem documents', async () => {
    const sim = await h.start();
    const bad = submission('L-2', []);
    const invalid = await rawRequest(`${sim.url}/dossiers`, jsonPost({ ...bad, applicant: { ...bad.applicant, idNumber: '123' }, channel: 'web' }, 'k2'));
    expect(invalid.status).toBe(400);
    expect(invalid.headers['content-type']).toBe('application/problem+json');
    const pointers = Problem.parse(invalid.json()).errors?.map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/applicant/idNumber', '/channel']));

    const noKiosk = await rawRequest(`${sim.url}/dossiers`, { ...jsonPost(bad, 'k3'), headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k3' } });
    expect(noKiosk.status).toBe(400);
    const noKey = await rawRequest(`${sim.url}/dossiers`, jsonPost(bad, undefined));
    expect(noKey.status).toBe(400);
    expect(Problem.parse(noKey.json()).title).toBe('Idempotency-Key required');
    const notJson = await rawRequest(`${sim.url}/dossiers`, { ...jsonPost(bad, 'k4'), body: '{oops' });
    expect(notJson.status).toBe(400);
    expect((await sim.records()).dossiers).toHaveLength(0);
  });

  it('advances statuses by the schedule on the injected clock, found by code and by local code', async () => {
    const sim = await h.start({ statusSchedule: [{ afterMs: 0, code: 1 }, { afterMs: 2000, code: 2 }, { afterMs: 5000, code: 4 }] });
    const id = await createAndUpload(sim.url, 'L-3', [pdfBytes('s')]);
    const pending = DossierStatus.parse((await rawRequest(`${sim.url}/dossiers?localCode=L-3`, kioskGet())).json());
    expect(pending.dossierCode).toBeUndefined();
    const code = DossierStatus.parse((await submit(sim.url, id)).json()).dossierCode ?? '';
    const look = async () => DossierStatus.parse((await rawRequest(`${sim.url}/dossiers/${encodeURIComponent(code)}`, kioskGet())).json());
    expect((await look()).statusCode).toBe(1);
    sim.clock.advance(1999);
    expect((await look()).statusCode).toBe(1);
    sim.clock.advance(1);
    expect((await look()).statusText).toBe('Được tiếp nhận');
    sim.clock.advance(3000);
    const later = await look();
    expect(later.statusCode).toBe(4);
    expect(later.history?.map((x) => x.statusCode)).toEqual([1, 2, 4]);
    const byLocal = DossierStatus.parse((await rawRequest(`${sim.url}/dossiers?localCode=L-3`, kioskGet())).json());
    expect(byLocal).toMatchObject({ dossierCode: code, statusCode: 4 });
    expect((await rawRequest(`${sim.url}/dossiers/000.00.01.H26-261124-9999`, kioskGet())).status).toBe(404);
    expect((await rawRequest(`${sim.url}/dossiers?localCode=nope`, kioskGet())).status).toBe(404);
    // another kiosk does not find this kiosk's local code
    expect((await rawRequest(`${sim.url}/dossiers?localCode=L-3`, { headers: { 'X-Kiosk-Id': 'KIOSK99' } })).status).toBe(404);
  });

  it('takes one rating per dossier and replays a retry', async () => {
    const sim = await h.start();
    const id = await createAndUpload(sim.url, 'L-4', []);
    const code = DossierStatus.parse((await submit(sim.url, id)).json()).dossierCode ?? '';
    const rating = { level: 3, criteria: { timeliness: 3 }, ratedAt: '2026-11-24T09:00:00+07:00' };
    const first = await rawRequest(`${sim.url}/dossiers/${code}/ratings`, jsonPost(rating, 'rating-1'));
    expect(first.status).toBe(201);
    const again = await rawRequest(`${sim.url}/dossiers/${code}/ratings`, jsonPost(rating, 'rating-1'));
    expect(again.status).toBe(200);
    expect(again.json()).toEqual(first.json());
    const second = await rawRequest(`${sim.url}/dossiers/${code}/ratings`, jsonPost({ ...rating, level: 1 }, 'rating-2'));
    expect(second.status).toBe(422);
    expect((await rawRequest(`${sim.url}/dossiers/NOPE-261124-0001/ratings`, jsonPost(rating, 'rating-3'))).status).toBe(404);
    expect((await rawRequest(`${sim.url}/dossiers/${code}/ratings`, jsonPost({ level: 5, ratedAt: 'x' }, 'rating-4'))).status).toBe(400);
    expect((await sim.records()).dossiers[0]?.ratings).toEqual([rating]);
  });

  it('lists procedures, filtered by since', async () => {
    const sim = await h.start();
    const all = ProcedureList.parse((await rawRequest(`${sim.url}/procedures`, kioskGet())).json());
    expect(all.procedures.map((p) => p.code)).toContain('1.000894');
    expect(all.procedures.length).toBeGreaterThan(3);
    const recent = ProcedureList.parse((await rawRequest(`${sim.url}/procedures?since=2025-08-01T00:00:00Z`, kioskGet())).json());
    expect(recent.procedures.map((p) => p.code).sort()).toEqual(['1.004873', '1.013225']);
    expect((await rawRequest(`${sim.url}/procedures?since=yesterday`, kioskGet())).status).toBe(400);
  });
});
