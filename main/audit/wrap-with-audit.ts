import type { Handlers } from '../core/dispatcher.js';
import type { OperatorAuth } from '../auth/operator-auth.js';
import type { AuditSink } from './audit-log.js';

// The audit of the KioskApi calls that live outside diagnostics: the PIN pad (entry, every
// wrong PIN, the lockout), leaving diagnostics, and the device self-tests. The diag.* handlers
// write their own rows (main/diagnostics/guard.ts). Applied once, in main/app.ts.

/** `handlers` with auth.unlock, auth.lock and devices.selfTest writing an audit row each. */
export const wrapWithAudit = (handlers: Handlers, audit: AuditSink, auth: Pick<OperatorAuth, 'current'>): Handlers => ({
  ...handlers,
  'auth.unlock': async (args) => {
    const r = await handlers['auth.unlock'](args);
    await audit.append(
      r.ok
        ? { operatorId: r.value.operatorId, role: r.value.role, action: 'auth.unlock', target: args.role, result: 'ok' }
        : {
            // a wrong PIN names nobody: which operator meant to type it is not known
            operatorId: 'unknown',
            role: 'unknown',
            action: 'auth.unlock',
            target: args.role,
            result: r.error.kind,
            detail: r.error.retryAfterMs !== undefined ? `locked for ${Math.ceil(r.error.retryAfterMs / 1000)} s` : '',
          },
    );
    return r;
  },
  'auth.lock': async (args) => {
    const who = auth.current();
    const r = await handlers['auth.lock'](args);
    // locking an entry nobody opened is the renderer tidying up, not an operator's exit
    if (who) await audit.append({ operatorId: who.operatorId, role: who.role, action: 'auth.lock', result: r.ok ? 'ok' : r.error.kind });
    return r;
  },
  'devices.selfTest': async (args) => {
    const who = auth.current();
    const r = await handlers['devices.selfTest'](args);
    await audit.append({
      operatorId: who?.operatorId ?? 'unknown',
      role: who?.role ?? 'unknown',
      action: 'devices.selfTest',
      target: args.device,
      result: r.ok ? (r.value.passed ? 'ok' : 'failed') : r.error.kind,
      detail: r.ok ? r.value.lines.join(' | ') : r.error.message,
    });
    return r;
  },
});
