import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { KioskEvent } from '../../../common/kiosk-api/events.js';
import type { CallMessage, ServerMessage } from '../../../common/kiosk-api/wire.js';
import { apiSocketUrl, createWsTransport, type SocketLike } from '../../../renderer/api/ws-transport.js';

// A real WebSocket server on loopback stands in for the browser host.

interface Server {
  wss: WebSocketServer;
  url: string;
  calls: CallMessage[];
  sockets: Set<WebSocket>;
  connections: number;
  nextConnection(): Promise<WebSocket>;
  nextCall(): Promise<{ call: CallMessage; socket: WebSocket }>;
}

const servers: Server[] = [];
const closers: (() => void)[] = [];

/** Items that arrive before anyone waits for them are kept, not lost. */
const queue = <T>() => {
  const items: T[] = [];
  const waiters: ((item: T) => void)[] = [];
  return {
    put(item: T) {
      const waiter = waiters.shift();
      if (waiter) waiter(item);
      else items.push(item);
    },
    next(): Promise<T> {
      const item = items.shift();
      return item !== undefined ? Promise.resolve(item) : new Promise((resolve) => waiters.push(resolve));
    },
  };
};

const startServer = async (port = 0): Promise<Server> => {
  const wss = new WebSocketServer({ host: '127.0.0.1', port });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const connections = queue<WebSocket>();
  const calls = queue<{ call: CallMessage; socket: WebSocket }>();
  const server: Server = {
    wss,
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/api?token=t`,
    calls: [],
    sockets: new Set(),
    connections: 0,
    nextConnection: connections.next,
    nextCall: calls.next,
  };
  wss.on('connection', (socket) => {
    server.connections++;
    server.sockets.add(socket);
    socket.on('close', () => server.sockets.delete(socket));
    socket.on('message', (data) => {
      const call = JSON.parse(String(data)) as CallMessage;
      server.calls.push(call);
      calls.put({ call, socket });
    });
    connections.put(socket);
  });
  servers.push(server);
  return server;
};

const reply = (socket: WebSocket, message: ServerMessage) => socket.send(JSON.stringify(message));

const transportFor = (url: string, extra: Partial<Parameters<typeof createWsTransport>[0]> = {}) => {
  const transport = createWsTransport({
    url,
    createSocket: (u) => new WebSocket(u) as unknown as SocketLike,
    initialBackoffMs: 20,
    maxBackoffMs: 80,
    ...extra,
  });
  closers.push(() => transport.close());
  return transport;
};

const nextConnectionState = (t: ReturnType<typeof transportFor>, want: boolean) =>
  new Promise<void>((resolve) => {
    const off = t.onConnection((up) => {
      if (up === want) {
        off();
        resolve();
      }
    });
  });

afterEach(async () => {
  for (const close of closers.splice(0)) close();
  for (const s of servers.splice(0)) {
    for (const socket of s.sockets) socket.terminate();
    await new Promise<void>((resolve) => s.wss.close(() => resolve()));
  }
});

describe('ws-transport', () => {
  it('builds the socket URL from the page location and its #token fragment', () => {
    expect(apiSocketUrl({ protocol: 'http:', host: '127.0.0.1:4321', hash: '#token=abc_DEF-1' })).toBe('ws://127.0.0.1:4321/api?token=abc_DEF-1');
    expect(apiSocketUrl({ protocol: 'https:', host: 'kiosk.local', hash: '' })).toBe('wss://kiosk.local/api?token=');
  });

  it('sends calls as envelopes and resolves them with the matching reply', async () => {
    const server = await startServer();
    const t = transportFor(server.url);
    const first = t.call('app.info', {});
    const second = t.call('session.start', { locale: 'vi' });
    const a = await server.nextCall();
    const b = await server.nextCall();
    expect(a.call).toMatchObject({ type: 'call', method: 'app.info', args: {} });
    expect(b.call).toMatchObject({ type: 'call', method: 'session.start', args: { locale: 'vi' } });
    expect(a.call.id).not.toBe(b.call.id);
    // answered out of order: ids, not order, pair them
    reply(b.socket, { type: 'reply', id: b.call.id, result: { ok: true, value: 'second' } });
    reply(a.socket, { type: 'reply', id: a.call.id, result: { ok: true, value: 'first' } });
    expect(await first).toEqual({ ok: true, value: 'first' });
    expect(await second).toEqual({ ok: true, value: 'second' });
  });

  it('passes core events to listeners', async () => {
    const server = await startServer();
    const t = transportFor(server.url);
    const socket = await server.nextConnection();
    const received = new Promise<KioskEvent>((resolve) => t.onEvent(resolve));
    const event: KioskEvent = { type: 'session.timer', sessionId: 's', phase: 'warning', remainingMs: 5000 };
    reply(socket, { type: 'event', event });
    expect(await received).toEqual(event);
  });

  it('fails calls in flight with TransportClosed when the socket drops, then reconnects', async () => {
    const server = await startServer();
    const t = transportFor(server.url);
    await server.nextConnection();
    const pending = t.call('devices.status', {});
    const { socket } = await server.nextCall();
    const down = nextConnectionState(t, false);
    const reconnected = server.nextConnection();
    socket.terminate();
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'TransportClosed' } });
    await down;
    await reconnected;
    expect(server.connections).toBe(2);

    const after = t.call('app.info', {});
    const again = await server.nextCall();
    reply(again.socket, { type: 'reply', id: again.call.id, result: { ok: true, value: 'back' } });
    expect(await after).toEqual({ ok: true, value: 'back' });
  });

  it('holds calls made while the core is away until it is back', async () => {
    const first = await startServer();
    const port = Number(new URL(first.url).port);
    const t = transportFor(first.url);
    await nextConnectionState(t, true);
    const down = nextConnectionState(t, false);
    for (const s of first.sockets) s.terminate();
    await new Promise<void>((resolve) => first.wss.close(() => resolve()));
    servers.splice(servers.indexOf(first), 1);
    await down;

    const call = t.call('queue.counts', {});
    const second = await startServer(port);
    const { call: received, socket } = await second.nextCall();
    expect(received.method).toBe('queue.counts');
    reply(socket, { type: 'reply', id: received.id, result: { ok: true, value: 'late' } });
    expect(await call).toEqual({ ok: true, value: 'late' });
  });

  it('never throws: no core within the wait, or no reply in time, is TransportClosed', async () => {
    const nobody = await startServer();
    const url = nobody.url;
    await new Promise<void>((resolve) => nobody.wss.close(() => resolve()));
    servers.splice(servers.indexOf(nobody), 1);
    const t = transportFor(url, { connectWaitMs: 100 });
    expect(await t.call('app.info', {})).toMatchObject({ ok: false, error: { kind: 'TransportClosed' } });

    const silent = await startServer();
    const quiet = transportFor(silent.url, { replyTimeoutMs: 100 });
    expect(await quiet.call('app.info', {})).toMatchObject({ ok: false, error: { kind: 'TransportClosed' } });
    expect(silent.calls).toHaveLength(1);
  });
});
