import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { resolve } from 'node:path';
import { WebSocketServer } from 'ws';
import { apiSocketPath } from '../../common/kiosk-api/wire.js';
import type { KioskCore } from '../core/kiosk-core.js';
import type { Logger } from '../log/logger.js';
import { handleSimControl, SIM_PREFIX, type SimTargets } from './sim-control.js';
import { serveStatic } from './static-files.js';
import { attachSocket } from './socket-session.js';
import { checkUpgrade } from './upgrade-guard.js';

export interface BrowserHostOptions {
  core: KioskCore;
  log: Logger;
  /** the built renderer (dist/renderer) */
  rendererDir: string;
  /** 0 picks a free port */
  port?: number;
  /** fixed token for tests; a fresh random one per launch otherwise */
  token?: string;
  /** the simulators `/__sim/` drives (sim-control.ts); null or absent: sim control is off */
  sim?: SimTargets | null;
}

export interface BrowserHost {
  /** the page to open, token in the fragment */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
// big enough for any KioskApi call; scans travel inside the core, not over this socket
const MAX_FRAME_BYTES = 1024 * 1024;

const refuse = (socket: Duplex, status: number, reason: string) => {
  const text = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status] ?? 'Bad Request';
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`);
};

/**
 * Serves the built renderer and the KioskApi over a WebSocket, on loopback only. The same
 * app then runs in Debian's Chromium (`--kiosk --app=URL`), in development and in e2e tests.
 */
export const startBrowserHost = async (o: BrowserHostOptions): Promise<BrowserHost> => {
  const token = o.token ?? randomBytes(32).toString('base64url');
  const rendererDir = resolve(o.rendererDir);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  let origin = '';

  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', origin).pathname;
    if (pathname === SIM_PREFIX.slice(0, -1) || pathname.startsWith(SIM_PREFIX)) {
      void handleSimControl(req, res, pathname, o.sim ?? null, { token, origin }, o.log);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    void serveStatic(rendererDir, pathname, res);
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = checkUpgrade({ url: req.url, origin: req.headers.origin, host: req.headers.host }, { path: apiSocketPath, token, origin });
    if (!verdict.ok) {
      o.log.warn('browser-host', 'socket refused', { status: verdict.status, reason: verdict.reason, remote: req.socket.remoteAddress });
      refuse(socket, verdict.status, verdict.reason);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attachSocket(ws, o.core, o.log));
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(o.port ?? 0, LOOPBACK, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${LOOPBACK}:${port}`;
  o.log.info('browser-host', 'listening', { origin });

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
};
