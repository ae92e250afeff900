import type { z } from 'zod';
import type { Problem } from '../../common/city/city-contract.js';

// RFC 9457 problem documents, the only shape of error the simulator answers with.

/** What a route handler answers; `http-io.ts` writes it (or, under a fault, mangles it). */
export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serialisable, or a Buffer sent as is */
  body?: unknown;
  contentType?: string;
}

const problemType = (slug: string): string => `https://intake.example.invalid/problems/${slug}`;

export const problem = (status: number, slug: string, title: string, detail: string, extra: Partial<Problem> = {}, headers: Record<string, string> = {}): SimResponse => ({
  status,
  contentType: 'application/problem+json',
  headers,
  body: { type: problemType(slug), title, status, detail, ...extra } satisfies Problem,
});

/** JSON Pointer (RFC 6901) of a zod issue path into the request body. */
export const jsonPointer = (path: readonly PropertyKey[]): string =>
  path.map((p) => '/' + String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('');

export const invalidBody = (error: z.ZodError): SimResponse =>
  problem(400, 'invalid-body', 'Invalid request body', `${error.issues.length} field(s) do not follow the contract`, {
    errors: error.issues.map((i) => ({ pointer: jsonPointer(i.path), message: i.message })),
  });

export const retryLater = (status: 429 | 503, retryAfterSeconds: number, detail: string): SimResponse =>
  problem(status, status === 429 ? 'too-many-requests' : 'unavailable', status === 429 ? 'Too many requests' : 'Service unavailable', detail, {}, {
    'Retry-After': String(retryAfterSeconds),
  });
