import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerMessage } from '../../../common/kiosk-api/wire.js';
import { startBrowserHost, type BrowserHost } from '../../../main/browser-host/server.js';
import { silentLogger } from '../../../main/log/logger.js';
import { startTestApp } from '../../helpers/test-app.js';

type App = Awaited<ReturnType<typeof startTestApp>>;
let app: App;
let host: BrowserHost;
let rendererDir: string;

beforeAll(async () => {
  app = await startTestApp();
  rendererDir = await mkdtemp(join(tmpdir(), 'kiosk-renderer-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  host = await startBrowserHost({ core: app.core, log: silentLogger, rendererDir });
});
afterAll(async () => {
  await host?.close();
  await app?.close();
});

/** Resolves with the HTTP status the server answered the upgrade with, or 101 when it opened. */
const tryConnect = (url: string, headers: Record<string, string>): Promise<{ status: number; ws?: WebSocket }> =>
  new Promise((done) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => done({ status: 101, ws }));
    ws.on('unexpected-response', (_req, res) => done({ status: res.statusCode ?? 0 }));
    ws.on('error', () => done({ status: -1 }));
  });

const apiUrl = (token: string | null, path = '/api') => `ws://127.0.0.1:${host.port}${path}${token === null ? '' : `?token=${encodeURIComponent(token)}`}`;

const open = async () => {
  const r = await tryConnect(apiUrl(host.token), { Origin: host.origin });
  if (!r.ws) throw new Error(`expected the socket to open, got ${r.status}`);
  const ws = r.ws;
  const frames: ServerMessage[] = [];
  const waiters: ((m: ServerMessage) => void)[] = [];
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString()) as ServerMessage;
    frames.push(m);
    waiters.splice(0).forEach((w) => w(m));
  });
  const next = (pred: (m: ServerMessage) => boolean) =>
    new Promise<ServerMessage>((resolve) => {
      const hit = frames.find(pred);
      if (hit) return resolve(hit);
      const wait = (m: ServerMessage) => (pred(m) ? resolve(m) : waiters.push(wait));
      waiters.push(wait);
    });
  return { ws, next };
};

describe('browser host: who may open the API socket', () => {
  it('listens on loopback only and hands out a long random token', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('a second launch gets a different token', async () => {
    const other = await startBrowserHost({ core: app.core, log: silentLogger, rendererDir });
    expect(other.token).not.toBe(host.token);
    await other.close();
  });

  it.each([
    ['no token', () => apiUrl(null), () => ({ Origin: host.origin }), 401],
    ['wrong token', () => apiUrl('x'.repeat(43)), () => ({ Origin: host.origin }), 401],
    ['token of another length', () => apiUrl(host.token.slice(1)), () => ({ Origin: host.origin }), 401],
    ['no Origin', () => apiUrl(host.token), () => ({}), 403],
    ['foreign Origin', () => apiUrl(host.token), () => ({ Origin: 'http://evil.example' }), 403],
    ['same host, other port', () => apiUrl(host.token), () => ({ Origin: 'http://127.0.0.1:1' }), 403],
    ['localhost spelling', () => apiUrl(host.token), () => ({ Origin: `http://localhost:${host.port}` }), 403],
    ['rebinding Host header', () => apiUrl(host.token), () => ({ Origin: host.origin, Host: `evil.example:${host.port}` }), 403],
    ['other path', () => apiUrl(host.token, '/socket'), () => ({ Origin: host.origin }), 404],
  ])('refuses %s', async (_name, url, headers, status) => {
    expect((await tryConnect(url(), headers())).status).toBe(status);
  });

  it('accepts the right token from the right Origin and answers calls', async () => {
    const { ws, next } = await open();
    ws.send(JSON.stringify({ type: 'call', id: 1, method: 'app.info', args: {} }));
    const reply = await next((m) => m.type === 'reply' && m.id === 1);
    expect(reply).toMatchObject({ type: 'reply', id: 1, result: { ok: true, value: { kioskId: 'TEST01' } } });
    ws.close();
  });

  it('answers malformed frames and unknown methods with typed errors and stays open', async () => {
    const { ws, next } = await open();
    ws.send('not json');
    expect(await next((m) => m.type === 'reply' && m.id === -1)).toMatchObject({ result: { ok: false, error: { kind: 'InvalidArguments' } } });
    ws.send(JSON.stringify({ type: 'call', id: 2, method: 'process.exit', args: {} }));
    expect(await next((m) => m.type === 'reply' && m.id === 2)).toMatchObject({ result: { ok: false, error: { kind: 'UnknownMethod' } } });
    ws.send(JSON.stringify({ type: 'call', id: 3, method: 'session.start', args: { locale: 'xx' } }));
    expect(await next((m) => m.type === 'reply' && m.id === 3)).toMatchObject({ result: { ok: false, error: { kind: 'InvalidArguments' } } });
    ws.send(JSON.stringify({ type: 'call', id: 4, method: 'app.info' }));
    expect(await next((m) => m.type === 'reply' && m.id === 4)).toMatchObject({ result: { ok: true } });
    ws.close();
  });

  it('pushes core events to the socket', async () => {
    const { ws, next } = await open();
    ws.send(JSON.stringify({ type: 'call', id: 1, method: 'session.start', args: { locale: 'vi' } }));
    const started = await next((m) => m.type === 'reply' && m.id === 1);
    expect(started).toMatchObject({ result: { ok: true } });
    // a reload that changes the site is one event every shell hears
    const site = JSON.parse(await readFile(app.sitePath, 'utf8'));
    site.hotline.phone = '1900 1234';
    await writeFile(app.sitePath, JSON.stringify(site));
    expect(await app.config.reload()).toMatchObject({ ok: true });
    expect(await next((m) => m.type === 'event' && m.event.type === 'config.changed')).toMatchObject({ event: { config: { kioskId: 'TEST01', hotline: { phone: '1900 1234' } } } });
    ws.close();
  });
});

describe('browser host: static files', () => {
  const get = (path: string) =>
    new Promise<{ status: number; headers: Record<string, unknown> }>((done, fail) => {
      const req = request({ host: '127.0.0.1', port: host.port, path, method: 'GET' }, (res) => {
        res.resume();
        done({ status: res.statusCode ?? 0, headers: res.headers });
      });
      req.on('error', fail);
      req.end();
    });

  it('serves the renderer with a strict CSP', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(String(r.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(String(r.headers['content-security-policy'])).not.toContain('unsafe');
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/..%2f..%2fetc%2fpasswd', '/%00index.html', '/nope.js'])('refuses %s', async (path) => {
    expect((await get(path)).status).toBe(404);
  });
});
