import { describe, expect, it } from 'vitest';
import { OperatorAuth, type PinTable } from '../../../main/auth/operator-auth.js';
import { FakeClock } from '../../helpers/fake-clock.js';

// A transparent verifier keeps this test about lockout and roles; scrypt has its own tests.
const verify = async (pin: string, hash: string) => hash === `plain:${pin}`;
const pins: PinTable = {
  technician: [{ id: 'tech-1', hash: 'plain:111111' }],
  officer: [{ id: 'officer-1', hash: 'plain:222222' }],
};

const setup = () => {
  const clock = new FakeClock();
  const auth = new OperatorAuth({ pins: () => pins, verify, clock, unlockTtlMs: () => 300_000 });
  return { clock, auth };
};

describe('OperatorAuth', () => {
  it('unlocks the right role with its PIN and names the operator', async () => {
    const { auth } = setup();
    const r = await auth.unlock('technician', '111111');
    expect(r).toMatchObject({ ok: true, value: { role: 'technician', operatorId: 'tech-1' } });
    expect(auth.current()?.role).toBe('technician');
  });

  it('keeps roles apart: an officer PIN does not open the technician role', async () => {
    const { auth } = setup();
    expect(await auth.unlock('technician', '222222')).toMatchObject({ ok: false, error: { kind: 'PinRejected' } });
    expect(await auth.unlock('officer', '222222')).toMatchObject({ ok: true, value: { role: 'officer' } });
  });

  it('locks for five minutes after five wrong tries, even for the right PIN, then opens again', async () => {
    const { auth, clock } = setup();
    for (let i = 0; i < 4; i++) expect(await auth.unlock('technician', '000000')).toMatchObject({ ok: false, error: { kind: 'PinRejected' } });
    expect(await auth.unlock('technician', '000000')).toMatchObject({ ok: false, error: { kind: 'PinLocked', retryAfterMs: 300_000 } });
    clock.advance(299_000);
    expect(await auth.unlock('technician', '111111')).toMatchObject({ ok: false, error: { kind: 'PinLocked', retryAfterMs: 1_000 } });
    clock.advance(1_000);
    expect(await auth.unlock('technician', '111111')).toMatchObject({ ok: true });
  });

  it('locks for as long as the site says, read at each lock so a config reload applies', async () => {
    const clock = new FakeClock();
    let seconds = 5;
    const auth = new OperatorAuth({ pins: () => pins, verify, clock, unlockTtlMs: () => 300_000, lockoutMs: () => seconds * 1000 });
    for (let i = 0; i < 5; i++) await auth.unlock('technician', '000000');
    expect(await auth.unlock('technician', '111111')).toMatchObject({ ok: false, error: { kind: 'PinLocked', retryAfterMs: 5_000 } });
    clock.advance(5_000);
    expect(await auth.unlock('technician', '111111')).toMatchObject({ ok: true });
    seconds = 60;
    for (let i = 0; i < 5; i++) await auth.unlock('officer', '000000');
    expect(await auth.unlock('officer', '222222')).toMatchObject({ ok: false, error: { kind: 'PinLocked', retryAfterMs: 60_000 } });
  });

  it('a success resets the failure count', async () => {
    const { auth } = setup();
    for (let i = 0; i < 4; i++) await auth.unlock('technician', '000000');
    await auth.unlock('technician', '111111');
    for (let i = 0; i < 4; i++) expect(await auth.unlock('technician', '000000')).toMatchObject({ error: { kind: 'PinRejected' } });
  });

  it('an unlocked role lapses after its time and on lock()', async () => {
    const { auth, clock } = setup();
    await auth.unlock('technician', '111111');
    clock.advance(300_000);
    expect(auth.current()).toBeNull();
    await auth.unlock('technician', '111111');
    auth.lock();
    expect(auth.current()).toBeNull();
  });
});
