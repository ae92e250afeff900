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
