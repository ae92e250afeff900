import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { EVENTS, Server, type Upload } from '@tus/server';
import { closeServer, listen } from './city-client-test-server.js';

// A real tus 1.0 server (@tus/server + @tus/file-store) at <base>/v1/uploads, over http or
// https, that records request headers and reports how many bytes it has stored.

export interface TusRequestSeen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface TestTusServer {
  baseUrl: string;
  seen: TusRequestSeen[];
  /** resolves once the server has received at least `bytes` of the upload at `uploadUrl` */
  stored(uploadUrl: string, bytes: number): Promise<void>;
  /** the stored upload behind a Location URL */
  upload(uploadUrl: string): Promise<{ sha256: string; size: number; metadata: Upload['metadata'] }>;
  close(): Promise<void>;
}

/** dossierId the server refuses at creation, as the city does for an unknown dossier */
export const UNKNOWN_DOSSIER = 'no-such-dossier';

export async function startTusServer(tls?: https.ServerOptions): Promise<TestTusServer> {
  const directory = await mkdtemp(join(tmpdir(), 'city-tus-'));
  const store = new FileStore({ directory });
  let origin = '';
  const tus = new Server({
    path: '/v1/uploads',
    datastore: store,
    // 0 means the 1 s default; progress must be fine-grained for the resume test
    postReceiveInterval: 1,
    generateUrl: (_req, { path, id }) => `${origin}${path}/${id}`,
    onUploadCreate: async (_req, upload) => {
      if (upload.metadata?.dossierId === UNKNOWN_DOSSIER) {
        throw { status_code: 400, body: JSON.stringify({ title: 'unknown dossier', status: 400 }) };
      }
      return {};
    },
  });
  const offsets = new Map<string, number>();
  const waiters: { id: string; bytes: number; resolve: () => void }[] = [];
  tus.on(EVENTS.POST_RECEIVE, (_req: unknown, upload: Upload) => {
    offsets.set(upload.id, Math.max(offsets.get(upload.id) ?? 0, upload.offset));
    for (const w of waiters.filter((x) => (offsets.get(x.id) ?? 0) >= x.bytes)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  const idOf = (uploadUrl: string): string => uploadUrl.slice(uploadUrl.lastIndexOf('/') + 1);

  const seen: TusRequestSeen[] = [];
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    void tus.handle(req, res);
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await listen(server);
  origin = `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl: `${origin}/v1`,
    seen,
    stored: (uploadUrl, bytes) => {
      const id = idOf(uploadUrl);
      return (offsets.get(id) ?? 0) >= bytes ? Promise.resolve() : new Promise((resolve) => waiters.push({ id, bytes, resolve }));
    },
    async upload(uploadUrl) {
      const id = idOf(uploadUrl);
      const data = await readFile(join(directory, id));
      const info = await store.getUpload(id);
      return { sha256: createHash('sha256').update(data).digest('hex'), size: data.length, metadata: info.metadata };
    },
    async close() {
      await closeServer(server, sockets);
      await rm(directory, { recursive: true, force: true });
    },
  };
}
