import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { SimResponse } from './problem.js';

// Reading requests and writing responses, including the ways a faulty city mangles them.

export const MAX_JSON_BODY = 1024 * 1024;

/** The whole body, or null when it is larger than `limit` (the rest is left unread). */
export const readBody = async (req: IncomingMessage, limit = MAX_JSON_BODY): Promise<Buffer | null> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
};

export const encodeBody = (r: SimResponse): { bytes: Buffer; contentType: string | undefined } => {
  if (r.body === undefined) return { bytes: Buffer.alloc(0), contentType: r.contentType };
  if (Buffer.isBuffer(r.body)) return { bytes: r.body, contentType: r.contentType };
  return { bytes: Buffer.from(JSON.stringify(r.body)), contentType: r.contentType ?? 'application/json' };
};

export const send = (res: ServerResponse, r: SimResponse): void => {
  const { bytes, contentType } = encodeBody(r);
  const headers: Record<string, string> = { ...r.headers };
  if (contentType) headers['Content-Type'] = contentType;
  if (r.status !== 204 && r.status !== 304) headers['Content-Length'] = String(bytes.length);
  res.writeHead(r.status, headers);
  res.end(r.status === 204 || r.status === 304 ? undefined : bytes);
};

export interface SlowBodyPace {
  chunkBytes: number;
  intervalMs: number;
}

/** Headers at once, then the body a few bytes at a time: a city behind a congested link. */
export const sendSlowly = (res: ServerResponse, r: SimResponse, pace: SlowBodyPace): void => {
  const { bytes, contentType } = encodeBody(r);
  const headers: Record<string, string> = { ...r.headers, 'Content-Length': String(bytes.length) };
  if (contentType) headers['Content-Type'] = contentType;
  res.writeHead(r.status, headers);
  res.flushHeaders();
  let at = 0;
  const tick = (): void => {
    if (res.destroyed || res.writableEnded) return;
    const next = bytes.subarray(at, at + pace.chunkBytes);
    at += next.length;
    if (at >= bytes.length) {
      res.end(next);
      return;
    }
    res.write(next);
    setTimeout(tick, pace.intervalMs).unref();
  };
  tick();
};

/** Ends the connection without an answer; a TCP RST where the socket allows it. */
export const dropConnection = (socket: Socket): void => {
  try {
    // a TLS socket has no TCP handle of its own and throws here; destroy() still ends it
    socket.resetAndDestroy();
  } catch {
    socket.destroy();
  }
};
