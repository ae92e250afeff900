import type { z } from 'zod';
import { kioskError, type KioskError } from '../../common/errors.js';
import { kioskContract, type ParsedArgsOf, type ResultOf } from '../../common/kiosk-api/contract.js';
import { isKioskMethod, type KioskMethod } from '../../common/kiosk-api/methods.js';
import { err, ok, type Result } from '../../common/result.js';

export type Handler<M extends KioskMethod> = (args: ParsedArgsOf<M>) => Promise<Result<ResultOf<M>, KioskError>>;
export type Handlers = { [M in KioskMethod]: Handler<M> };

export interface DispatchLog {
  warn(component: string, message: string, fields?: Record<string, unknown>): void;
  error(component: string, message: string, fields?: Record<string, unknown>): void;
}

const issuesOf = (error: z.ZodError) =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(arguments)', rule: i.message }));

/**
 * The core's one entry point: every call from any shell passes through here, so an unknown
 * method or a malformed argument becomes a typed error, and a handler that throws becomes
 * `Internal` — never a crash, never a stack trace in the renderer.
 */
export const createDispatcher = (handlers: Handlers, log: DispatchLog) =>
  async (method: unknown, args: unknown): Promise<Result<unknown, KioskError>> => {
    if (!isKioskMethod(method)) {
      log.warn('api', 'unknown method', { method: typeof method === 'string' ? method.slice(0, 80) : typeof method });
      return err(kioskError('UnknownMethod', `unknown KioskApi method ${JSON.stringify(String(method).slice(0, 80))}`));
    }
    const spec = kioskContract[method];
    const parsed = spec.args.safeParse(args ?? {});
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      log.warn('api', 'invalid arguments', { method, issues });
      return err(kioskError('InvalidArguments', `invalid arguments for ${method}`, { issues }));
    }
    try {
      const handler = handlers[method] as (a: unknown) => Promise<Result<unknown, KioskError>>;
      const result = await handler(parsed.data);
      if (!result.ok) return result;
      // The result schema is the contract too: a handler that drifts is a bug, said loudly.
      const checked = spec.result.safeParse(result.value);
      if (!checked.success) {
        log.error('api', 'handler returned a value outside the contract', { method, issues: issuesOf(checked.error) });
        return err(kioskError('Internal', `${method} produced an invalid result`));
      }
      return ok(checked.data);
    } catch (e) {
      log.error('api', 'handler threw', { method, error: e instanceof Error ? e.message : String(e) });
      return err(kioskError('Internal', `${method} failed`));
    }
  };
