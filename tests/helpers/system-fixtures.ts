import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EnqueueInput } from '../../main/outbox/outbox-types.js';
import { sampleInput } from './outbox-fixtures.js';

// Shared by the system tests (tests/unit/system): quick mode, seeded randomness that a failing
// run prints so it can be replayed, dossiers of varied size, and waiting with a deadline.

/** `KIOSK_QUICK=1`: fewer trials and dossiers, for development; CI runs the full mode */
export const QUICK = process.env.KIOSK_QUICK === '1';

/** mulberry32: small and seedable, so a failing trial sequence can be replayed with KIOSK_SEED */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** KIOSK_SEED when set (to replay a failure), otherwise a fresh one; always logged */
export const testSeed = (what: string): number => {
  const fromEnv = process.env.KIOSK_SEED;
  const seed = fromEnv !== undefined && /^\d+$/.test(fromEnv) ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31);
  process.stdout.write(`[${what}] seed ${seed} (replay with KIOSK_SEED=${seed})\n`);
  return seed;
};

export const between = (rng: () => number, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

export const sha256Hex = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/**
 * The fixtures' resident (known PII) with `pages` attachments of `sizes[i]` random bytes:
 * random content, so a wrong or partial upload can never hash right by accident.
 */
export const dossierInput = (sizes: readonly number[]): EnqueueInput => {
  const base = sampleInput(0);
  return {
    ...base,
    attachments: sizes.map((size, i) => ({ componentId: `TP${i + 1}`, fileName: `trang-${i + 1}.pdf`, mediaType: 'application/pdf' as const, bytes: randomBytes(size) })),
  };
};

/** Polls `check` until it returns a value (not undefined) or the deadline passes. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, { timeoutMs, intervalMs = 100 }: { timeoutMs: number; intervalMs?: number }): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}
