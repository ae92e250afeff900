import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCityClient, type CityAuth } from '../../../main/city/city-client.js';
import { makeTestPki, type TestPki } from '../../helpers/city-client-certs.js';
import { json, startScriptedServer, type ScriptedServer } from '../../helpers/city-client-test-server.js';
import { startTusServer, type TestTusServer } from '../../helpers/city-client-tus-server.js';
import { status } from './city-fixtures.js';

// Mutual TLS against a real https server that demands a client certificate from the city's
// CA, with a PKI made by openssl for this run.

let pki: TestPki;
let server: ScriptedServer;
let tus: TestTusServer;

beforeAll(async () => {
  pki = await makeTestPki();
  const tls = { key: pki.serverKey, cert: pki.serverCert, ca: pki.caCert, requestCert: true, rejectUnauthorized: true };
  server = await startScriptedServer(tls);
  server.respond = json(200, status);
  tus = await startTusServer(tls);
});
afterAll(async () => {
  await server?.close();
  await tus?.close();
  await pki?.remove();
});

const clientWith = (auth: CityAuth, baseUrl = server.baseUrl) => createCityClient({ baseUrl, kioskId: 'K0007', auth, connectTimeoutMs: 2000, idleTimeoutMs: 2000 });

describe('mutual TLS', () => {
  it('the kiosk certificate from the city CA gets through, and the server sees who it is', async () => {
    const c = clientWith({ type: 'mtls', cert: pki.clientCert, key: pki.clientKey, ca: pki.caCert });
    expect(await c.getStatus('X')).toEqual({ ok: true, value: status });
    expect(server.requests.at(-1)?.clientCn).toBe('KIOSK-K0007');
    c.close();
  });

  // TLS 1.3 finishes the client's side of the handshake before the server checks the client
  // certificate, so the refusal arrives as the server's "certificate required" alert on the
  // first read: mapped to CityAuthFailed, not CityUnreachable, because retrying cannot help
  it('no client certificate → CityAuthFailed', async () => {
    const c = clientWith({ type: 'none', ca: pki.caCert });
    const r = await c.getStatus('X');
    expect(r).toMatchObject({ ok: false, error: { kind: 'CityAuthFailed', retryable: false } });
    c.close();
  });

  it('a server certificate from a CA the kiosk does not trust → CityAuthFailed', async () => {
    const c = clientWith({ type: 'mtls', cert: pki.clientCert, key: pki.clientKey, ca: pki.otherCaCert });
    const r = await c.getStatus('X');
    expect(r).toMatchObject({ ok: false, error: { kind: 'CityAuthFailed', retryable: false } });
    if (!r.ok) expect(r.error.message).toMatch(/certificate|TLS/i);
    c.close();
  });

  it('the system roots alone do not trust the city CA → CityAuthFailed', async () => {
    const c = clientWith({ type: 'mtls', cert: pki.clientCert, key: pki.clientKey });
    expect(await c.getStatus('X')).toMatchObject({ ok: false, error: { kind: 'CityAuthFailed' } });
    c.close();
  });

  it('tus uploads go over the same client certificate', async () => {
    const c = clientWith({ type: 'mtls', cert: pki.clientCert, key: pki.clientKey, ca: pki.caCert }, tus.baseUrl);
    const bytes = randomBytes(300_000);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const r = await c.uploadAttachment('d-42', { sha256, size: bytes.length, fileName: 'a.pdf', mediaType: 'application/pdf', componentId: 'x', read: async () => bytes });
    if (!r.ok) throw new Error(r.error.message);
    expect((await tus.upload(r.value.uploadUrl)).sha256).toBe(sha256);
    c.close();
  });
});
