import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskError } from '../../../common/errors.js';
import { err, ok } from '../../../common/result.js';
import { AuditLog } from '../../../main/audit/audit-log.js';
import { wrapWithAudit } from '../../../main/audit/wrap-with-audit.js';
import { OperatorAuth } from '../../../main/auth/operator-auth.js';
import { hashPin, verifyPin } from '../../../main/config/pin-hash.js';
import { createDispatcher, type Handlers } from '../../../main/core/dispatcher.js';
import { openDb } from '../../../main/db/sqlite-db.js';
import { silentLogger } from '../../../main/log/logger.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { OFFICER_PIN, TECH_PIN } from '../../helpers/test-app.js';
import { startDiagApp, type DiagApp } from './diag-app.js';

describe('the audit table', () => {
  it('is append-only: sqlite itself refuses UPDATE and DELETE', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'kiosk-audit-')), 'audit.db');
    const audit = new AuditLog(file);
    await audit.append({ operatorId: 'tech-1', role: 'technician', action: 'diag.restart', result: 'ok' });
    await audit.close();
    const db = await openDb(file);
    try {
      await expect(db.run(`UPDATE audit SET result = 'forged'`)).rejects.toThrow(/append-only/);
      await expect(db.run(`DELETE FROM audit`)).rejects.toThrow(/append-only/);
      expect(await db.all(`SELECT operator_id, result FROM audit`)).toEqual([{ operator_id: 'tech-1', result: 'ok' }]);
    } finally {
      await db.close();
    }
  });

  it('keeps PII out of what it stores, even when a caller passes some', async () => {
    const audit = new AuditLog(join(await mkdtemp(join(tmpdir(), 'kiosk-audit-')), 'audit.db'));
    await audit.append({ operatorId: 'tech-1', role: 'technician', action: 'diag.cardTest', target: 'card 001090123456', result: 'ok', detail: 'mail an@example.vn' });
    expect((await audit.list())[0]).toMatchObject({ target: 'card 0010******56', detail: 'mail [redacted]' });
    await audit.close();
  });
});

describe('wrapWithAudit: the PIN pad, leaving diagnostics and self-tests are audited', () => {
  it('records each wrong PIN as unknown, the lockout, its expiry, the entry and the exit', async () => {
    const clock = new FakeClock();
    const audit = new AuditLog(join(await mkdtemp(join(tmpdir(), 'kiosk-audit-')), 'audit.db'), { now: () => clock.now() });
    const pins = { technician: [{ id: 'tech-1', hash: await hashPin(TECH_PIN) }], officer: [{ id: 'officer-1', hash: await hashPin(OFFICER_PIN) }] };
    const auth = new OperatorAuth({ pins: () => pins, verify: verifyPin, clock, unlockTtlMs: () => 300_000 });
    // the three handlers as main/app.ts has them; the rest are never called here
    const base = {
      'auth.unlock': async ({ role, pin }: { role: 'technician' | 'officer'; pin: string }) => {
        const r = await auth.unlock(role, pin);
        return r.ok ? ok({ role: r.value.role, operatorId: r.value.operatorId, expiresAt: new Date(r.value.expiresAt).toISOString() }) : r;
      },
      'auth.lock': async () => (auth.lock(), ok({})),
      'devices.selfTest': async ({ device }: { device: 'printer' | 'scanner' | 'idReader' }) =>
        auth.current()?.role === 'technician' ? ok({ device, passed: true, lines: ['fine'] }) : err(kioskError('NotAuthorized', 'technician only')),
    } as unknown as Handlers;
    const dispatch = createDispatcher(wrapWithAudit(base, audit, auth), silentLogger);

    for (let i = 0; i < 5; i++) await dispatch('auth.unlock', { role: 'technician', pin: '000000' });
    expect(await dispatch('auth.unlock', { role: 'technician', pin: TECH_PIN })).toMatchObject({ ok: false, error: { kind: 'PinLocked' } });
    clock.advance(5 * 60_000);
    expect(await dispatch('auth.unlock', { role: 'technician', pin: TECH_PIN })).toMatchObject({ ok: true, value: { operatorId: 'tech-1' } });
    expect(await dispatch('devices.selfTest', { device: 'printer' })).toMatchObject({ ok: true });
    await dispatch('auth.lock', {});
    await dispatch('auth.lock', {});

    const rows = (await audit.list()).reverse().map((r) => [r.operatorId, r.role, r.action, r.target, r.result]);
    expect(rows).toEqual([
      ['unknown', 'unknown', 'auth.unlock', 'technician', 'PinRejected'],
      ['unknown', 'unknown', 'auth.unlock', 'technician', 'PinRejected'],
      ['unknown', 'unknown', 'auth.unlock', 'technician', 'PinRejected'],
      ['unknown', 'unknown', 'auth.unlock', 'technician', 'PinRejected'],
      ['unknown', 'unknown', 'auth.unlock', 'technician', 'PinLocked'],
      ['unknown', 'unknown', 'auth.unlock', 'technician', 'PinLocked'],
      ['tech-1', 'technician', 'auth.unlock', 'technician', 'ok'],
      ['tech-1', 'technician', 'devices.selfTest', 'printer', 'ok'],
      // the second lock found nobody to let out: no row
      ['tech-1', 'technician', 'auth.lock', '', 'ok'],
    ]);
    await audit.close();
  });
});

