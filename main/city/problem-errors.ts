import type { IncomingHttpHeaders } from 'node:http';
import { Problem } from '../../common/city/city-contract.js';
import type { CityError } from './city-client-types.js';
import { retryAfterMs } from './retry-after.js';

// An unexpected HTTP status (and its RFC 9457 problem, when there is one) as a CityError
// that tells the forwarder whether to retry, re-upload, or give up on the dossier.

export function parseProblem(headers: IncomingHttpHeaders, body: Buffer): Problem | undefined {
  const type = headers['content-type'] ?? '';
  if (body.length === 0 || !/json/i.test(type)) return undefined;
  try {
    const parsed = Problem.safeParse(JSON.parse(body.toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function cityErrorFromStatus(status: number, headers: IncomingHttpHeaders, body: Buffer, nowMs = Date.now()): CityError {
  const problem = parseProblem(headers, body);
  const message = describe(status, problem);
  const retryAfter = retryAfterMs(firstHeader(headers['retry-after']), nowMs);
  const later = retryAfter === undefined ? {} : { retryAfterMs: retryAfter };
  switch (status) {
    case 409: // the same Idempotency-Key is still being processed
    case 429:
    case 500:
    case 502:
    case 503:
    case 504:
      return { kind: 'CityBusy', retryable: true, status, ...later, message };
    case 401:
    case 403:
      return { kind: 'CityAuthFailed', retryable: false, status, message };
    case 404:
    case 410:
      return { kind: 'CityNotFound', retryable: false, message };
    case 422:
      if (problem?.missing !== undefined && problem.missing.length > 0) {
        return { kind: 'CityMissingUploads', retryable: true, missing: problem.missing, message };
      }
      break;
  }
  if (status >= 400 && status < 500) return { kind: 'CityRejected', retryable: false, status, ...(problem ? { problem } : {}), message };
  // other 5xx, 1xx, 3xx: not what the contract allows; retried, then dead-lettered
  return { kind: 'CityProtocol', retryable: true, message: `unexpected status: ${message}` };
}

// title and field pointers only: a problem's `detail` may echo personal data back
function describe(status: number, problem: Problem | undefined): string {
  const title = problem?.title ?? 'no problem document';
  const fields = problem?.errors?.map((e) => e.pointer).filter((p) => p !== undefined) ?? [];
  return `HTTP ${status}: ${title}${fields.length > 0 ? ` (${fields.join(', ')})` : ''}`;
}

export const firstHeader = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
