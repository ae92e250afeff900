import net from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCityClient, type ClosableCityClient } from '../../../main/city/city-client.js';
import { closeServer, json, listen, problem, refusedPort, startScriptedServer, type ScriptedServer } from '../../helpers/city-client-test-server.js';
import { status, submission } from './city-fixtures.js';

// How every way the city can fail reads to the forwarder: the kind and whether to retry.

let server: ScriptedServer;
let client: ClosableCityClient;
const IDLE_MS = 300;
const CONNECT_MS = 300;

const clientFor = (baseUrl: string) => createCityClient({ baseUrl, kioskId: 'K0007', auth: { type: 'none' }, connectTimeoutMs: CONNECT_MS, idleTimeoutMs: IDLE_MS });

beforeAll(async () => {
  server = await startScriptedServer();
  client = clientFor(server.baseUrl);
});
afterAll(async () => {
  client.close();
  await server.close();
});

const inThirty = new Date(Date.now() + 30_000).toUTCString();

describe('problem documents and statuses', () => {
  it.each([
    { status: 400, kind: 'CityRejected', retryable: false },
    { status: 404, kind: 'CityNotFound', retryable: false },
    { status: 409, kind: 'CityBusy', retryable: true },
    { status: 413, kind: 'CityRejected', retryable: false },
    { status: 422, kind: 'CityRejected', retryable: false },
    { status: 401, kind: 'CityAuthFailed', retryable: false },
    { status: 403, kind: 'CityAuthFailed', retryable: false },
    { status: 429, kind: 'CityBusy', retryable: true },
    { status: 500, kind: 'CityBusy', retryable: true },
    { status: 502, kind: 'CityBusy', retryable: true },
    { status: 503, kind: 'CityBusy', retryable: true },
    { status: 504, kind: 'CityBusy', retryable: true },
    { status: 501, kind: 'CityProtocol', retryable: true },
  ])('$status → $kind (retryable $retryable)', async ({ status: code, kind, retryable }) => {
    server.respond = problem(code, { title: `t${code}`, detail: 'Số CCCD 001099012345 sai' });
    const r = await client.createDossier('k', submission);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ kind, retryable });
    // a problem's detail may echo personal data; the message carries the title only
    expect(r.error.message).toContain(`t${code}`);
    expect(r.error.message).not.toContain('001099012345');
  });

  it('keeps the problem document on a permanent rejection', async () => {
    server.respond = problem(422, { title: 'invalid', errors: [{ pointer: '/applicant/idNumber', message: 'bad' }] });
    const r = await client.createDossier('k', submission);
    expect(r).toMatchObject({ ok: false, error: { kind: 'CityRejected', status: 422, problem: { title: 'invalid', errors: [{ pointer: '/applicant/idNumber' }] } } });
    if (!r.ok) expect(r.error.message).toContain('/applicant/idNumber');
  });

  it('422 with `missing` asks for those uploads again', async () => {
    const missing = ['b'.repeat(64), 'c'.repeat(64)];
    server.respond = problem(422, { title: 'attachments missing', missing });
    const r = await client.submitDossier('k', 'd-42');
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ kind: 'CityMissingUploads', retryable: true, missing }) });
  });

  it('429 Retry-After in seconds', async () => {
    server.respond = problem(429, { title: 'slow down' }, { 'retry-after': '7' });
    const r = await client.createDossier('k', submission);
    expect(r).toMatchObject({ ok: false, error: { kind: 'CityBusy', status: 429, retryAfterMs: 7000 } });
  });

  it('503 Retry-After as an HTTP date', async () => {
    server.respond = problem(503, { title: 'maintenance' }, { 'retry-after': inThirty });
    const r = await client.submitDossier('k', 'd-42');
    expect(r).toMatchObject({ ok: false, error: { kind: 'CityBusy', status: 503 } });
    const after = !r.ok && r.error.kind === 'CityBusy' ? r.error.retryAfterMs : undefined;
    expect(after).toBeGreaterThan(25_000);
    expect(after).toBeLessThanOrEqual(30_000);
  });

  it('a 500 without a problem document is still CityBusy', async () => {
    server.respond = (_req, res) => res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>oops</h1>');
    expect(await client.getStatus('X')).toMatchObject({ ok: false, error: { kind: 'CityBusy', status: 500, retryable: true } });
  });
});

