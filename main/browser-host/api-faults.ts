import { z } from 'zod';
import { errorKinds, kioskError, type ErrorKind, type KioskError } from '../../common/errors.js';
import { kioskMethods, type KioskMethod } from '../../common/kiosk-api/methods.js';
import { err } from '../../common/result.js';
import type { Handler, Handlers } from '../core/dispatcher.js';

// API fault injection for the end-to-end tests: the next calls of a KioskApi method answer a
// typed error instead of running, so the failure screens a healthy core never produces (a
// submit the outbox could not keep, a rating that was not saved) can be walked in a browser.
// Driven through sim control (`/__sim/api-faults`, sim-control.ts) and wired in main/app.ts
// only when sim control exists: a kiosk with real hardware has no such hook.

/** `POST /__sim/api-faults`: which method fails, how, and for how many calls. */
export const ApiFaultRequest = z.strictObject({
  method: z.enum(kioskMethods),
  kind: z.enum(errorKinds),
  times: z.number().int().min(1).max(100).default(1),
  retryable: z.boolean().optional(),
});
export type ApiFaultRequest = z.infer<typeof ApiFaultRequest>;

export interface PendingFault {
  method: KioskMethod;
  kind: ErrorKind;
  /** calls this fault still answers */
  remaining: number;
  retryable?: boolean;
}

/** The pending faults, oldest first; each call of a method takes one from its oldest fault. */
export class ApiFaults {
  #pending: PendingFault[] = [];

  add(f: ApiFaultRequest): PendingFault[] {
    this.#pending.push({ method: f.method, kind: f.kind, remaining: f.times, ...(f.retryable !== undefined ? { retryable: f.retryable } : {}) });
    return this.list();
  }

  list(): PendingFault[] {
    return this.#pending.map((f) => ({ ...f }));
  }

  clear(): void {
    this.#pending = [];
  }

  /** The error this call of `method` answers, or null when none is pending (the call runs). */
  take(method: KioskMethod): KioskError | null {
    const f = this.#pending.find((p) => p.method === method);
    if (!f) return null;
    f.remaining--;
    if (f.remaining <= 0) this.#pending = this.#pending.filter((p) => p !== f);
    return kioskError(f.kind, `${method}: fault injected through sim control`, f.retryable !== undefined ? { retryable: f.retryable } : {});
  }
}

/** `handlers` with each call first asking `faults` whether it should fail instead of running. */
export const wrapWithApiFaults = (handlers: Handlers, faults: ApiFaults): Handlers => {
  const wrap =
    <M extends KioskMethod>(method: M): Handler<M> =>
    async (args) => {
      const fault = faults.take(method);
      return fault ? err(fault) : handlers[method](args);
    };
  return Object.fromEntries(kioskMethods.map((m) => [m, wrap(m)])) as Handlers;
};
