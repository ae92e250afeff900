import http from 'node:http';
import https from 'node:https';

// Everything a request to the city needs that does not change between requests: where, who
// we are, how we prove it, and how long we wait. One keep-alive agent per client, so the
// TLS handshake (and its client certificate) is paid once per socket, not per request.

export type Pem = string | Buffer;

/** How the kiosk proves itself to the city. `ca` pins the city's CA instead of the system roots. */
export type CityAuth =
  | { type: 'none'; ca?: Pem }
  | { type: 'bearer'; token: string; ca?: Pem }
  | { type: 'mtls'; cert: Pem; key: Pem; ca?: Pem };

export interface CityClientOptions {
  /** the contract's server URL, `/v1` included; every path is relative to it */
  baseUrl: string;
  kioskId: string;
  auth: CityAuth;
  /** TCP connect plus TLS handshake */
  connectTimeoutMs: number;
  /** no byte in either direction for this long, once connected (headers or body) */
  idleTimeoutMs: number;
  /** tus PATCH size; default 1 MiB */
  uploadChunkBytes?: number;
}

export interface CityConnection {
  baseUrl: string;
  agent: http.Agent;
  /** X-Kiosk-Id and Authorization, sent on every request including tus */
  baseHeaders: Readonly<Record<string, string>>;
  connectTimeoutMs: number;
  idleTimeoutMs: number;
}

export function openCityConnection(opts: CityClientOptions): CityConnection {
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const secure = baseUrl.startsWith('https:');
  const auth = opts.auth;
  const agent = secure
    ? new https.Agent({
        keepAlive: true,
        rejectUnauthorized: true,
        ...(auth.ca !== undefined ? { ca: auth.ca } : {}),
        ...(auth.type === 'mtls' ? { cert: auth.cert, key: auth.key } : {}),
      })
    : new http.Agent({ keepAlive: true });
  const baseHeaders: Record<string, string> = { 'x-kiosk-id': opts.kioskId };
  if (auth.type === 'bearer') baseHeaders.authorization = `Bearer ${auth.token}`;
  return { baseUrl, agent, baseHeaders, connectTimeoutMs: opts.connectTimeoutMs, idleTimeoutMs: opts.idleTimeoutMs };
}
