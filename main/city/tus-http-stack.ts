import type { HttpRequest, HttpResponse, HttpStack } from 'tus-js-client';
import type { CityError } from './city-client-types.js';
import type { CityConnection } from './city-connection.js';
import { sendRaw, type RawRequest, type RawResponse } from './http-transport.js';
import { firstHeader } from './problem-errors.js';

// tus-js-client's HTTP stack, backed by our transport: the same keep-alive agent (client
// certificate included), headers, connect and idle timeouts, and a count of the body bytes
// this upload actually put on the wire, so resume efficiency can be measured.

/** thrown into tus-js-client, which wraps it as `causingError`; carries the typed cause */
export class CityTransportFailure extends Error {
  constructor(readonly cityError: CityError) {
    super(cityError.message);
    this.name = 'CityTransportFailure';
  }
}

export class CityTusStack implements HttpStack {
  bytesSent = 0;

  constructor(readonly conn: CityConnection) {}

  createRequest(method: string, url: string): HttpRequest {
    return new CityTusRequest(this, method, url);
  }

  getName(): string {
    return 'CityTusStack';
  }
}

const METHODS = new Set<RawRequest['method']>(['GET', 'HEAD', 'POST', 'PATCH', 'DELETE', 'OPTIONS']);
const isMethod = (m: string): m is RawRequest['method'] => METHODS.has(m as RawRequest['method']);

class CityTusRequest implements HttpRequest {
  private readonly headers: Record<string, string> = {};
  private progress: (bytesSent: number) => void = () => {};
  private readonly abortion = new AbortController();

  constructor(
    private readonly stack: CityTusStack,
    private readonly method: string,
    private readonly url: string,
  ) {}

  getMethod(): string {
    return this.method;
  }

  getURL(): string {
    return this.url;
  }

  setHeader(header: string, value: string): void {
    this.headers[header] = value;
  }

  getHeader(header: string): string | undefined {
    return this.headers[header];
  }

  setProgressHandler(handler: (bytesSent: number) => void): void {
    this.progress = handler;
  }

  async send(body: unknown): Promise<HttpResponse> {
    const method = this.method.toUpperCase();
    if (!isMethod(method)) throw new Error(`tus asked for an unsupported method ${this.method}`);
    if (body != null && !(body instanceof Uint8Array)) throw new Error('tus body must be a Buffer');
    let sent = 0;
    const res = await sendRaw(this.stack.conn, {
      method,
      url: this.url,
      headers: { ...this.stack.conn.baseHeaders, ...this.headers },
      ...(body != null ? { body: Buffer.from(body.buffer, body.byteOffset, body.byteLength) } : {}),
      signal: this.abortion.signal,
      onBodyBytes: (n) => {
        sent += n;
        this.stack.bytesSent += n;
        this.progress(sent);
      },
    });
    if (!res.ok) throw new CityTransportFailure(res.error);
    return new CityTusResponse(res.value);
  }

  abort(): Promise<void> {
    this.abortion.abort();
    return Promise.resolve();
  }

  getUnderlyingObject(): unknown {
    return null;
  }
}

export class CityTusResponse implements HttpResponse {
  constructor(readonly raw: RawResponse) {}

  getStatus(): number {
    return this.raw.status;
  }

  getHeader(header: string): string | undefined {
    return firstHeader(this.raw.headers[header.toLowerCase()]);
  }

  getBody(): string {
    return this.raw.body.toString('utf8');
  }

  getUnderlyingObject(): unknown {
    return this.raw;
  }
}
