export interface ReloadPolicyOptions {
  /** wait before the first reload */
  baseMs: number;
  /** ceiling of the doubling wait */
  maxMs: number;
  /** a renderer that stayed up this long after its last recovery starts the count afresh */
  resetAfterMs: number;
  /** reloads in a row before the shell stops looping and shows the static fallback page */
  maxAttempts: number;
  /** how long the fallback page stays before one more try */
  cooldownMs: number;
  /** clock for onCrash() called without a time */
  now: () => number;
}

export type CrashDecision =
  | { action: 'reload'; delayMs: number; attempt: number }
  | { action: 'give-up'; attempt: number; retryAfterMs: number };

export interface ReloadPolicy {
  onCrash(now?: number): CrashDecision;
}

export const defaultReloadPolicy: ReloadPolicyOptions = {
  baseMs: 1_000,
  maxMs: 30_000,
  resetAfterMs: 120_000,
  maxAttempts: 6,
  cooldownMs: 300_000,
  now: () => Date.now(),
};

/**
 * When the renderer dies: reload after 1, 2, 4 … s (capped); after `maxAttempts` crashes in a
 * row, show the static fallback page instead of a crash loop, and try once more after
 * `cooldownMs`. An unattended lobby kiosk must heal itself when the cause was passing, without
 * flashing a half-loaded page at residents when it was not. "In a row" is measured from when
 * the previous recovery was due, so a renderer that dies right after the cooldown goes
 * straight back to the fallback page.
 */
export const createReloadPolicy = (options: Partial<ReloadPolicyOptions> = {}): ReloadPolicy => {
  const o = { ...defaultReloadPolicy, ...options };
  let attempts = 0;
  let recoveredAt: number | null = null;
  return {
    onCrash(now = o.now()) {
      if (recoveredAt !== null && now - recoveredAt >= o.resetAfterMs) attempts = 0;
      attempts += 1;
      if (attempts > o.maxAttempts) {
        recoveredAt = now + o.cooldownMs;
        return { action: 'give-up', attempt: attempts, retryAfterMs: o.cooldownMs };
      }
      const delayMs = Math.min(o.maxMs, o.baseMs * 2 ** (attempts - 1));
      recoveredAt = now + delayMs;
      return { action: 'reload', delayMs, attempt: attempts };
    },
  };
};

/** What render-process-gone and child-process-gone report (a subset of Electron's details). */
export interface GoneDetails {
  reason: string;
  exitCode: number;
  /** child processes only: GPU, Utility, … */
  type?: string;
  name?: string;
  serviceName?: string;
}

export interface GoneDescription {
  level: 'warn' | 'error';
  message: string;
  fields: Record<string, string | number>;
}

// a clean exit or an eviction under memory pressure is Chromium's decision, not a fault
const benignReasons = new Set(['clean-exit', 'memory-eviction']);

/** One log line's worth for a process that went away. */
export const describeGone = (details: GoneDetails): GoneDescription => {
  const processName = details.type ? `${details.type}${details.name ? ` (${details.name})` : ''}` : 'renderer';
  const fields: Record<string, string | number> = { process: processName, reason: details.reason, exitCode: details.exitCode };
  if (details.serviceName) fields.serviceName = details.serviceName;
  return {
    level: benignReasons.has(details.reason) ? 'warn' : 'error',
    message: `${processName} process gone: ${details.reason} (exit code ${details.exitCode})`,
    fields,
  };
};
