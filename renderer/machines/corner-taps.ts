// The technician hotspot opens the PIN pad after 5 taps within 3 seconds: hard to hit by
// accident, easy on purpose. A sliding window, so one stray tap earlier does not spoil it.
export const cornerTapCount = 5;
export const cornerTapWindowMs = 3000;

/** The taps worth keeping after one at `at` (never more than the count). */
export const recordTap = (taps: readonly number[], at: number): number[] =>
  [...taps, at].filter((t) => at - t <= cornerTapWindowMs).slice(-cornerTapCount);

export const opensPad = (taps: readonly number[], at: number): boolean => recordTap(taps, at).length >= cornerTapCount;
