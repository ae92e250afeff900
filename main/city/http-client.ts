import type { z } from 'zod';
import { err, ok, type Result } from '../../common/result.js';
import type { CityError } from './city-client-types.js';
import type { CityConnection } from './city-connection.js';
import { sendRaw } from './http-transport.js';
import { cityErrorFromStatus } from './problem-errors.js';
import { cityProtocol } from './transport-errors.js';

// A JSON call to the city: the contract's headers on the way out, the contract's schemas on
// the way back. Mutating calls cannot be written without an Idempotency-Key.

export type CityCall =
  | { method: 'GET'; path: string; query?: Readonly<Record<string, string | undefined>>; signal?: AbortSignal }
  | { method: 'POST'; path: string; idempotencyKey: string; json: unknown; signal?: AbortSignal };

export interface CityAnswer<T> {
  status: number;
  value: T;
}

/**
 * `expected` lists the success statuses; any other status becomes a CityError, and a success
 * whose body does not match `schema` becomes CityProtocol (an empty body is `undefined`).
 */
export async function cityRequest<T>(
  conn: CityConnection,
  call: CityCall,
  expected: readonly number[],
  schema: z.ZodType<T>,
): Promise<Result<CityAnswer<T>, CityError>> {
  const headers: Record<string, string> = { ...conn.baseHeaders, accept: 'application/json, application/problem+json' };
  let body: Buffer | undefined;
  if (call.method === 'POST') {
    headers['idempotency-key'] = call.idempotencyKey;
    headers['content-type'] = 'application/json';
    body = Buffer.from(JSON.stringify(call.json), 'utf8');
  }
  const res = await sendRaw(conn, { method: call.method, url: cityUrl(conn, call), headers, ...(body ? { body } : {}), ...(call.signal ? { signal: call.signal } : {}) });
  if (!res.ok) return res;
  const { status, headers: resHeaders, body: resBody } = res.value;
  if (!expected.includes(status)) return err(cityErrorFromStatus(status, resHeaders, resBody));

  let data: unknown;
  try {
    data = resBody.length === 0 ? undefined : JSON.parse(resBody.toString('utf8'));
  } catch {
    return err(cityProtocol(`HTTP ${status} ${call.method} ${call.path}: the body is not JSON`));
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).slice(0, 5).join('; ');
    return err(cityProtocol(`HTTP ${status} ${call.method} ${call.path}: the body breaks the contract: ${where}`));
  }
  return ok({ status, value: parsed.data });
}

export function cityUrl(conn: CityConnection, call: CityCall): string {
  const query = call.method === 'GET' && call.query ? new URLSearchParams(Object.entries(call.query).filter((e): e is [string, string] => e[1] !== undefined)).toString() : '';
  return `${conn.baseUrl}${call.path}${query ? `?${query}` : ''}`;
}
