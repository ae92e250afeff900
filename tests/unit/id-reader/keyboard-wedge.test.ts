import { describe, expect, it } from 'vitest';
import type { WedgeDetector, WedgeVerdict } from '../../../common/input/keyboard-wedge.js';
import { createWedgeDetector } from '../../../common/input/keyboard-wedge.js';

const payload = '079301004512||Trần Thị Bích Ngọc|28022001|Nữ|45 Lê Lợi, Phường Sài Gòn|10082021';

/** Feeds `text` one key per character, then Enter, with the given gaps (ms) before each key. */
const type = (d: WedgeDetector, text: string, gap: (i: number) => number, start = 1000): { verdicts: WedgeVerdict[]; end: number } => {
  const keys = [...text, 'Enter'];
  let t = start;
  const verdicts = keys.map((key, i) => {
    t += i === 0 ? 0 : gap(i);
    return d.feed({ key, timeStamp: t });
  });
  return { verdicts, end: t };
};

/** What reaches the text field: replayed and passed keys, in order (Enter included). */
const delivered = (verdicts: WedgeVerdict[], keys: string[]): string[] =>
  verdicts.flatMap((v, i) => {
    const key = keys[i] ?? '';
    if (v.kind === 'pass') return [key];
    if (v.kind === 'typed') return v.current === 'pass' ? [...v.replay, key] : v.replay;
    return [];
  });

describe('keyboard-wedge detector', () => {
  it('recognises a scanner burst (Vietnamese letters included) and swallows every key of it', () => {
    const d = createWedgeDetector({ maxGapMs: 40, minLength: 20 });
    const { verdicts } = type(d, payload, () => 8);
    expect(verdicts.slice(0, -1).every((v) => v.kind === 'hold')).toBe(true);
    expect(verdicts.at(-1)).toEqual({ kind: 'burst', text: payload });
    expect(d.deadline()).toBeUndefined();
  });

  it('tolerates the Shift presses a scanner sends for capitals', () => {
    const d = createWedgeDetector({ maxGapMs: 40, minLength: 5 });
    let t = 0;
    const keys = ['Shift', 'A', 'b', 'Shift', 'C', 'd', 'e', 'Enter'];
    const verdicts = keys.map((key) => d.feed({ key, timeStamp: (t += 5) }));
    expect(verdicts.at(-1)).toEqual({ kind: 'burst', text: 'AbCde' });
    expect(verdicts[0]).toEqual({ kind: 'pass' });
  });

  it('a person typing fast-ish, with the odd quick rollover, is never a burst and nothing is lost', () => {
    const d = createWedgeDetector({ maxGapMs: 40, minLength: 20 });
    const text = 'Nguyễn Văn An 01011990 Hà Nội';
    const gaps = [120, 25, 95, 140, 30, 110, 80, 35, 160, 90];
    const { verdicts } = type(d, text, (i) => gaps[i % gaps.length] ?? 100);
    expect(verdicts.some((v) => v.kind === 'burst')).toBe(false);
    const keys = [...text, 'Enter'];
    // the last held key is released by the deadline flush
    const tail = d.flush(Number.MAX_SAFE_INTEGER);
    const all = [...delivered(verdicts, keys), ...(tail.kind === 'typed' ? tail.replay : [])];
    expect(all.join('')).toBe(text + 'Enter');
  });

  it('a burst with one slow gap is rejected: its keys are replayed as typing', () => {
    const d = createWedgeDetector({ maxGapMs: 40, minLength: 20 });
    const { verdicts } = type(d, payload, (i) => (i === 30 ? 120 : 8));
    expect(verdicts.some((v) => v.kind === 'burst')).toBe(false);
    const keys = [...payload, 'Enter'];
    expect(verdicts[30]).toEqual({ kind: 'typed', replay: [...payload.slice(0, 30)], current: 'pass' });
    // the fast tail of a stalled scan is not a card either
    expect(verdicts.slice(31).every((v) => v.kind === 'pass')).toBe(true);
    expect(delivered(verdicts, keys).join('')).toBe(payload + 'Enter');
    // and the next clean scan is recognised again
    expect(type(d, payload, () => 5, 100_000).verdicts.at(-1)).toEqual({ kind: 'burst', text: payload });
  });

  it('a person who typed a few keys (no Enter) and then scans still gets the scan', () => {
    const d = createWedgeDetector({ maxGapMs: 40, minLength: 20 });
    const typed = ['x', 'y', 'z'].map((key, i) => d.feed({ key, timeStamp: 10 + i * 20 }));
    expect(typed.map((v) => v.kind)).toEqual(['hold', 'hold', 'hold']);
    const { verdicts } = type(d, payload, () => 5, 500);
    expect(verdicts[0]).toEqual({ kind: 'typed', replay: ['x', 'y', 'z'], current: 'hold' });
    expect(verdicts.at(-1)).toEqual({ kind: 'burst', text: payload });
  });

  it('a quick but short sequence ending in Enter is typing (below minLength)', () => {
    const d = createWedgeDetector({ maxGapMs: 40, minLength: 20 });
    const { verdicts } = type(d, '12345', () => 5);
    expect(verdicts.at(-1)).toEqual({ kind: 'typed', replay: ['1', '2', '3', '4', '5'], current: 'pass' });
  });

  it('held keys are released at the deadline, not before', () => {
    const d = createWedgeDetector({ maxGapMs: 40, minLength: 20 });
    expect(d.feed({ key: 'a', timeStamp: 100 })).toEqual({ kind: 'hold' });
    expect(d.deadline()).toBe(141);
    expect(d.flush(140)).toEqual({ kind: 'hold' });
    expect(d.flush(141)).toEqual({ kind: 'typed', replay: ['a'], current: 'pass' });
    expect(d.deadline()).toBeUndefined();
    expect(d.flush(200)).toEqual({ kind: 'pass' });
  });

  it('a non-text key (Backspace) ends a possible burst and passes', () => {
    const d = createWedgeDetector({ maxGapMs: 40, minLength: 2 });
    d.feed({ key: 'a', timeStamp: 0 });
    expect(d.feed({ key: 'Backspace', timeStamp: 5 })).toEqual({ kind: 'typed', replay: ['a'], current: 'pass' });
    expect(d.feed({ key: 'Backspace', timeStamp: 10 })).toEqual({ kind: 'pass' });
  });

  it('a second burst right after the first is recognised too', () => {
    const d = createWedgeDetector({ maxGapMs: 40, minLength: 20 });
    const first = type(d, payload, () => 3);
    const second = type(d, payload, () => 3, first.end + 1000);
    expect(second.verdicts.at(-1)).toEqual({ kind: 'burst', text: payload });
  });
});
