import type { ServerOptions } from 'node:https';

/** PEM material for HTTPS; with `requestClientCert` the city insists on mutual TLS. */
export interface SimTlsOptions {
  cert: string | Buffer;
  key: string | Buffer;
  /** the CA that signs kiosk client certificates */
  ca?: string | Buffer;
  requestClientCert?: boolean;
}

export const httpsOptions = (tls: SimTlsOptions): ServerOptions => ({
  cert: tls.cert,
  key: tls.key,
  ...(tls.ca ? { ca: tls.ca } : {}),
  // a kiosk without a certificate signed by `ca` never gets past the handshake
  requestCert: tls.requestClientCert === true,
  rejectUnauthorized: tls.requestClientCert === true,
});
