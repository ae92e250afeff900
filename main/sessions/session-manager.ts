import { randomBytes } from 'node:crypto';
import type { SessionEndReason, SessionInfo } from '../../common/kiosk-api/contract.js';
import type { KioskEvent } from '../../common/kiosk-api/events.js';
import type { Locale } from '../../common/domain/locale.js';
import { systemClock, type Clock } from '../../hardware/clock.js';

export interface SessionTimeouts {
  idleSeconds: number;
  warningSeconds: number;
}

interface Session {
  id: string;
  locale: Locale;
  startedAt: number;
  deadline: number;
  timer: unknown;
}

/** Hooks run when a session ends, so each part of the core wipes what it held for it. */
export type SessionWiper = (sessionId: string, reason: SessionEndReason) => Promise<void> | void;

/**
 * The core owns the idle clock, so a session is wiped even when the renderer hangs or
 * crashes. One resident at a time: starting a session ends any previous one.
 */
export class SessionManager {
  #session: Session | null = null;
  readonly #wipers: SessionWiper[] = [];

  constructor(
    private timeouts: () => SessionTimeouts,
    private readonly emit: (e: KioskEvent) => void,
    private readonly clock: Clock = systemClock,
  ) {}

  onWipe(wiper: SessionWiper): void {
    this.#wipers.push(wiper);
  }

  get current(): { id: string; locale: Locale } | null {
    return this.#session ? { id: this.#session.id, locale: this.#session.locale } : null;
  }

  async start(locale: Locale): Promise<SessionInfo> {
    if (this.#session) await this.end(this.#session.id, 'cancelled');
    const { idleSeconds, warningSeconds } = this.timeouts();
    const now = this.clock.now();
    const session: Session = {
      id: randomBytes(18).toString('base64url'),
      locale,
      startedAt: now,
      deadline: now + idleSeconds * 1000,
      timer: null,
    };
    this.#session = session;
    this.#schedule(session);
    return { sessionId: session.id, startedAt: new Date(now).toISOString(), idleSeconds, warningSeconds };
  }

  /** Returns the new deadline, or null when the id is not the live session. */
  activity(sessionId: string): number | null {
    const s = this.#session;
    if (!s || s.id !== sessionId) return null;
    const wasWarning = this.#phase(s) === 'warning';
    s.deadline = this.clock.now() + this.timeouts().idleSeconds * 1000;
    this.#schedule(s);
    if (wasWarning) this.emit({ type: 'session.timer', sessionId: s.id, phase: 'active', remainingMs: s.deadline - this.clock.now() });
    return s.deadline;
  }

  async end(sessionId: string, reason: SessionEndReason): Promise<boolean> {
    const s = this.#session;
    if (!s || s.id !== sessionId) return false;
    this.clock.clearTimeout(s.timer);
    this.#session = null;
    for (const wipe of this.#wipers) await wipe(s.id, reason);
    return true;
  }

  async close(): Promise<void> {
    if (this.#session) await this.end(this.#session.id, 'cancelled');
  }

  #phase(s: Session): 'active' | 'warning' {
    return s.deadline - this.clock.now() <= this.timeouts().warningSeconds * 1000 ? 'warning' : 'active';
  }

  // One timer at a time: until the warning starts, then once a second for the countdown.
  #schedule(s: Session): void {
    this.clock.clearTimeout(s.timer);
    const remaining = s.deadline - this.clock.now();
    const warningMs = this.timeouts().warningSeconds * 1000;
    if (remaining <= 0) {
      this.emit({ type: 'session.timer', sessionId: s.id, phase: 'expired', remainingMs: 0 });
      void this.end(s.id, 'timeout');
      return;
    }
    if (remaining <= warningMs) {
      this.emit({ type: 'session.timer', sessionId: s.id, phase: 'warning', remainingMs: remaining });
      const nextTick = remaining % 1000 || 1000;
      s.timer = this.clock.setTimeout(() => this.#tick(s), nextTick);
      return;
    }
    s.timer = this.clock.setTimeout(() => this.#tick(s), remaining - warningMs);
  }

  #tick(s: Session): void {
    if (this.#session !== s) return;
    this.#schedule(s);
  }
}
