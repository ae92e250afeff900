import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCityClient, type ClosableCityClient } from '../../../main/city/city-client.js';
import { startScriptedServer, type ScriptedServer } from '../../helpers/city-client-test-server.js';

// A tus PATCH that dies with ECONNRESET on a kept-alive socket looks like the "stale socket"
// race, but its bytes may have reached the server: resending the same offset blindly gets a
// 409 after the whole chunk went out again. The resume is the next attempt's HEAD.

let server: ScriptedServer;
let client: ClosableCityClient;

beforeAll(async () => {
  server = await startScriptedServer();
  client = createCityClient({ baseUrl: server.baseUrl, kioskId: 'K0007', auth: { type: 'none' }, connectTimeoutMs: 2000, idleTimeoutMs: 5000 });
});
afterAll(async () => {
  client.close();
  await server.close();
});

describe('a tus PATCH reset after its body was sent', () => {
  it('is not re-sent on a fresh socket: one PATCH on the wire, CityUnreachable for the forwarder to resume', async () => {
    const bytes = randomBytes(200 * 1024);
    server.respond = (req, res) => {
      if (req.method === 'POST') {
        res.writeHead(201, { location: `${server.baseUrl}/uploads/abc`, 'tus-resumable': '1.0.0' }).end();
      } else {
        // the whole body arrived (a server would have stored it), then the link died
        res.socket?.resetAndDestroy();
      }
    };
    const r = await client.uploadAttachment('d-1', {
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      fileName: 'a.pdf',
      mediaType: 'application/pdf',
      componentId: 'tp1',
      read: async () => bytes,
    });
    expect(r).toMatchObject({ ok: false, error: { kind: 'CityUnreachable' } });
    const patches = server.requests.filter((q) => q.method === 'PATCH');
    // the PATCH went out on the socket the POST had used: the case the stale-socket retry is about
    expect(patches[0]?.nthOnConnection).toBe(2);
    expect(patches).toHaveLength(1);
  });

  it('a GET on a dead kept-alive socket is still retried once (the stale-socket race)', async () => {
    const list = JSON.stringify({ asOf: '2026-11-24T00:00:00Z', procedures: [] });
    server.respond = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(list);
    expect((await client.listProcedures()).ok).toBe(true);
    const before = server.requests.length;
    server.respond = (req, res) => (req.nthOnConnection > 1 ? res.socket?.resetAndDestroy() : res.writeHead(200, { 'content-type': 'application/json' }).end(list));
    expect((await client.listProcedures()).ok).toBe(true);
    expect(server.requests.length - before).toBe(2);
  });
});
