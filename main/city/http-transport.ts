import http from 'node:http';
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { err, ok, type Result } from '../../common/result.js';
import type { CityError } from './city-client-types.js';
import type { CityConnection } from './city-connection.js';
import { cityAborted, cityErrorFromTransport, cityProtocol, cityTimeout, errorCode } from './transport-errors.js';

// One HTTP exchange with the city over node:http(s), never throwing: every way it can go
// wrong comes back as a CityError. Shared by the JSON calls and the tus upload stack.

export interface RawRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'DELETE' | 'OPTIONS';
  /** absolute URL (tus Location headers are absolute) */
  url: string;
  headers: Readonly<Record<string, string>>;
  body?: Buffer;
  signal?: AbortSignal;
  /** body bytes handed to the socket, as they go */
  onBodyBytes?: (bytes: number) => void;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

// the city answers with small JSON documents; anything bigger is not the city we know
const MAX_RESPONSE_BYTES = 1024 * 1024;
// body slices small enough that progress and the idle timer see steady movement
const WRITE_SLICE_BYTES = 64 * 1024;

export async function sendRaw(conn: CityConnection, r: RawRequest): Promise<Result<RawResponse, CityError>> {
  const first = await attempt(conn, r);
  // A keep-alive socket the server closed while idle fails at once; the request never reached
  // the server, so one more try on a fresh socket is safe (Node's documented pattern).
  // Not for a tus PATCH: a reset mid-body looks the same, but part of the chunk may be stored,
  // and resending from the old offset only earns a 409 after the whole chunk went out again;
  // the next attempt resumes from the server's offset (HEAD) instead.
  if (!first.ok && first.staleSocket && r.method !== 'PATCH') return attempt(conn, r);
  return first;
}

type Attempt = Result<RawResponse, CityError> & { staleSocket?: boolean };

function attempt(conn: CityConnection, r: RawRequest): Promise<Attempt> {
  return new Promise<Attempt>((resolve) => {
    let settled = false;
    let gotResponse = false;
    let req: http.ClientRequest | undefined;

    const settle = (result: Attempt): void => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      r.signal?.removeEventListener('abort', onAbort);
      if (!result.ok) req?.destroy();
      resolve(result);
    };
    const onAbort = (): void => settle(err(cityAborted()));
    // armed before anything can settle, so settle can always clear it
    const connectTimer = setTimeout(() => settle(err(cityTimeout('connect', conn.connectTimeoutMs))), conn.connectTimeoutMs);
    if (r.signal?.aborted) return settle(err(cityAborted()));

    let url: URL;
    try {
      url = new URL(r.url);
    } catch {
      return settle(err(cityProtocol(`not a URL: ${r.url}`)));
    }
    const secure = url.protocol === 'https:';
    const headers: Record<string, string> = { ...r.headers };
    if (r.body !== undefined) headers['content-length'] = String(r.body.length);
    try {
      req = (secure ? https : http).request(url, { method: r.method, headers, agent: conn.agent });
    } catch (e) {
      return settle(err(cityErrorFromTransport(e)));
    }
    const request = req;
    r.signal?.addEventListener('abort', onAbort, { once: true });

    request.on('error', (e) => {
      const stale = request.reusedSocket && !gotResponse && (errorCode(e) === 'ECONNRESET' || errorCode(e) === 'EPIPE');
      settle(stale ? { ...err(cityErrorFromTransport(e)), staleSocket: true } : err(cityErrorFromTransport(e)));
    });
    request.on('close', () => {
      if (!gotResponse) settle(err({ kind: 'CityUnreachable', retryable: true, message: 'the connection closed before the city answered' }));
    });

    request.on('socket', (socket: Socket) => {
      const connected = (): void => {
        clearTimeout(connectTimer);
        // socket inactivity in either direction: covers waiting for headers and a stalled body
        request.setTimeout(conn.idleTimeoutMs, () => settle(err(cityTimeout('idle', conn.idleTimeoutMs))));
      };
      if (request.reusedSocket) connected();
      else socket.once(secure ? 'secureConnect' : 'connect', connected);
    });

    request.on('response', (res) => {
      gotResponse = true;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) settle(err(cityProtocol(`the city's response exceeds ${MAX_RESPONSE_BYTES} bytes`)));
        else chunks.push(chunk);
      });
      res.on('end', () => settle(ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })));
      res.on('error', (e) => settle(err(cityErrorFromTransport(e))));
      res.on('close', () => settle(err({ kind: 'CityUnreachable', retryable: true, message: 'the connection closed in the middle of the response' })));
    });

    if (r.body === undefined) request.end();
    else writeBody(request, r.body, r.onBodyBytes);
  });
}

function writeBody(req: http.ClientRequest, body: Buffer, onBytes?: (bytes: number) => void): void {
  let offset = 0;
  const next = (): void => {
    while (offset < body.length) {
      const slice = body.subarray(offset, offset + WRITE_SLICE_BYTES);
      offset += slice.length;
      const more = req.write(slice, (e) => {
        if (!e) onBytes?.(slice.length);
      });
      if (!more) {
        req.once('drain', next);
        return;
      }
    }
    req.end();
  };
  next();
}
