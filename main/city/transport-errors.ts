import type { CityError } from './city-client-types.js';

// Node's socket and TLS errors, sorted into what the forwarder does about them: a network
// failure is retried later; a TLS handshake failure is a credentials problem a person must fix.

// certificate verification failures (OpenSSL's X509 codes as Node reports them)
const CERT_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'INVALID_CA',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT']);

export function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

export function cityErrorFromTransport(e: unknown): CityError {
  const code = errorCode(e);
  const detail = e instanceof Error ? e.message : String(e);
  const message = code && !detail.includes(code) ? `${code}: ${detail}` : detail;
  // ERR_SSL_* are TLS alerts and handshake failures, e.g. the server's "certificate required"
  if (code !== undefined && (CERT_CODES.has(code) || code.startsWith('ERR_SSL_'))) {
    return { kind: 'CityAuthFailed', retryable: false, message: `TLS handshake with the city failed: ${message}` };
  }
  if (code !== undefined && TIMEOUT_CODES.has(code)) return { kind: 'CityTimeout', retryable: true, message };
  // ECONNREFUSED, ECONNRESET (also "socket hang up"), EPIPE, ENOTFOUND, EAI_AGAIN, EHOSTUNREACH…
  return { kind: 'CityUnreachable', retryable: true, message };
}

export const cityTimeout = (phase: 'connect' | 'idle', ms: number): CityError => ({
  kind: 'CityTimeout',
  retryable: true,
  message: phase === 'connect' ? `no connection to the city within ${ms} ms` : `the city sent nothing for ${ms} ms`,
});

export const cityAborted = (): CityError => ({ kind: 'CityAborted', retryable: true, message: 'the request was aborted by the kiosk' });

export const cityProtocol = (message: string): CityError => ({ kind: 'CityProtocol', retryable: true, message });
