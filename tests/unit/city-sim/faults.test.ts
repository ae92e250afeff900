import { afterEach, describe, expect, it } from 'vitest';
import { DossierCreated, Problem } from '../../../common/city/city-contract.js';
import type { SimRecords } from '../../../main/city-sim/records.js';
import { simHarness } from '../../helpers/city-sim-harness.js';
import { errorCode, rawRequest } from '../../helpers/city-sim-http.js';
import { jsonPost, kioskGet, pdfBytes, sha256, submission, tusCreateRequest, tusHeadRequest, tusPatchRequest } from '../../helpers/city-sim-fixtures.js';

const h = simHarness();
afterEach(() => h.cleanup());

const procedures = (url: string) => rawRequest(`${url}/procedures`, kioskGet());

describe('city simulator: injected faults, seen from the client', () => {
  it('answers 500, and 503 / 429 with Retry-After', async () => {
    const sim = await h.start({ faults: { routes: { listProcedures: { rate: 1, kinds: ['500'] } } } });
    const e500 = await procedures(sim.url);
    expect(e500.status).toBe(500);
    expect(e500.headers['content-type']).toBe('application/problem+json');
    sim.faults.setRoute('listProcedures', { rate: 1, kinds: ['503'], retryAfterSeconds: 7 });
    const e503 = await procedures(sim.url);
    expect([e503.status, e503.headers['retry-after']]).toEqual([503, '7']);
    sim.faults.setRoute('listProcedures', { rate: 1, kinds: ['429'], retryAfterSeconds: 2 });
    const e429 = await procedures(sim.url);
    expect([e429.status, e429.headers['retry-after']]).toEqual([429, '2']);
    expect(Problem.parse(e429.json()).status).toBe(429);
    const c = (await sim.records()).counters.listProcedures;
    expect(c).toMatchObject({ requests: 3, faultsInjected: 3, faultsByKind: { '500': 1, '503': 1, '429': 1 } });
  });

  it('resets the connection, and records nothing for it', async () => {
    const sim = await h.start({ faults: { routes: { createDossier: { rate: 1, kinds: ['reset'] } } } });
    expect(await errorCode(rawRequest(`${sim.url}/dossiers`, jsonPost(submission('L-20', []), 'k-20')))).toBe('ECONNRESET');
    expect((await sim.records()).dossiers).toHaveLength(0);
  });

  it('hangs until the client gives up, and close() still ends a hung connection', async () => {
    const sim = await h.start({ faults: { routes: { '*': { rate: 1, kinds: ['hang'] } } } });
    expect(await errorCode(rawRequest(`${sim.url}/procedures`, { ...kioskGet(), timeoutMs: 200 }))).toBe('CLIENT_TIMEOUT');
    const forever = errorCode(rawRequest(`${sim.url}/procedures`, kioskGet()));
    await expect.poll(async () => (await sim.records()).counters.listProcedures.requests).toBe(2);
    await sim.close();
    expect(await forever).toBe('ECONNRESET');
  });

  it('sends the body slowly, a few bytes at a time', async () => {
    const sim = await h.start({ faults: { slowBody: { chunkBytes: 16, intervalMs: 5 }, routes: { listProcedures: { rate: 1, kinds: ['slowBody'] } } } });
    const slow = await procedures(sim.url);
    expect(slow.status).toBe(200);
    expect(slow.chunks).toBeGreaterThan(10);
    expect(slow.text.length).toBeLessThanOrEqual(slow.chunks * 16);
    sim.faults.clear();
    expect(JSON.parse((await procedures(sim.url)).text).procedures).toEqual(JSON.parse(slow.text).procedures);
  });

  it('commitThenDrop: the create is committed, the answer lost, and the retry gets the replay', async () => {
    const sim = await h.start({ faults: { routes: { createDossier: { rate: 1, kinds: ['commitThenDrop'], count: 1 } } } });
    const req = jsonPost(submission('L-21', []), 'k-21');
    expect(await errorCode(rawRequest(`${sim.url}/dossiers`, req))).toBe('ECONNRESET');
    const rec = await sim.records();
    expect(rec.dossiers).toHaveLength(1);
    expect(rec.dossiers[0]?.createCount).toBe(1);
    const retry = await rawRequest(`${sim.url}/dossiers`, req);
    expect(retry.status).toBe(200);
    expect(DossierCreated.parse(retry.json()).dossierId).toBe(rec.dossiers[0]?.dossierId);
    expect((await sim.records()).dossiers.map((d) => d.createCount)).toEqual([1]);
  });

  it('commitThenDrop on a tus PATCH: the bytes are stored, HEAD shows the offset', async () => {
    const sim = await h.start();
    const file = pdfBytes('p', 4000);
    const { dossierId } = DossierCreated.parse((await rawRequest(`${sim.url}/dossiers`, jsonPost(submission('L-22', [file]), 'k-22'))).json());
    const loc = (await rawRequest(`${sim.url}/uploads`, tusCreateRequest({ dossierId, sha256: sha256(file) }, file.length))).headers.location ?? '';
    sim.faults.setRoute('tusPatch', { rate: 1, kinds: ['commitThenDrop'], count: 1 });
    expect(await errorCode(rawRequest(loc, tusPatchRequest(0, file)))).toBe('ECONNRESET');
    expect((await rawRequest(loc, tusHeadRequest())).headers['upload-offset']).toBe(String(file.length));
    const rec = await sim.records();
    expect(rec.dossiers[0]?.attachments[0]?.complete).toBe(true);
    expect(rec.uploadBytesReceived).toBe(file.length);
  });

  it('goes offline and back, while the admin endpoint keeps answering', async () => {
    const sim = await h.start();
    sim.faults.setOffline(true);
    expect(await errorCode(procedures(sim.url))).toBe('ECONNRESET');
    expect((await rawRequest(`${sim.origin}/__sim/records`)).status).toBe(200);
    const back = await rawRequest(`${sim.origin}/__sim/faults`, { method: 'POST', body: JSON.stringify({ offline: false }) });
    expect(back.status).toBe(200);
    expect((await procedures(sim.url)).status).toBe(200);
  });

  it('changes faults at run time through POST /__sim/faults and limits them by count', async () => {
    const sim = await h.start();
    const set = await rawRequest(`${sim.origin}/__sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ routes: { '*': { rate: 1, kinds: ['503'], count: 2, retryAfterSeconds: 3 } } }),
    });
    expect(set.status).toBe(200);
    expect((await rawRequest(`${sim.origin}/__sim/faults`)).json()).toMatchObject({ routes: { '*': { rate: 1, count: 2 } } });
    expect((await procedures(sim.url)).status).toBe(503);
    expect((await rawRequest(`${sim.url}/dossiers?localCode=x`, kioskGet())).status).toBe(503);
    expect((await procedures(sim.url)).status).toBe(200);
    const invalid = await rawRequest(`${sim.origin}/__sim/faults`, { method: 'POST', body: JSON.stringify({ routes: { createDossier: { rate: 2, kinds: ['boom'] } } }) });
    expect(invalid.status).toBe(400);
    expect((await rawRequest(`${sim.origin}/__sim/reset`, { method: 'POST' })).status).toBe(200);
    expect((await sim.records()).counters.listProcedures.requests).toBe(0);
  });

  it('draws faults from a seeded RNG: the same seed gives the same failures', async () => {
    const sim = await h.start();
    const run = async (): Promise<number[]> => {
      sim.faults.set({ seed: 42, routes: { listProcedures: { rate: 0.5, kinds: ['500', '503'] } } });
      const out: number[] = [];
      for (let i = 0; i < 16; i++) out.push((await procedures(sim.url)).status);
      return out;
    };
    const a = await run();
    expect(await run()).toEqual(a);
    expect(new Set(a)).toEqual(new Set([200, 500, 503]));
  });

  it('lists every recorded dossier and the counters at GET /__sim/records', async () => {
    const sim = await h.start();
    await rawRequest(`${sim.url}/dossiers`, jsonPost(submission('L-23', [pdfBytes('r')]), 'k-23'));
    const viaHttp = (await rawRequest(`${sim.origin}/__sim/records`)).json<SimRecords>();
    expect(viaHttp).toEqual(JSON.parse(JSON.stringify(await sim.records())));
    expect(viaHttp.dossiers[0]).toMatchObject({ localCode: 'L-23', kioskId: 'KIOSK07', officialCode: null, createCount: 1, submitCount: 0 });
    expect(viaHttp.counters.createDossier.requests).toBe(1);
    expect((await rawRequest(`${sim.url}/__sim/records`)).status).toBe(404);
  });
});
