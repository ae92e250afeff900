import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Forwarder, type ForwarderEvent } from '../../../main/outbox/forwarder.js';
import type { Outbox } from '../../../main/outbox/outbox.js';
import { FakeCity } from '../../helpers/outbox-fake-city.js';
import { outboxFixture, sampleInput, type OutboxFixture } from '../../helpers/outbox-fixtures.js';

// A backlog larger than one batch (the network came back after an outage) is drained without
// pausing between batches: the pause between passes is there to stop a busy spin on dossiers
// that keep failing, not to throttle dossiers that are going through.

let fx: OutboxFixture;
let outbox: Outbox;

beforeEach(async () => {
  fx = await outboxFixture();
  outbox = await fx.open();
});
afterEach(async () => {
  await outbox.close().catch(() => undefined);
  await fx.cleanup();
});

const enqueue = async (n: number) => {
  for (let i = 0; i < n; i++) {
    const r = await outbox.enqueue(sampleInput(1));
    if (!r.ok) throw new Error(r.error.message);
  }
};

describe('forwarder with a backlog of several batches', () => {
  it('takes the next batch at once while dossiers are going through (the clock never moves)', async () => {
    await enqueue(5);
    const city = new FakeCity();
    const f = new Forwarder({ outbox, city, clock: fx.clock, random: () => 0.5, batchSize: 2, concurrency: 1 });
    const scheduled = new Promise<void>((resolve) => f.onEvent((e: ForwarderEvent) => e.type === 'scheduled' && resolve()));
    f.start();
    // the first timer is armed only once the pass is over: by then all five went out
    await scheduled;
    expect(city.commits).toBe(5);
    expect((await outbox.counts()).counts.delivered).toBe(5);
    await f.stop();
  });

  it('does not loop on a full batch that only fails: the next pass waits on the clock', async () => {
    await enqueue(3);
    const city = new FakeCity();
    city.down = true;
    const f = new Forwarder({ outbox, city, clock: fx.clock, random: () => 0, batchSize: 2, concurrency: 1, breaker: { failureThreshold: 100, openMs: 1000 } });
    const scheduled = new Promise<void>((resolve) => f.onEvent((e: ForwarderEvent) => e.type === 'scheduled' && resolve()));
    f.start();
    await scheduled;
    // backoff 0 makes the failed ones due again at once; still one batch per pass
    expect(city.calls.filter((c) => c.op === 'createDossier')).toHaveLength(2);
    await f.stop();
  });
});
