import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Readable, Transform } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { Server as TusServer, type Upload } from '@tus/server';
import { MAX_ATTACHMENT_BYTES, Sha256 } from '../../../common/city/city-contract.js';
import { problem, type SimResponse } from '../problem.js';
import { attachmentsOf, getDossier, recordReceived } from '../store.js';
import type { RouteContext } from './context.js';

// tus 1.0 at /v1/uploads, by @tus/server over a FileStore in the data dir. Uploads are checked
// against the dossier's declarations when created, and hashed when finished.

export const UPLOADS_PATH = '/v1/uploads';

export interface UploadsHandler {
  /** runs one tus request; `onBytes` sees every request body chunk as it arrives */
  handle(req: IncomingMessage, onBytes: (n: number) => void): Promise<SimResponse>;
}

/** what @tus/server understands as "refuse with this status and body" */
const refuse = (status_code: number, body: string): { status_code: number; body: string } => ({ status_code, body });

export const createUploadsHandler = (ctx: RouteContext, opts: { directory: string; proto: 'http' | 'https' }): UploadsHandler => {
  const store = new FileStore({ directory: opts.directory });

  const validate = async (upload: Upload): Promise<void> => {
    const m = upload.metadata ?? {};
    const dossierId = m.dossierId ?? '';
    const sha256 = m.sha256 ?? '';
    if (!dossierId || !Sha256.safeParse(sha256).success) throw refuse(400, 'Upload-Metadata must carry dossierId and a lower-case hex sha256');
    if (upload.size === undefined) throw refuse(400, 'Upload-Length is required (deferred length is not accepted)');
    const declared = await ctx.db.read(async (tx) => ((await getDossier(tx, dossierId)) ? attachmentsOf(tx, dossierId) : undefined));
    if (!declared) throw refuse(400, `dossier ${dossierId} is not known here`);
    if (!declared.some((a) => a.sha256 === sha256 && a.size === upload.size)) {
      throw refuse(400, `dossier ${dossierId} declared no attachment with sha256 ${sha256} and length ${upload.size}`);
    }
  };

  const hashStored = (id: string): Promise<{ sha256: string; size: number }> =>
    new Promise((resolve, reject) => {
      const h = createHash('sha256');
      let size = 0;
      store
        .read(id)
        .on('data', (c: Buffer | string) => {
          const b = Buffer.isBuffer(c) ? c : Buffer.from(c);
          size += b.length;
          h.update(b);
        })
        .on('error', reject)
        .on('end', () => resolve({ sha256: h.digest('hex'), size }));
    });

  const tus = new TusServer({
    path: UPLOADS_PATH,
    datastore: store,
    maxSize: MAX_ATTACHMENT_BYTES,
    // absolute, from the host the kiosk used, with the scheme this listener really speaks
    generateUrl: (_req, { host, path, id }) => `${opts.proto}://${host}${path}/${id}`,
    onUploadCreate: async (_req, upload) => {
      await validate(upload);
      return {};
    },
    onUploadFinish: async (_req, upload) => {
      const dossierId = upload.metadata?.dossierId ?? '';
      const declaredSha256 = upload.metadata?.sha256 ?? '';
      const got = await hashStored(upload.id);
      // a mismatch is recorded too: submit then lists this sha256 as missing
      await ctx.db.transaction((tx) => recordReceived(tx, { dossierId, declaredSha256, receivedSha256: got.sha256, size: got.size, uploadId: upload.id }));
      return {};
    },
  });

  return {
    handle: async (req, onBytes) => {
      const url = `${opts.proto}://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      let body: ReadableStream<Uint8Array> | undefined;
      let counter: Transform | undefined;
      if (req.method === 'PATCH' || req.method === 'POST') {
        counter = new Transform({
          transform(chunk: Buffer, _enc, cb) {
            onBytes(chunk.length);
            cb(null, chunk);
          },
        });
        // a kiosk that disconnects mid-body ends the upload stream normally rather than with an
        // error, so tus stores every byte that arrived (an error would discard its buffers)
        const end = counter;
        req.pipe(end);
        req.on('error', () => undefined);
        req.on('close', () => {
          if (!end.writableEnded) end.end();
        });
        body = Readable.toWeb(counter) as ReadableStream<Uint8Array>;
      }
      const res = await tus.handleWeb(new Request(url, { method: req.method ?? 'GET', headers, body, duplex: 'half' } as RequestInit));
      if (counter && !req.readableEnded) {
        // tus refused without reading the body (e.g. 409 wrong offset): drain it, or the
        // kiosk would stall writing into a connection nobody reads
        req.unpipe(counter);
        req.on('data', (c: Buffer) => onBytes(c.length));
        req.resume();
      }
      const outHeaders: Record<string, string> = {};
      res.headers.forEach((v, k) => {
        if (k !== 'content-length' && k !== 'content-type') outHeaders[k] = v;
      });
      const text = await res.text();
      if (res.status >= 400) {
        const p = problem(res.status, 'upload-refused', 'Upload refused', text.trim() || `tus answered ${res.status}`);
        return { ...p, headers: { ...outHeaders, ...p.headers } };
      }
      return { status: res.status, headers: outHeaders, ...(text ? { body: Buffer.from(text), contentType: res.headers.get('content-type') ?? 'text/plain' } : {}) };
    },
  };
};
