// Full-jitter exponential backoff (AWS architecture blog, "Exponential Backoff and Jitter"):
// spreads the retries of many kiosks after a city outage instead of synchronising them.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/** random(0, min(cap, base·2^attempt)), or the server's Retry-After when that is longer. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number, retryAfterMs?: number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt));
  const delay = Math.floor(random() * ceiling);
  return retryAfterMs !== undefined && retryAfterMs > delay ? retryAfterMs : delay;
}
