import type { Clock } from '../../hardware/clock.js';

// While the city is down, every dossier failing on its own would hammer it and fill the log:
// after `failureThreshold` consecutive failures the breaker opens for `openMs`, then lets one
// probe through (half-open); the probe's outcome closes or re-opens it.

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerPolicy {
  failureThreshold: number;
  openMs: number;
}

export class CircuitBreaker {
  #failures = 0;
  #openedAt: number | null = null;
  #probeTaken = false;
  #listeners: ((state: BreakerState) => void)[] = [];
  #last: BreakerState = 'closed';

  constructor(
    private readonly policy: BreakerPolicy,
    private readonly clock: Pick<Clock, 'now'>,
  ) {}

  get state(): BreakerState {
    if (this.#openedAt === null) return 'closed';
    return this.clock.now() >= this.#openedAt + this.policy.openMs ? 'half-open' : 'open';
  }

  /** when an open breaker will let a probe through */
  get reopensAt(): number | null {
    return this.#openedAt === null ? null : this.#openedAt + this.policy.openMs;
  }

  onChange(listener: (state: BreakerState) => void): void {
    this.#listeners.push(listener);
  }

  /** May a dossier start? Closed: yes. Half-open: only the first asker (the probe). Open: no. */
  tryAcquire(): boolean {
    const s = this.state;
    this.#notify();
    if (s === 'closed') return true;
    if (s === 'half-open' && !this.#probeTaken) {
      this.#probeTaken = true;
      return true;
    }
    return false;
  }

  /** the city answered (even a refusal means it is up) */
  success(): void {
    this.#failures = 0;
    this.#openedAt = null;
    this.#probeTaken = false;
    this.#notify();
  }

  /** the city could not be reached or was overloaded */
  failure(): void {
    if (this.#openedAt !== null) {
      // a failed probe, or a late failure while open: stay open for another period
      this.#openedAt = this.clock.now();
      this.#probeTaken = false;
    } else if (++this.#failures >= this.policy.failureThreshold) {
      this.#openedAt = this.clock.now();
    }
    this.#notify();
  }

  #notify(): void {
    const s = this.state;
    if (s === this.#last) return;
    this.#last = s;
    for (const l of this.#listeners) l(s);
  }
}
