import { z } from 'zod';

// Pieces every part of the KioskApi contract shares (contract.ts, journey-contract.ts,
// diagnostics-contract.ts), kept apart so the parts do not import each other.

export const NoArgs = z.object({}).strict();
export const SessionId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be a session id');
export const QueueState = z.enum(['submitted', 'uploading', 'delivered', 'tracked', 'purged', 'dead']);
export type QueueState = z.infer<typeof QueueState>;

export const method = <A extends z.ZodType, R extends z.ZodType>(args: A, result: R) => ({ args, result });
