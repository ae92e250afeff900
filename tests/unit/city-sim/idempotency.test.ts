import { afterEach, describe, expect, it } from 'vitest';
import { DossierCreated, DossierStatus, Problem } from '../../../common/city/city-contract.js';
import { simHarness } from '../../helpers/city-sim-harness.js';
import { errorCode, rawRequest } from '../../helpers/city-sim-http.js';
import { createAndUpload, jsonPost, pdfBytes, sha256, submission, tusCreateRequest, tusPatchRequest } from '../../helpers/city-sim-fixtures.js';

const h = simHarness();
afterEach(() => h.cleanup());

describe('city simulator: idempotency', () => {
  it('replays the first answer for a retry with the same body, with 200 for a create', async () => {
    const sim = await h.start();
    const body = submission('L-10', [pdfBytes('a')]);
    const first = await rawRequest(`${sim.url}/dossiers`, jsonPost(body, 'dossier-uuid-10'));
    expect(first.status).toBe(201);
    // the same JSON with keys in another order and other spacing is the same body
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(body).reverse()), null, 2);
    const retry = await rawRequest(`${sim.url}/dossiers`, { ...jsonPost(body, 'dossier-uuid-10'), body: reordered });
    expect(retry.status).toBe(200);
    expect(retry.json()).toEqual(first.json());
    const rec = await sim.records();
    expect(rec.dossiers.map((d) => d.createCount)).toEqual([1]);
    expect(rec.counters.createDossier.replays).toBe(1);
  });

  it('answers 422 for the same key with another body', async () => {
    const sim = await h.start();
    await rawRequest(`${sim.url}/dossiers`, jsonPost(submission('L-11', []), 'k-11'));
    const other = await rawRequest(`${sim.url}/dossiers`, jsonPost(submission('L-11', [], { procedureCode: '1.004837' }), 'k-11'));
    expect(other.status).toBe(422);
    expect(Problem.parse(other.json()).title).toBe('Idempotency-Key reused');
    expect((await sim.records()).dossiers).toHaveLength(1);
  });

  it('answers 409 to a retry while the first request is still in flight', async () => {
    const sim = await h.start();
    const gate = sim.faults.hold('createDossier');
    const req = jsonPost(submission('L-12', []), 'k-12');
    const first = rawRequest(`${sim.url}/dossiers`, req);
    await gate.reached;
    const concurrent = await rawRequest(`${sim.url}/dossiers`, req);
    expect(concurrent.status).toBe(409);
    expect(concurrent.headers['retry-after']).toBe('1');
    gate.release();
    expect((await first).status).toBe(201);
    const after = await rawRequest(`${sim.url}/dossiers`, req);
    expect(after.status).toBe(200);
    expect(after.json()).toEqual((await first).json());
    expect((await sim.records()).dossiers.map((d) => d.createCount)).toEqual([1]);
  });

  it('counts a create committed under a second key: exactly-once violations are visible', async () => {
    const sim = await h.start();
    await rawRequest(`${sim.url}/dossiers`, jsonPost(submission('L-13', []), 'k-13a'));
    await rawRequest(`${sim.url}/dossiers`, jsonPost(submission('L-13', []), 'k-13b'));
    expect((await sim.records()).dossiers.map((d) => d.createCount)).toEqual([2, 2]);
  });

  it('does not store an error: a submit refused for missing uploads succeeds under the same key later', async () => {
    const sim = await h.start();
    const file = pdfBytes('late');
    const { dossierId } = DossierCreated.parse((await rawRequest(`${sim.url}/dossiers`, jsonPost(submission('L-14', [file]), 'k-14'))).json());
    const submitReq = jsonPost(undefined, 'submit-14');
    expect((await rawRequest(`${sim.url}/dossiers/${dossierId}/submit`, submitReq)).status).toBe(422);
    const up = await rawRequest(`${sim.url}/uploads`, tusCreateRequest({ dossierId, sha256: sha256(file) }, file.length));
    await rawRequest(up.headers.location ?? '', tusPatchRequest(0, file));
    const ok = await rawRequest(`${sim.url}/dossiers/${dossierId}/submit`, submitReq);
    expect(ok.status).toBe(200);
    const replay = await rawRequest(`${sim.url}/dossiers/${dossierId}/submit`, submitReq);
    expect(replay.status).toBe(200);
    expect(DossierStatus.parse(replay.json()).dossierCode).toBe(DossierStatus.parse(ok.json()).dossierCode);
    expect((await sim.records()).dossiers[0]?.submitCount).toBe(1);
  });

  it('keys on the concrete route: one key on two dossiers submits both', async () => {
    const sim = await h.start();
    const a = await createAndUpload(sim.url, 'L-15', []);
    const b = await createAndUpload(sim.url, 'L-16', []);
    const sa = DossierStatus.parse((await rawRequest(`${sim.url}/dossiers/${a}/submit`, jsonPost(undefined, 'same'))).json());
    const sb = DossierStatus.parse((await rawRequest(`${sim.url}/dossiers/${b}/submit`, jsonPost(undefined, 'same'))).json());
    expect(sa.dossierId).toBe(a);
    expect(sb.dossierId).toBe(b);
    expect(sa.dossierCode).not.toBe(sb.dossierCode);
  });

  it('an in-flight marker left by a simulator crash expires instead of blocking the key forever', async () => {
    const dataDir = h.dataDir();
    let sim = await h.start({ dataDir });
    const gate = sim.faults.hold('createDossier');
    const req = jsonPost(submission('L-17', []), 'k-17');
    const dying = errorCode(rawRequest(`${sim.url}/dossiers`, req));
    await gate.reached;
    await sim.close();
    expect(await dying).toBe('ECONNRESET');
    sim = await h.start({ dataDir });
    expect((await rawRequest(`${sim.url}/dossiers`, req)).status).toBe(409);
    sim.clock.advance(30_001);
    expect((await rawRequest(`${sim.url}/dossiers`, req)).status).toBe(201);
    expect((await sim.records()).dossiers.map((d) => d.createCount)).toEqual([1]);
  });
});
