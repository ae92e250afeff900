import { describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../common/kiosk-api/events.js';
import { SessionManager } from '../../../main/sessions/session-manager.js';
import { FakeClock } from '../../helpers/fake-clock.js';

const setup = () => {
  const clock = new FakeClock();
  const events: KioskEvent[] = [];
  const wiped: string[] = [];
  const sessions = new SessionManager(() => ({ idleSeconds: 60, warningSeconds: 10 }), (e) => events.push(e), clock);
  sessions.onWipe((id, reason) => void wiped.push(`${id}:${reason}`));
  const timers = () => events.filter((e) => e.type === 'session.timer');
  return { clock, events, wiped, sessions, timers };
};

describe('SessionManager (the core owns the idle clock)', () => {
  it('stays quiet until the warning window, then counts down each second and wipes at the deadline', async () => {
    const { clock, sessions, timers, wiped } = setup();
    const { sessionId } = await sessions.start('vi');
    clock.advance(49_999);
    expect(timers()).toHaveLength(0);
    clock.advance(1);
    expect(timers()[0]).toMatchObject({ phase: 'warning', remainingMs: 10_000, sessionId });
    clock.advance(3_000);
    expect(timers().map((t) => (t.type === 'session.timer' ? t.remainingMs : -1))).toEqual([10_000, 9_000, 8_000, 7_000]);
    clock.advance(7_000);
    expect(timers().at(-1)).toMatchObject({ phase: 'expired', remainingMs: 0 });
    await Promise.resolve();
    expect(wiped).toEqual([`${sessionId}:timeout`]);
    expect(sessions.current).toBeNull();
    expect(clock.pending).toBe(0);
  });

  it('activity pushes the deadline back and ends a warning with an active event', async () => {
    const { clock, sessions, timers } = setup();
    const { sessionId } = await sessions.start('en');
    clock.advance(55_000);
    expect(timers().at(-1)).toMatchObject({ phase: 'warning' });
    expect(sessions.activity(sessionId)).toBe(clock.now() + 60_000);
    expect(timers().at(-1)).toMatchObject({ phase: 'active' });
    clock.advance(49_000);
    expect(timers().at(-1)).toMatchObject({ phase: 'active' });
    expect(sessions.current?.id).toBe(sessionId);
  });

  it('refuses activity for an unknown or stale session id', async () => {
    const { sessions } = setup();
    const first = await sessions.start('vi');
    const second = await sessions.start('vi');
    expect(sessions.activity(first.sessionId)).toBeNull();
    expect(sessions.activity('x'.repeat(24))).toBeNull();
    expect(sessions.activity(second.sessionId)).not.toBeNull();
  });

  it('starting a new session wipes the previous one; end wipes once', async () => {
    const { sessions, wiped, clock } = setup();
    const a = await sessions.start('vi');
    const b = await sessions.start('vi');
    expect(wiped).toEqual([`${a.sessionId}:cancelled`]);
    expect(await sessions.end(b.sessionId, 'user')).toBe(true);
    expect(await sessions.end(b.sessionId, 'user')).toBe(false);
    expect(wiped).toEqual([`${a.sessionId}:cancelled`, `${b.sessionId}:user`]);
    expect(clock.pending).toBe(0);
  });
});