describe('bodies that break the contract', () => {
  it('invalid JSON → CityProtocol', async () => {
    server.respond = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"dossierId": ');
    expect(await client.getStatus('X')).toMatchObject({ ok: false, error: { kind: 'CityProtocol', retryable: true } });
  });

  it('JSON that fails the schema → CityProtocol naming the field', async () => {
    server.respond = json(200, { ...status, statusCode: 11 });
    const r = await client.getStatus('X');
    expect(r).toMatchObject({ ok: false, error: { kind: 'CityProtocol' } });
    if (!r.ok) expect(r.error.message).toContain('statusCode');
  });
});

describe('network failures', () => {
  it('connection refused → CityUnreachable', async () => {
    const c = clientFor(`http://127.0.0.1:${await refusedPort()}/v1`);
    expect(await c.getStatus('X')).toMatchObject({ ok: false, error: { kind: 'CityUnreachable', retryable: true } });
    c.close();
  });

  it('accepted but no headers → CityTimeout after the idle timeout', async () => {
    server.respond = () => {}; // never answers
    const t0 = Date.now();
    const r = await client.getStatus('X');
    expect(r).toMatchObject({ ok: false, error: { kind: 'CityTimeout', retryable: true } });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(IDLE_MS - 20);
    expect(Date.now() - t0).toBeLessThan(IDLE_MS + 1500);
  });

  it('headers, then a stalled body → CityTimeout (idle body)', async () => {
    server.respond = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      res.write('{"dossierId":"d-42",');
    };
    const r = await client.getStatus('X');
    expect(r).toMatchObject({ ok: false, error: { kind: 'CityTimeout' } });
    if (!r.ok) expect(r.error.message).toContain('sent nothing');
  });

  it('a body that trickles faster than the idle timeout is not cut off', async () => {
    const text = JSON.stringify(status);
    server.respond = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
      const parts = [text.slice(0, 10), text.slice(10, 20), text.slice(20)];
      const tick = () => {
        const p = parts.shift();
        if (p === undefined) return;
        if (parts.length === 0) res.end(p);
        else res.write(p);
        setTimeout(tick, IDLE_MS / 2);
      };
      tick();
    };
    expect(await client.getStatus('X')).toEqual({ ok: true, value: status });
  });

  it('TCP accepted but the TLS handshake never comes → CityTimeout within the connect timeout', async () => {
    const sockets = new Set<Socket>();
    const silent = net.createServer((s) => sockets.add(s));
    await listen(silent);
    const c = clientFor(`https://127.0.0.1:${(silent.address() as AddressInfo).port}/v1`);
    const t0 = Date.now();
    const r = await c.getStatus('X');
    expect(r).toMatchObject({ ok: false, error: { kind: 'CityTimeout' } });
    if (!r.ok) expect(r.error.message).toContain('no connection');
    expect(Date.now() - t0).toBeLessThan(CONNECT_MS + 1500);
    c.close();
    await closeServer(silent, sockets);
  });

  it('the server resets the connection → CityUnreachable', async () => {
    server.respond = (_req, res) => res.socket?.resetAndDestroy();
    expect(await client.createDossier('k', submission)).toMatchObject({ ok: false, error: { kind: 'CityUnreachable', retryable: true } });
  });

  it('the server closes in the middle of the body → CityUnreachable', async () => {
    server.respond = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      res.write('{"dossierId":', () => res.destroy());
    };
    expect(await client.getStatus('X')).toMatchObject({ ok: false, error: { kind: 'CityUnreachable' } });
  });

  it('an AbortSignal stops the request → CityAborted', async () => {
    server.respond = () => {};
    const c = createCityClient({ baseUrl: server.baseUrl, kioskId: 'K0007', auth: { type: 'none' }, connectTimeoutMs: 5000, idleTimeoutMs: 5000 });
    const ac = new AbortController();
    const seen = server.requests.length;
    const pending = c.uploadAttachment('d', { sha256: 'a'.repeat(64), size: 1, fileName: 'a.pdf', mediaType: 'application/pdf', componentId: 'x', read: async () => Buffer.from('x') }, { signal: ac.signal });
    await vi.waitFor(() => expect(server.requests.length).toBeGreaterThan(seen));
    ac.abort();
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'CityAborted' } });
    c.close();
  });
});
