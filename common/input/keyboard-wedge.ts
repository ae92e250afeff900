// Tells a keyboard-wedge scanner's burst (a whole QR "typed" in a few milliseconds per key,
// ending in Enter) from a person typing. Pure: the caller passes each key with its event
// time and asks again at `deadline()`; there are no timers in here.
//
// Renderer contract: hold every key this returns 'hold' for (preventDefault); on 'burst'
// the held keys and this Enter were the scanner (hand `text` to the ID step); on 'typed'
// replay `replay` into the field, then let this key through if `current` is 'pass'.
// A person's key is held at most `maxGapMs` before it is replayed.

export interface WedgeOptions {
  /** longest pause between two keys of one burst; scanners send a key every 1–20 ms */
  maxGapMs?: number;
  /** fewest characters a burst carries; a CCCD payload has ~150 */
  minLength?: number;
  /** a burst longer than this is not a card: replay it as typing */
  maxLength?: number;
  /**
   * a run of this many fast keys broken by a slow gap is a stalled scan, not a person: its
   * tail is typing too, until Enter or `quietMs` without keys (so the tail is never a card)
   */
  stalledRunLength?: number;
  quietMs?: number;
}

export interface KeyInput {
  /** KeyboardEvent.key: one character for a printable key, else a name such as 'Enter' */
  key: string;
  /** KeyboardEvent.timeStamp, milliseconds */
  timeStamp: number;
}

export type WedgeVerdict =
  | { kind: 'pass' }
  | { kind: 'hold' }
  | { kind: 'burst'; text: string }
  | { kind: 'typed'; replay: string[]; current: 'pass' | 'hold' };

export interface WedgeDetector {
  feed(input: KeyInput): WedgeVerdict;
  /** when held keys stop being a possible burst; call flush(now) then (undefined: nothing held) */
  deadline(): number | undefined;
  /** release held keys once their gap has run out: 'typed' with the keys, or 'pass' */
  flush(now: number): WedgeVerdict;
}

// keys that produce no text and that scanners emulating a keyboard send between characters
const modifierKeys = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'Dead', 'Process', 'Unidentified']);

const isPrintable = (key: string): boolean => [...key].length === 1;

export const createWedgeDetector = ({
  maxGapMs = 40,
  minLength: wanted = 20,
  maxLength = 1024,
  stalledRunLength = 8,
  quietMs = 300,
}: WedgeOptions = {}): WedgeDetector => {
  const minLength = Math.max(1, wanted);
  let held: string[] = [];
  let lastAt = 0;
  let stalled = false;

  const release = (current: 'pass' | 'hold'): WedgeVerdict => {
    const replay = held;
    held = [];
    return replay.length === 0 ? (current === 'pass' ? { kind: 'pass' } : { kind: 'hold' }) : { kind: 'typed', replay, current };
  };

  const feed = ({ key, timeStamp }: KeyInput): WedgeVerdict => {
    if (modifierKeys.has(key)) return held.length > 0 ? { kind: 'hold' } : { kind: 'pass' };
    const gap = timeStamp - lastAt;
    if (stalled) {
      if (gap <= quietMs) {
        lastAt = timeStamp;
        stalled = key !== 'Enter';
        return { kind: 'pass' };
      }
      stalled = false;
    }
    // a slow gap ends any burst in progress: what was held was a person, or a stalled scan
    const stale = held.length > 0 && !(gap <= maxGapMs);
    if (stale && held.length >= stalledRunLength) {
      stalled = key !== 'Enter';
      lastAt = timeStamp;
      return release('pass');
    }
    const before = stale ? release('pass') : undefined;

    let verdict: WedgeVerdict;
    if (isPrintable(key)) {
      held.push(key);
      lastAt = timeStamp;
      verdict = held.length > maxLength ? release('pass') : { kind: 'hold' };
    } else if (key === 'Enter' && held.length >= minLength) {
      verdict = { kind: 'burst', text: held.join('') };
      held = [];
    } else {
      verdict = release('pass');
    }
    return before?.kind === 'typed' ? mergeReplay(before.replay, verdict) : verdict;
  };

  return {
    feed,
    // the first moment at which no key can continue the burst
    deadline: () => (held.length > 0 ? lastAt + maxGapMs + 1 : undefined),
    flush: (now) => {
      if (held.length === 0) return { kind: 'pass' };
      return now - lastAt > maxGapMs ? release('pass') : { kind: 'hold' };
    },
  };
};

/** Keys released by a slow gap come before whatever this key decided. */
const mergeReplay = (earlier: string[], verdict: WedgeVerdict): WedgeVerdict => {
  switch (verdict.kind) {
    case 'hold':
      return { kind: 'typed', replay: earlier, current: 'hold' };
    case 'pass':
      return { kind: 'typed', replay: earlier, current: 'pass' };
    case 'typed':
      return { kind: 'typed', replay: [...earlier, ...verdict.replay], current: verdict.current };
    case 'burst':
      // a burst cannot follow a stale release within one key: the held list was emptied
      return verdict;
  }
};
