import { backoffDelay as fullJitter } from '../../hardware/manager/backoff.js';

// The forwarder's retry delay: the devices' full-jitter backoff (spreads the retries of many
// kiosks after a city outage), stretched to the server's Retry-After when that is longer.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/** random(0, min(cap, base·2^attempt)), or the server's Retry-After when that is longer. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number, retryAfterMs?: number): number {
  const delay = fullJitter(attempt, { ...policy, random });
  return retryAfterMs !== undefined && retryAfterMs > delay ? retryAfterMs : delay;
}
