import http from 'node:http';
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Server as NetServer, Socket } from 'node:net';

// A real HTTP(S) server whose answer each test scripts, recording what the city client sent.

export interface RecordedRequest {
  method: string;
  /** path and query, as sent (the /v1 prefix included) */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** 1 for the first request on its connection, 2 for the next on the same keep-alive socket… */
  nthOnConnection: number;
  /** the verified client certificate's subject CN, over mTLS */
  clientCn?: string;
}

export type Responder = (req: RecordedRequest, res: http.ServerResponse) => void;

export interface ScriptedServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** sockets the server has accepted so far (keep-alive reuse shows as fewer) */
  connections: () => number;
  respond: Responder;
  close(): Promise<void>;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Responder => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};

export const problem = (status: number, doc: Record<string, unknown>, headers: Record<string, string> = {}): Responder => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/problem+json', ...headers }).end(JSON.stringify({ status, ...doc }));
};

export async function startScriptedServer(tls?: https.ServerOptions): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let accepted = 0;
  const perSocket = new WeakMap<object, number>();
  const state: ScriptedServer = {
    baseUrl: '',
    requests,
    connections: () => accepted,
    respond: json(500, { title: 'no responder set' }),
    close: () => closeServer(server, sockets),
  };
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const peer = 'getPeerCertificate' in req.socket && typeof req.socket.getPeerCertificate === 'function' ? req.socket.getPeerCertificate() : undefined;
      const cn = peer?.subject?.CN;
      const nthOnConnection = (perSocket.get(req.socket) ?? 0) + 1;
      perSocket.set(req.socket, nthOnConnection);
      const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), nthOnConnection, ...(typeof cn === 'string' ? { clientCn: cn } : {}) };
      requests.push(recorded);
      state.respond(recorded, res);
    });
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  server.on('connection', (s: Socket) => {
    accepted += 1;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // failed handshakes are what some tests are about; keep them off the console
  server.on('tlsClientError', () => {});
  await listen(server);
  state.baseUrl = `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return state;
}

export function listen(server: NetServer): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
}

export function closeServer(server: NetServer, sockets: Set<Socket>): Promise<void> {
  for (const s of sockets) s.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A port nothing listens on: bound, then released. */
export async function refusedPort(): Promise<number> {
  const s = http.createServer();
  await listen(s);
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
