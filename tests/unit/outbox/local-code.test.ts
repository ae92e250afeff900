import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatLocalCode, vietnamDay } from '../../../main/outbox/local-code.js';
import { outboxFixture, sampleInput, type OutboxFixture } from '../../helpers/outbox-fixtures.js';

let fx: OutboxFixture;
beforeEach(async () => {
  fx = await outboxFixture();
});
afterEach(() => fx.cleanup());

/** a wall clock the test can set anywhere, backwards included */
const settable = (start: string) => {
  let t = Date.parse(start);
  return { now: () => t, set: (iso: string) => (t = Date.parse(iso)) };
};

const codeOf = async (outbox: Awaited<ReturnType<OutboxFixture['open']>>) => {
  const r = await outbox.enqueue(sampleInput(0));
  if (!r.ok) throw new Error(r.error.message);
  return r.value.localCode;
};

describe('local receipt code', () => {
  it('uses the Vietnam (UTC+7) date and the contract format', () => {
    expect(vietnamDay(Date.parse('2026-11-23T16:59:59Z'))).toBe('261123');
    expect(vietnamDay(Date.parse('2026-11-23T17:00:00Z'))).toBe('261124');
    expect(formatLocalCode('K0007', '261123', 31)).toBe('K0007-261123-0031');
  });

  it('counts per day, continues across a restart, and restarts at 0001 the next day', async () => {
    const clock = settable('2026-11-23T02:00:00Z');
    let outbox = await fx.open({ clock });
    expect([await codeOf(outbox), await codeOf(outbox)]).toEqual(['K0007-261123-0001', 'K0007-261123-0002']);
    await outbox.close();

    outbox = await fx.open({ clock });
    expect(await codeOf(outbox)).toBe('K0007-261123-0003');
    clock.set('2026-11-23T17:00:01Z'); // 00:00:01 on the 24th in Hà Nội
    expect(await codeOf(outbox)).toBe('K0007-261124-0001');
    await outbox.close();
  });

  it('only moves forward when the clock goes back within the day', async () => {
    const clock = settable('2026-11-23T05:00:00Z');
    const outbox = await fx.open({ clock });
    expect(await codeOf(outbox)).toBe('K0007-261123-0001');
    expect(await codeOf(outbox)).toBe('K0007-261123-0002');
    clock.set('2026-11-23T01:00:00Z'); // NTP pulled the clock back four hours
    expect(await codeOf(outbox)).toBe('K0007-261123-0003');
    clock.set('2026-11-24T01:00:00Z');
    expect(await codeOf(outbox)).toBe('K0007-261124-0001');
    clock.set('2026-11-23T10:00:00Z'); // back across midnight: the old day's counter continues
    expect(await codeOf(outbox)).toBe('K0007-261123-0004');
    await outbox.close();
  });

  it('is unique under concurrent enqueues', async () => {
    const outbox = await fx.open();
    const codes = await Promise.all(Array.from({ length: 12 }, () => codeOf(outbox)));
    expect(new Set(codes).size).toBe(12);
    expect([...codes].sort().at(-1)).toBe('K0007-261124-0012');
    await outbox.close();
  });
});
