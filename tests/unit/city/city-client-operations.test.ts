import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCityClient, type ClosableCityClient } from '../../../main/city/city-client.js';
import { json, startScriptedServer, type ScriptedServer } from '../../helpers/city-client-test-server.js';
import { status, submission } from './city-fixtures.js';

// Every operation's happy path against a real HTTP server: path, method, headers, body.

let server: ScriptedServer;
let client: ClosableCityClient;

beforeAll(async () => {
  server = await startScriptedServer();
  client = createCityClient({ baseUrl: server.baseUrl, kioskId: 'K0007', auth: { type: 'bearer', token: 'tok-123' }, connectTimeoutMs: 2000, idleTimeoutMs: 2000 });
});
afterAll(async () => {
  client.close();
  await server.close();
});
afterEach(() => {
  server.requests.length = 0;
});

const last = () => {
  const r = server.requests.at(-1);
  if (!r) throw new Error('the server saw no request');
  return r;
};

describe('city client operations', () => {
  it('createDossier posts the submission with kiosk id, idempotency key and bearer token', async () => {
    server.respond = json(201, { dossierId: 'd-42', status: 'awaiting_attachments', uploadsRequired: ['a'.repeat(64)] });
    const r = await client.createDossier('5b0c7e6e-0d4e-4b7a-9f57-2d1c3c3f9a10', submission);
    expect(r).toEqual({ ok: true, value: { dossierId: 'd-42', status: 'awaiting_attachments', uploadsRequired: ['a'.repeat(64)] } });
    const req = last();
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v1/dossiers');
    expect(req.headers['x-kiosk-id']).toBe('K0007');
    expect(req.headers['idempotency-key']).toBe('5b0c7e6e-0d4e-4b7a-9f57-2d1c3c3f9a10');
    expect(req.headers.authorization).toBe('Bearer tok-123');
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body)).toEqual(submission);
  });

  it('createDossier takes a 200 replay as the same answer', async () => {
    server.respond = json(200, { dossierId: 'd-42', status: 'submitted' });
    const r = await client.createDossier('k1', submission);
    expect(r).toEqual({ ok: true, value: { dossierId: 'd-42', status: 'submitted' } });
  });

  it('submitDossier posts to /dossiers/{id}/submit and returns the status', async () => {
    server.respond = json(200, status);
    const r = await client.submitDossier('k2', 'd/42');
    expect(r).toEqual({ ok: true, value: status });
    expect(last()).toMatchObject({ method: 'POST', url: '/v1/dossiers/d%2F42/submit', headers: { 'idempotency-key': 'k2', 'x-kiosk-id': 'K0007' } });
  });

  it('getStatus gets /dossiers/{code} without an idempotency key', async () => {
    server.respond = json(200, status);
    const r = await client.getStatus('000.00.01.H26-261123-0042');
    expect(r).toEqual({ ok: true, value: status });
    expect(last()).toMatchObject({ method: 'GET', url: '/v1/dossiers/000.00.01.H26-261123-0042', headers: { 'x-kiosk-id': 'K0007', authorization: 'Bearer tok-123' } });
    expect(last().headers['idempotency-key']).toBeUndefined();
  });

  it('findByLocalCode queries /dossiers?localCode=', async () => {
    server.respond = json(200, status);
    const r = await client.findByLocalCode('K0007-261123-0031');
    expect(r).toEqual({ ok: true, value: status });
    expect(last()).toMatchObject({ method: 'GET', url: '/v1/dossiers?localCode=K0007-261123-0031' });
  });

  it('rateDossier posts the rating and tells a replay (200) from a first record (201)', async () => {
    const rating = { level: 3 as const, ratedAt: '2026-11-23T10:00:00+07:00', comment: 'Nhanh' };
    server.respond = (_req, res) => res.writeHead(201).end();
    expect(await client.rateDossier('r-1', 'X-261123-0042', rating)).toEqual({ ok: true, value: { replay: false } });
    expect(last()).toMatchObject({ method: 'POST', url: '/v1/dossiers/X-261123-0042/ratings', headers: { 'idempotency-key': 'r-1' } });
    expect(JSON.parse(last().body)).toEqual(rating);
    server.respond = json(200, {});
    expect(await client.rateDossier('r-1', 'X-261123-0042', rating)).toEqual({ ok: true, value: { replay: true } });
  });

  it('listProcedures passes since only when given', async () => {
    const list = { asOf: '2026-11-23T00:00:00Z', procedures: [{ code: '1.000894', name: 'Đăng ký thường trú', version: '3', acceptsKiosk: true }] };
    server.respond = json(200, list);
    expect(await client.listProcedures('2026-11-01T00:00:00Z')).toEqual({ ok: true, value: list });
    expect(last().url).toBe('/v1/procedures?since=2026-11-01T00%3A00%3A00Z');
    await client.listProcedures();
    expect(last().url).toBe('/v1/procedures');
  });

  it('reuses one keep-alive connection for consecutive calls', async () => {
    server.respond = json(200, status);
    const before = server.connections();
    for (let i = 0; i < 3; i++) expect((await client.getStatus('X')).ok).toBe(true);
    expect(server.connections() - before).toBeLessThanOrEqual(1);
  });

  it('retries once on a fresh socket when a kept-alive one turns out dead', async () => {
    // the race a keep-alive client cannot avoid: the server dropped the idle socket just as
    // the request went out on it
    server.respond = json(200, status);
    expect((await client.getStatus('X')).ok).toBe(true);
    server.respond = (req, res) => (req.nthOnConnection > 1 ? res.socket?.resetAndDestroy() : json(200, status)(req, res));
    const before = server.connections();
    expect(await client.getStatus('X')).toEqual({ ok: true, value: status });
    expect(server.connections() - before).toBe(1);
  });
});
