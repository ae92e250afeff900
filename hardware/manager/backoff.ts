/** Full-jitter exponential backoff: spreads reconnects so devices and servers are not stampeded. */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  random?: () => number;
}

export const backoffDelay = (attempt: number, { baseMs, capMs, random = Math.random }: BackoffOptions): number =>
  Math.floor(random() * Math.min(capMs, baseMs * 2 ** Math.max(0, attempt)));
