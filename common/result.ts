// Results as values across the KioskApi boundary (after Signal Desktop's IPC):
// the renderer never sees a stack trace, only a kind of error it can word for a resident.
import type { KioskError } from './errors.js';

export type Ok<T> = { ok: true; value: T };
export type Err<E = KioskError> = { ok: false; error: E };
export type Result<T, E = KioskError> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E = KioskError>(error: E): Err<E> => ({ ok: false, error });
