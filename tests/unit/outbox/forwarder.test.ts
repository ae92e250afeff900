import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DossierSubmission } from '../../../common/city/city-contract.js';
import { backoffDelay } from '../../../main/outbox/backoff.js';
import { Forwarder, type ForwarderEvent, type ForwarderOptions } from '../../../main/outbox/forwarder.js';
import type { Outbox } from '../../../main/outbox/outbox.js';
import { FakeCity } from '../../helpers/outbox-fake-city.js';
import { outboxFixture, sampleInput, type OutboxFixture } from '../../helpers/outbox-fixtures.js';

let fx: OutboxFixture;
let outbox: Outbox;
let city: FakeCity;
let rand: number;
let events: ForwarderEvent[];

beforeEach(async () => {
  fx = await outboxFixture();
  outbox = await fx.open();
  city = new FakeCity();
  rand = 0.5;
  events = [];
});
afterEach(async () => {
  await outbox.close().catch(() => undefined);
  await fx.cleanup();
});

const forwarder = (opts: Partial<ForwarderOptions> = {}) => {
  const f = new Forwarder({
    outbox,
    city,
    clock: fx.clock,
    random: () => rand,
    backoff: { baseMs: 1_000, capMs: 60_000 },
    breaker: { failureThreshold: 10, openMs: 30_000 },
    maxRejections: 3,
    concurrency: 2,
    ...opts,
  });
  f.onEvent((e) => events.push(e));
  return f;
};

const enqueue = async (pages = 2) => {
  const input = sampleInput(pages);
  const r = await outbox.enqueue(input);
  if (!r.ok) throw new Error(r.error.message);
  return { ...r.value, input };
};

