import { describe, expect, it } from 'vitest';
import { createReloadPolicy, describeGone } from '../../../main/electron/crash-recovery.js';

const options = { baseMs: 1_000, maxMs: 8_000, resetAfterMs: 60_000, maxAttempts: 5, cooldownMs: 300_000 };

describe('createReloadPolicy', () => {
  it('doubles the wait from baseMs and caps it at maxMs', () => {
    const policy = createReloadPolicy(options);
    const delays: number[] = [];
    let t = 0;
    for (let i = 0; i < 5; i++) {
      const d = policy.onCrash(t);
      if (d.action !== 'reload') throw new Error(`expected reload, got ${d.action}`);
      delays.push(d.delayMs);
      t += d.delayMs + 500; // dies again half a second after coming back
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
  });

  it('gives up after maxAttempts in a row and retries after the cooldown', () => {
    const policy = createReloadPolicy(options);
    let t = 0;
    for (let i = 0; i < options.maxAttempts; i++) t += (policy.onCrash(t) as { delayMs: number }).delayMs + 100;
    expect(policy.onCrash(t)).toEqual({ action: 'give-up', attempt: 6, retryAfterMs: 300_000 });
    // dies again right after the cooldown's try: straight back to the fallback page, no new loop
    expect(policy.onCrash(t + 300_000 + 1_000)).toMatchObject({ action: 'give-up', attempt: 7 });
  });

  it('starts afresh once the page stayed up for resetAfterMs', () => {
    const policy = createReloadPolicy(options);
    let t = 0;
    for (let i = 0; i < 3; i++) t += (policy.onCrash(t) as { delayMs: number }).delayMs + 100;
    expect(policy.onCrash(t)).toMatchObject({ action: 'reload', delayMs: 8_000, attempt: 4 });
    // back up at t + 8 s, healthy for a full minute: the count restarts
    expect(policy.onCrash(t + 8_000 + 60_000)).toEqual({ action: 'reload', delayMs: 1_000, attempt: 1 });
  });

  it('recovers from the fallback page when the try after the cooldown holds', () => {
    const policy = createReloadPolicy(options);
    let t = 0;
    for (let i = 0; i <= options.maxAttempts; i++) {
      const d = policy.onCrash(t);
      t += (d.action === 'reload' ? d.delayMs : d.retryAfterMs) + 100;
    }
    expect(policy.onCrash(t + 60_000)).toEqual({ action: 'reload', delayMs: 1_000, attempt: 1 });
  });

  it('reads its clock when no time is given', () => {
    let now = 0;
    const policy = createReloadPolicy({ ...options, now: () => now });
    policy.onCrash();
    now = 1_100;
    expect(policy.onCrash()).toMatchObject({ attempt: 2 });
    now = 1_100 + 2_000 + 60_000;
    expect(policy.onCrash()).toMatchObject({ attempt: 1 });
  });
});

describe('describeGone', () => {
  it('words a renderer crash as an error with its reason and exit code', () => {
    expect(describeGone({ reason: 'crashed', exitCode: 139 })).toEqual({
      level: 'error',
      message: 'renderer process gone: crashed (exit code 139)',
      fields: { process: 'renderer', reason: 'crashed', exitCode: 139 },
    });
  });
  it('names child processes and keeps benign exits at warn', () => {
    const d = describeGone({ type: 'Utility', name: 'Network Service', serviceName: 'network.mojom.NetworkService', reason: 'clean-exit', exitCode: 0 });
    expect(d.level).toBe('warn');
    expect(d.message).toBe('Utility (Network Service) process gone: clean-exit (exit code 0)');
    expect(d.fields).toMatchObject({ process: 'Utility (Network Service)', serviceName: 'network.mojom.NetworkService' });
    expect(describeGone({ type: 'GPU', reason: 'oom', exitCode: 1 }).level).toBe('error');
  });
});
