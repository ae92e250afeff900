import { createServer as createTcpServer, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCityClient } from '../../../main/city/city-client.js';
import { certificates, probeCity } from '../../../main/diagnostics/network-check.js';
import { makeTestPki, type TestPki } from '../../helpers/city-client-certs.js';

let pki: TestPki;
beforeAll(async () => {
  pki = await makeTestPki();
});
afterAll(async () => {
  await pki?.remove();
});

describe('the Network screen’s checks', () => {
  it('reads the days left on the client certificate, the CA and the certificate the city presents', async () => {
    const server = createTlsServer({ cert: pki.serverCert, key: pki.serverKey }, (s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    try {
      const secrets = { pins: { technician: [], officer: [] }, city: { clientCertFile: pki.files.clientCert, clientKeyFile: pki.files.clientKey, caFile: pki.files.caCert } };
      const certs = await certificates(secrets, `https://127.0.0.1:${port}/v1`, 2000, Date.now());
      expect(certs).toEqual([
        expect.objectContaining({ which: 'client', subject: 'CN=KIOSK-K0007', error: null }),
        expect.objectContaining({ which: 'ca', subject: 'CN=Test City CA', error: null }),
        expect.objectContaining({ which: 'server', subject: 'CN=127.0.0.1', error: null }),
      ]);
      // the test PKI's certificates are made for two days
      for (const c of certs) expect(c.daysLeft).toBeGreaterThanOrEqual(1);
      for (const c of certs) expect(c.daysLeft).toBeLessThanOrEqual(2);
      expect(await certificates({ pins: { technician: [], officer: [] }, city: { caFile: '/nonexistent/ca.pem' } }, 'http://127.0.0.1:1/v1', 500, Date.now())).toEqual([
        expect.objectContaining({ which: 'ca', notAfter: null, error: expect.stringContaining('ENOENT') }),
      ]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('says CityTimeout when the city takes the connection and never answers', async () => {
    const sockets = new Set<Socket>();
    const server = createTcpServer((s) => sockets.add(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    const client = createCityClient({ baseUrl: `http://127.0.0.1:${port}/v1`, kioskId: 'K1', auth: { type: 'none' }, connectTimeoutMs: 5000, idleTimeoutMs: 5000 });
    try {
      expect(await probeCity(client, 300)).toEqual({ reachable: false, latencyMs: null, error: 'CityTimeout: no answer within 300 ms' });
    } finally {
      client.close();
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    }
  });
});