describe('PIN entry and roles through the KioskApi', () => {
  let app: DiagApp;
  const clock = new FakeClock();
  beforeAll(async () => {
    app = await startDiagApp({ clock });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("locks for the site's pinLockoutSeconds (10 s in test-fast.json) after five wrong PINs, even for the right one, and opens once the time is up", async () => {
    for (let i = 0; i < 4; i++) expect(await app.call('auth.unlock', { role: 'technician', pin: '000000' })).toMatchObject({ ok: false, error: { kind: 'PinRejected' } });
    expect(await app.call('auth.unlock', { role: 'technician', pin: '000000' })).toMatchObject({ ok: false, error: { kind: 'PinLocked', retryAfterMs: 10_000 } });
    clock.advance(9_000);
    expect(await app.call('auth.unlock', { role: 'technician', pin: TECH_PIN })).toMatchObject({ ok: false, error: { kind: 'PinLocked', retryAfterMs: 1_000 } });
    expect(await app.call('diag.system', {})).toMatchObject({ ok: false, error: { kind: 'NotAuthorized' } });
    clock.advance(1_000);
    expect(await app.call('auth.unlock', { role: 'technician', pin: TECH_PIN })).toMatchObject({ ok: true, value: { role: 'technician', operatorId: 'tech-test' } });
    expect(await app.call('diag.system', {})).toMatchObject({ ok: true });
    await app.call('auth.lock', {});
  });

  it('keeps the roles apart: an officer PIN never opens diagnostics, and an unlocked officer is refused', async () => {
    expect(await app.call('auth.unlock', { role: 'technician', pin: OFFICER_PIN })).toMatchObject({ ok: false, error: { kind: 'PinRejected' } });
    expect(await app.call('auth.unlock', { role: 'officer', pin: TECH_PIN })).toMatchObject({ ok: false, error: { kind: 'PinRejected' } });
    expect(await app.call('auth.unlock', { role: 'officer', pin: OFFICER_PIN })).toMatchObject({ ok: true, value: { role: 'officer' } });
    expect(await app.call('diag.queueSummary', {})).toMatchObject({ ok: false, error: { kind: 'NotAuthorized' } });
    expect(await app.call('diag.restart', {})).toMatchObject({ ok: false, error: { kind: 'NotAuthorized' } });
    expect(await app.call('devices.selfTest', { device: 'printer' })).toMatchObject({ ok: false, error: { kind: 'NotAuthorized' } });
    await app.call('auth.lock', {});
  });

  it('diagnostics lapses after the diagnostics idle time', async () => {
    expect(await app.call('auth.unlock', { role: 'technician', pin: TECH_PIN })).toMatchObject({ ok: true });
    expect(await app.call('diag.config', {})).toMatchObject({ ok: true });
    clock.advance(300_000);
    expect(await app.call('diag.config', {})).toMatchObject({ ok: false, error: { kind: 'NotAuthorized' } });
  });
});