const record = async (id: string) => {
  const r = await outbox.get(id);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const unreachable = { kind: 'CityUnreachable', retryable: true, message: 'ECONNREFUSED' } as const;

describe('forwarder', () => {
  it('delivers each dossier exactly once with its bytes, the official code stored', async () => {
    const a = await enqueue(2);
    const b = await enqueue(3);
    const f = forwarder();
    expect(await f.drainOnce()).toMatchObject({ delivered: 2, failed: 0 });
    expect(city.commits).toBe(2);
    // the Idempotency-Key of the create is the dossier id; the body is a valid DossierSubmission
    expect(city.calls.filter((c) => c.op === 'createDossier').map((c) => c.key).sort()).toEqual([a.id, b.id].sort());
    for (const body of city.dossierBodies()) expect(DossierSubmission.safeParse(body).success).toBe(true);
    expect(city.dossierBodies().map((d) => d.localCode).sort()).toEqual([a.localCode, b.localCode].sort());
    for (const att of [...a.input.attachments, ...b.input.attachments]) {
      const sha = (await import('node:crypto')).createHash('sha256').update(att.bytes).digest('hex');
      expect(city.receivedBytes(sha)?.equals(att.bytes)).toBe(true);
    }
    const rec = await record(a.id);
    expect(rec.state).toBe('delivered');
    expect(rec.officialCode).toMatch(/^000\.00\.01\.H26-261124-\d{4}$/);

    const before = city.calls.length;
    expect(await f.drainOnce()).toMatchObject({ delivered: 0 });
    expect(city.calls.length).toBe(before);
  });

  it('a lost answer is retried under the same key and the city records the dossier once', async () => {
    const a = await enqueue(1);
    city.loseNextAnswer('submitDossier');
    const f = forwarder();
    expect(await f.drainOnce()).toMatchObject({ failed: 1 });
    expect(city.commits).toBe(1);
    fx.clock.advance(60_000);
    expect(await f.drainOnce()).toMatchObject({ delivered: 1 });
    expect(city.commits).toBe(1);
    const submitKeys = city.calls.filter((c) => c.op === 'submitDossier').map((c) => c.key);
    expect(submitKeys).toEqual([`${a.id}:submit:0`, `${a.id}:submit:0`]);
  });

  it('backs off with full jitter: random(0, min(cap, base·2^attempt)), nothing sent before it is due', async () => {
    const a = await enqueue(1);
    city.failNext('createDossier', unreachable, 3);
    const f = forwarder();
    const t0 = fx.clock.now();
    await f.drainOnce();
    expect((await record(a.id)).nextAttemptAt - t0).toBe(500); // 0.5 · 1000·2^0
    fx.clock.advance(499);
    const calls = city.calls.length;
    await f.drainOnce();
    expect(city.calls.length).toBe(calls);
    fx.clock.advance(1);
    await f.drainOnce();
    expect((await record(a.id)).nextAttemptAt - fx.clock.now()).toBe(1000); // 0.5 · 1000·2^1
    rand = 0.25;
    fx.clock.advance(1000);
    await f.drainOnce();
    expect((await record(a.id)).nextAttemptAt - fx.clock.now()).toBe(1000); // 0.25 · 1000·2^2
    fx.clock.advance(1000);
    expect(await f.drainOnce()).toMatchObject({ delivered: 1 });
    expect((await record(a.id)).attempts).toBe(3);
    // the cap bounds the ceiling however many attempts
    expect(backoffDelay(40, { baseMs: 1000, capMs: 60_000 }, () => 0.999)).toBe(59_940);
  });

  it('honours Retry-After when it is longer than the jitter', async () => {
    const a = await enqueue(1);
    city.failNext('submitDossier', { kind: 'CityBusy', retryable: true, status: 503, retryAfterMs: 120_000, message: 'maintenance' });
    const f = forwarder();
    await f.drainOnce();
    const rec = await record(a.id);
    expect(rec.nextAttemptAt - fx.clock.now()).toBe(120_000);
    expect(rec.lastError).toBe('CityBusy 503: maintenance');
    fx.clock.advance(119_999);
    await f.drainOnce();
    expect((await record(a.id)).state).toBe('uploading');
    fx.clock.advance(1);
    expect(await f.drainOnce()).toMatchObject({ delivered: 1 });
    // a shorter Retry-After does not shorten the backoff
    expect(backoffDelay(0, { baseMs: 1000, capMs: 60_000 }, () => 0.5, 100)).toBe(500);
  });

  it('opens the breaker after K consecutive failures, probes once when half-open, closes on success', async () => {
    for (let i = 0; i < 5; i++) await enqueue(1);
    city.down = true;
    const f = forwarder({ concurrency: 1, breaker: { failureThreshold: 3, openMs: 30_000 } });
    const first = await f.drainOnce();
    expect(first).toMatchObject({ failed: 3, heldByBreaker: true });
    expect(city.calls).toHaveLength(3);
    expect(f.breaker.state).toBe('open');
    expect(events).toContainEqual({ type: 'breaker', state: 'open' });

    fx.clock.advance(29_999);
    await f.drainOnce();
    expect(city.calls).toHaveLength(3);

    fx.clock.advance(1);
    expect(f.breaker.state).toBe('half-open');
    await f.drainOnce();
    expect(city.calls).toHaveLength(4); // one probe, failed
    expect(f.breaker.state).toBe('open');

    city.down = false;
    fx.clock.advance(30_000);
    expect(await f.drainOnce()).toMatchObject({ delivered: 5 });
    expect(f.breaker.state).toBe('closed');
    expect(events.filter((e) => e.type === 'breaker').map((e) => e.type === 'breaker' && e.state)).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
    expect(city.commits).toBe(5);
  });

  it('a permanent refusal goes to dead after N attempts, shows in stats, and retry(id) delivers it', async () => {
    const a = await enqueue(1);
    city.failNext('createDossier', { kind: 'CityRejected', retryable: false, status: 400, message: 'applicant.idNumber 001090123456 unknown' }, 3);
    const f = forwarder();
    for (let i = 0; i < 3; i++) {
      await f.drainOnce();
      fx.clock.advance(60_000);
    }
    const dead = await record(a.id);
    expect(dead.state).toBe('dead');
    // the error the city echoed is stored without the ID number in clear
    expect(dead.lastError).toBe('CityRejected 400: applicant.idNumber 0010******56 unknown');
    const stats = await f.stats();
    expect(stats.counts.dead).toBe(1);
    expect(stats.lastError).toContain('CityRejected');
    expect(events).toContainEqual(expect.objectContaining({ type: 'dossier', id: a.id, state: 'dead' }));

    await f.drainOnce();
    expect((await record(a.id)).state).toBe('dead');
    expect((await outbox.retry(a.id)).ok).toBe(true);
    expect(await f.drainOnce()).toMatchObject({ delivered: 1 });
  });

  it('re-uploads what the city reports missing and submits under a new key', async () => {
    const a = await enqueue(2);
    city.damageNextUpload = true;
    const f = forwarder();
    expect(await f.drainOnce()).toMatchObject({ delivered: 1 });
    expect(city.creations).toBe(3);
    expect(city.calls.filter((c) => c.op === 'submitDossier').map((c) => c.key)).toEqual([`${a.id}:submit:0`, `${a.id}:submit:1`]);
    expect(city.commits).toBe(1);
    expect((await record(a.id)).submitRound).toBe(1);
  });

  it('never has more dossiers in flight than the concurrency setting', async () => {
    for (let i = 0; i < 6; i++) await enqueue(1);
    const f = forwarder({ concurrency: 2 });
    expect(await f.drainOnce()).toMatchObject({ delivered: 6 });
    expect(city.maxActive).toBe(2);
  });

  it('resumes an uploading dossier after a restart from its saved tus upload URL', async () => {
    const a = await enqueue(2);
    city.cutUploadAfter = 1000;
    await forwarder().drainOnce();
    const cut = await record(a.id);
    expect(cut.state).toBe('uploading');
    const url = cut.attachments[0]!.uploadUrl;
    expect(url).toMatch(/^\/v1\/uploads\//);
    expect(cut.attachments[0]!.uploaded).toBe(false);
    await outbox.close();

    outbox = await fx.open();
    fx.clock.advance(60_000);
    expect(await forwarder().drainOnce()).toMatchObject({ delivered: 1 });
    expect(city.resumes).toEqual([{ url, offset: 1000 }]);
    expect(city.creations).toBe(2);
    expect(city.calls.filter((c) => c.op === 'createDossier')).toHaveLength(1);
    expect(city.commits).toBe(1);
  });

  it('syncs the status of delivered dossiers every interval → tracked', async () => {
    const a = await enqueue(1);
    const f = forwarder({ statusSyncMs: 30 * 60_000 });
    await f.drainOnce();
    city.statusCode = 4;
    fx.clock.advance(29 * 60_000);
    await f.drainOnce();
    expect(city.calls.filter((c) => c.op === 'getStatus')).toHaveLength(0);
    fx.clock.advance(60_000);
    expect(await f.drainOnce()).toMatchObject({ synced: 1 });
    expect(await record(a.id)).toMatchObject({ state: 'tracked', cityStatus: { code: 4, text: 'status 4', appointmentDate: '2026-12-01' } });
  });

  it('purges PII and files after the retention window, keeping anonymous counts', async () => {
    const a = await enqueue(2);
    const keep = await enqueue(1);
    const f = forwarder({ retentionDays: 30 });
    await f.drainOnce();
    const refs = (await record(a.id)).attachments.map((x) => x.storageRef!);
    const attDir = join(fx.dir, 'data', 'attachments');
    fx.clock.advance(29 * 86_400_000);
    expect(await f.drainOnce()).toMatchObject({ purged: 0 });
    expect(await readdir(attDir)).toEqual(expect.arrayContaining(refs));

    fx.clock.advance(2 * 86_400_000);
    expect(await f.drainOnce()).toMatchObject({ purged: 2 });
    const purged = await record(a.id);
    expect(purged.state).toBe('purged');
    expect(purged.attachments.every((x) => x.storageRef === null && x.uploadUrl === null)).toBe(true);
    const sub = await outbox.readSubmission(a.id);
    expect(sub.ok ? 'readable' : sub.error.kind).toBe('InvalidState');
    expect(await readdir(attDir)).toEqual([]);
    expect((await outbox.counts()).counts.purged).toBe(2);
    const daily = await outbox.dailyCounts();
    expect(daily.filter((d) => d.state === 'submitted').reduce((s, d) => s + d.count, 0)).toBe(2);
    expect(daily.filter((d) => d.state === 'purged').reduce((s, d) => s + d.count, 0)).toBe(2);
    expect((await record(keep.id)).localCode).toBe(keep.localCode);
  });

  it('never sends a dossier whose file is broken: dead, with the reason', async () => {
    const a = await enqueue(2);
    const ref = (await record(a.id)).attachments[1]!.storageRef!;
    const path = join(fx.dir, 'data', 'attachments', ref);
    const bytes = await readFile(path);
    bytes[bytes.length - 1]! ^= 1;
    await writeFile(path, bytes);
    const f = forwarder();
    expect(await f.drainOnce()).toMatchObject({ dead: 1 });
    expect(city.calls).toEqual([]);
    expect((await record(a.id)).lastError).toMatch(/^AttachmentBroken: attachment 1 of .* fails authentication$/);
  });

  it('runs on its own: start() sends at once, a failure schedules the next pass on the clock', async () => {
    const next = (pred: (e: ForwarderEvent) => boolean) => new Promise<ForwarderEvent>((resolve) => f.onEvent((e) => pred(e) && resolve(e)));
    const f = forwarder();
    const a = await enqueue(1);
    city.failNext('createDossier', unreachable);
    const firstStats = next((e) => e.type === 'stats');
    const firstScheduled = next((e) => e.type === 'scheduled');
    f.start();
    const s1 = await firstStats;
    expect(s1.type === 'stats' && s1.stats).toMatchObject({ counts: { uploading: 1 }, lastError: 'CityUnreachable: ECONNREFUSED', breaker: 'closed' });
    expect(s1.type === 'stats' && s1.stats.oldestPendingAgeMs).toBe(0);
    // the timer waits for the retry to be due (500 ms, raised to the 1 s minimum gap), no real sleeping
    const scheduled = await firstScheduled;
    expect(scheduled).toEqual({ type: 'scheduled', at: fx.clock.now() + 1_000 });
    fx.clock.advance(999);
    expect(city.calls).toHaveLength(1);
    const delivered = next((e) => e.type === 'dossier' && e.state === 'delivered');
    fx.clock.advance(1);
    expect(await delivered).toMatchObject({ id: a.id });
    await f.stop();
  });
});
