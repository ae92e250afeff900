import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JourneyEvent } from '../../../main/core/journey-journal.js';
import { deliveredCode, dossierArgs, startJourneyApp, startSession, waitFor, type JourneyApp, type JourneyAppOptions } from '../../helpers/journey-app.js';

// rating.submit: kept durably in the journey database, forwarded to the city's ratings
// endpoint under an Idempotency-Key, once, by official code.

const fast: JourneyAppOptions['deps'] = {
  forwarder: { backoff: { baseMs: 50, capMs: 200 }, breaker: { failureThreshold: 1000, openMs: 100 }, idleMs: 200 },
  ratings: { backoff: { baseMs: 50, capMs: 200 }, waitMs: 100, idleMs: 200 },
};
const apps: JourneyApp[] = [];
const start = async (opts: JourneyAppOptions = {}) => {
  const app = await startJourneyApp({ deps: fast, ...opts });
  apps.push(app);
  return app;
};
afterAll(async () => {
  for (const a of apps) await a.close().catch(() => undefined);
});

const submit = async (app: JourneyApp, sessionId: string): Promise<string> => {
  const r = await app.core.dispatch('dossier.submit', dossierArgs(sessionId, '2.000635'));
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { localCode: string }).localCode;
};
const cityRatings = async (app: JourneyApp, localCode: string) => {
  const records = await app.city.simulator!.records();
  return records.dossiers.find((d) => d.localCode === localCode)?.ratings ?? [];
};

describe('rating.submit', () => {
  it('by local code before delivery: kept, waits for the official code, then reaches the city once', async () => {
    const app = await start();
    const journal: JourneyEvent[] = [];
    app.journal.on((e) => journal.push(e));
    const city = app.city.simulator!;
    // the city refuses new dossiers for now: the dossier stays undelivered
    city.faults.set({ routes: { createDossier: { rate: 1, kinds: ['503'], retryAfterSeconds: 0 } } });
    const sessionId = await startSession(app);
    const localCode = await submit(app, sessionId);

    expect(await app.core.dispatch('rating.submit', { sessionId, code: localCode, level: 3, comment: 'Phải chờ quá lâu' })).toEqual({ ok: true, value: { kept: true } });
    expect(journal.filter((e) => e.type === 'rating.given')).toEqual([{ type: 'rating.given', level: 3, at: expect.any(Number) }]);
    const waiting = await waitFor(async () => (await app.ratings.list()).find((r) => r.lastError !== null));
    expect(waiting).toMatchObject({ state: 'pending', localCode, officialCode: null, attempts: 0, lastError: expect.stringContaining('not delivered yet') });

    city.faults.clear();
    const officialCode = await deliveredCode(app, localCode);
    await waitFor(async () => ((await cityRatings(app, localCode)).length > 0 ? true : undefined));
    // KioskApi 3 (Không hài lòng) is the city's 1 (Không hài lòng): the contracts count opposite ways
    expect(await cityRatings(app, localCode)).toEqual([expect.objectContaining({ level: 1, comment: 'Phải chờ quá lâu' })]);
    await waitFor(async () => ((await app.ratings.list(['delivered'])).length === 1 ? true : undefined));
    expect(await app.ratings.list()).toEqual([expect.objectContaining({ state: 'delivered', officialCode, hasComment: false })]);

    // the same dossier again (by its official code now): the first rating stays, nothing new
    expect(await app.core.dispatch('rating.submit', { sessionId, code: officialCode, level: 1 })).toEqual({ ok: true, value: { kept: true } });
    expect(await app.ratings.list()).toHaveLength(1);
    expect(journal.filter((e) => e.type === 'rating.given')).toHaveLength(1);
    await app.ratingSender.drainOnce();
    expect(await cityRatings(app, localCode)).toHaveLength(1);
  });

  it('an answer lost on the way back is retried under the same key: recorded once', async () => {
    const app = await start();
    const sessionId = await startSession(app);
    const localCode = await submit(app, sessionId);
    await deliveredCode(app, localCode);
    app.city.simulator!.faults.set({ routes: { rateDossier: { rate: 1, kinds: ['commitThenDrop'], count: 1 } } });
    expect(await app.core.dispatch('rating.submit', { sessionId, code: localCode, level: 2 })).toMatchObject({ ok: true });
    await waitFor(async () => ((await app.ratings.list(['delivered'])).length === 1 ? true : undefined));
    // the city committed the first request and dropped the answer; the retry (the client's on a
    // reused socket, or the sender's) carried the same Idempotency-Key and got the replay
    const { counters } = await app.city.simulator!.records();
    expect(counters.rateDossier).toMatchObject({ faultsInjected: 1, replays: 1 });
    expect((await app.ratings.list())[0]).toMatchObject({ state: 'delivered' });
    expect(await cityRatings(app, localCode)).toEqual([expect.objectContaining({ level: 2 })]);
  });

  it('kept across a restart while the city is down, sealed at rest, delivered once after', async () => {
    const first = await start();
    const sessionId = await startSession(first);
    const localCode = await submit(first, sessionId);
    const officialCode = await deliveredCode(first, localCode);
    first.city.simulator!.faults.setOffline(true);
    const comment = 'Số điện thoại của tôi 0901234567';
    expect(await first.core.dispatch('rating.submit', { sessionId, code: officialCode, level: 1, comment })).toEqual({ ok: true, value: { kept: true } });
    await waitFor(async () => ((await first.ratings.list())[0]?.attempts ?? 0) > 0 ? true : undefined);
    expect(await first.ratings.list()).toEqual([expect.objectContaining({ state: 'pending', localCode, officialCode, hasComment: true, lastError: expect.stringContaining('CityUnreachable') })]);
    await first.close();
    apps.splice(apps.indexOf(first), 1);

    // the comment is free text a resident may fill with PII: never on disk in clear
    const dir = join(first.dataDir, 'journey');
    for (const f of ['journey.db', 'journey.db-wal']) {
      const bytes = await readFile(join(dir, f)).catch(() => Buffer.alloc(0));
      expect(bytes.includes(Buffer.from('0901234567')), f).toBe(false);
    }

    const second = await start({ dataDir: first.dataDir });
    await waitFor(async () => ((await second.ratings.list(['delivered'])).length === 1 ? true : undefined));
    expect(await cityRatings(second, localCode)).toEqual([expect.objectContaining({ level: 3, comment })]);
    await second.ratingSender.drainOnce();
    expect(await cityRatings(second, localCode)).toHaveLength(1);
  });

  it('refuses a code nobody knows, a session that is over, and a level outside 1–3', async () => {
    const app = await start();
    const sessionId = await startSession(app);
    expect(await app.core.dispatch('rating.submit', { sessionId, code: '000.00.01.H26-200101-9999', level: 2 })).toMatchObject({ ok: false, error: { kind: 'DossierNotFound' } });
    expect(await app.core.dispatch('rating.submit', { sessionId, code: 'TEST01-200101-9999', level: 2 })).toMatchObject({ ok: false, error: { kind: 'DossierNotFound' } });
    expect(await app.core.dispatch('rating.submit', { sessionId, code: 'TEST01-200101-9999', level: 4 })).toMatchObject({ ok: false, error: { kind: 'InvalidArguments' } });
    await app.core.dispatch('session.end', { sessionId, reason: 'user' });
    expect(await app.core.dispatch('rating.submit', { sessionId, code: 'TEST01-200101-9999', level: 2 })).toMatchObject({ ok: false, error: { kind: 'SessionNotFound' } });
    expect(await app.ratings.list()).toEqual([]);
  });
});
