import { errorKinds, kioskError, type KioskError } from '../../common/errors.js';
import type { Result } from '../../common/result.js';

// Actors reject with the KioskError itself, so the machine's onError can word it by kind.
export const unwrap = <T>(result: Result<T, KioskError>): T => {
  if (result.ok) return result.value;
  throw result.error;
};

export const asKioskError = (e: unknown): KioskError => {
  if (typeof e === 'object' && e !== null) {
    const kind = (e as { kind?: unknown }).kind;
    if ((errorKinds as readonly unknown[]).includes(kind)) return e as KioskError;
  }
  return kioskError('Internal', e instanceof Error ? e.message : 'unexpected failure');
};

/** Kinds that the same call, simply repeated, cannot get past: the resident must do something else. */
const neverByRetry: readonly KioskError['kind'][] = ['SessionNotFound'];

/** Whether a failure screen offers Retry: the core's word when it gives one, else the kind's. */
export const mayRetry = (error: KioskError | null): boolean => error !== null && (error.retryable ?? !neverByRetry.includes(error.kind));
