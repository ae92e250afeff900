import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

// Raw HTTP for the city simulator's tests: one fresh connection per request, so a dropped or
// reset connection shows up as the error a kiosk would see, and nothing is pooled between tests.

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** how many pieces the body arrived in (slowBody shows up here) */
  chunks: number;
  json<T = unknown>(): T;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** fail with code 'CLIENT_TIMEOUT' after this long */
  timeoutMs?: number;
  tls?: { ca?: string; cert?: string; key?: string };
}

export const rawRequest = (url: string, opts: RawRequest = {}): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const u = new URL(url);
    const body = opts.body === undefined ? undefined : Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(opts.body);
    const headers: Record<string, string> = { ...opts.headers };
    if (body && headers['Content-Length'] === undefined) headers['Content-Length'] = String(body.length);
    const common = { method: opts.method ?? 'GET', headers, agent: false as const };
    const req =
      u.protocol === 'https:'
        ? httpsRequest(u, { ...common, ...opts.tls })
        : httpRequest(u, common);
    if (opts.timeoutMs !== undefined) {
      req.setTimeout(opts.timeoutMs, () => req.destroy(Object.assign(new Error('client timeout'), { code: 'CLIENT_TIMEOUT' })));
    }
    req.on('error', reject);
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('error', reject);
      res.on('aborted', () => reject(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, chunks: parts.length, json: <T>() => JSON.parse(text) as T });
      });
    });
    req.end(body);
  });

/** the error code a failed request ended with */
export const errorCode = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? (e as Error).message;
  }
  throw new Error('expected the request to fail');
};
