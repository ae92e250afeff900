// System test: Outbox + Forwarder + the real CityClient against the city simulator with 30 %
// of the requests on every sending route failing, in every way the simulator knows.
//
// Full mode: 500 dossiers (about 1–2 minutes). `KIOSK_QUICK=1`: 60 dossiers.
// The simulator's fault draws are seeded; the seed is printed, replay with KIOSK_SEED=<n>
// (the interleaving of concurrent requests still varies from run to run).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCityClient, type ClosableCityClient } from '../../../main/city/city-client.js';
import { faultKinds, type RouteKey } from '../../../main/city-sim/faults.js';
import { startCitySimulator, type CitySimulator } from '../../../main/city-sim/server.js';
import { Forwarder } from '../../../main/outbox/forwarder.js';
import { fileKeyProvider } from '../../../main/outbox/key-provider.js';
import { Outbox } from '../../../main/outbox/outbox.js';
import { between, dossierInput, QUICK, seededRandom, sha256Hex, testSeed, waitFor } from '../../helpers/system-fixtures.js';

const DOSSIERS = QUICK ? 60 : 500;
const ROUTES: readonly RouteKey[] = ['createDossier', 'tusCreate', 'tusPatch', 'tusHead', 'submitDossier'];

let work: string;
let sim: CitySimulator | undefined;
let outbox: Outbox | undefined;
let client: ClosableCityClient | undefined;
let forwarder: Forwarder | undefined;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-faults-'));
});

afterAll(async () => {
  await forwarder?.stop();
  client?.close();
  await outbox?.close();
  await sim?.close();
  await rm(work, { recursive: true, force: true });
});

describe('forwarding through a faulty network', () => {
  it(
    `${DOSSIERS} dossiers reach the city exactly once, intact, with 30 % of requests failing in every way`,
    async () => {
      const seed = testSeed('network-faults');
      const rng = seededRandom(seed);
      const fault = { rate: 0.3, kinds: [...faultKinds], retryAfterSeconds: 1 };
      sim = await startCitySimulator({
        dataDir: join(work, 'city'),
        faults: { seed, routes: Object.fromEntries(ROUTES.map((r) => [r, fault])), slowBody: { chunkBytes: 24, intervalMs: 5 } },
      });
      const opened = await Outbox.open({ dir: join(work, 'outbox'), kioskId: 'K0007', keyProvider: fileKeyProvider(join(work, 'outbox.key')) });
      if (!opened.ok) throw new Error(opened.error.message);
      outbox = opened.value;
      // a short idle timeout so a hung request fails in a second rather than the default minute
      client = createCityClient({ baseUrl: sim.url, kioskId: 'K0007', auth: { type: 'none' }, connectTimeoutMs: 2_000, idleTimeoutMs: 1_000 });
      forwarder = new Forwarder({
        outbox,
        city: client,
        concurrency: 4,
        batchSize: 100,
        backoff: { baseMs: 20, capMs: 500 },
        // at 30 % failures a run of 10 is rare; a short open period keeps the breaker honest without stalling the test
        breaker: { failureThreshold: 10, openMs: 250 },
        idleMs: 500,
      });

      // Retry-After must be honoured even though the backoff cap (500 ms) is shorter than it:
      // the delay the forwarder chose, as it reports it (a clock read in this listener would
      // measure the machine's load as well)
      const retryWaits: number[] = [];
      forwarder.onEvent((e) => {
        if (e.type === 'dossier' && /^CityBusy (429|503)/.test(e.error ?? '') && e.retryInMs !== undefined) retryWaits.push(e.retryInMs);
      });
      forwarder.start();

      const enqueued = new Map<string, string[]>();
      for (let i = 0; i < DOSSIERS; i++) {
        const input = dossierInput(Array.from({ length: between(rng, 1, 2) }, () => between(rng, 2_000, 12_000)));
        const r = await outbox.enqueue(input);
        if (!r.ok) throw new Error(r.error.message);
        enqueued.set(r.value.localCode, input.attachments.map((a) => sha256Hex(a.bytes)));
        forwarder.wake();
      }

      const started = Date.now();
      const o = outbox;
      const final = await waitFor(
        'every dossier delivered or dead',
        async () => {
          const { counts } = await o.counts();
          return counts.submitted + counts.uploading === 0 ? counts : undefined;
        },
        { timeoutMs: QUICK ? 90_000 : 200_000, intervalMs: 250 },
      );
      await forwarder.stop();
      const records = await sim.records();
      const injected = Object.fromEntries(faultKinds.map((k) => [k, ROUTES.reduce((s, r) => s + (records.counters[r].faultsByKind[k] ?? 0), 0)]));
      process.stdout.write(
        `[network-faults] drained ${DOSSIERS} in ${Math.round((Date.now() - started) / 1000)} s after enqueue; faults ${JSON.stringify(injected)}; ` +
          `per route ${JSON.stringify(Object.fromEntries(ROUTES.map((r) => [r, `${records.counters[r].faultsInjected}/${records.counters[r].requests}`])))}; ` +
          `Retry-After waits ${retryWaits.length}, shortest ${Math.min(...retryWaits)} ms\n`,
      );

      // the faults really happened, every kind of them on every route
      for (const k of faultKinds) expect(injected[k], `fault kind ${k} injected`).toBeGreaterThan(0);
      for (const r of ROUTES) expect(records.counters[r].faultsInjected, `faults on ${r}`).toBeGreaterThan(0);
      expect(records.counters.createDossier.replays + records.counters.submitDossier.replays, 'commitThenDrop answers replayed').toBeGreaterThan(0);

      // every dossier delivered, none dead, each recorded once with the bytes that were enqueued
      expect(final).toMatchObject({ delivered: DOSSIERS, dead: 0 });
      const byCode = new Map(records.dossiers.map((d) => [d.localCode, d]));
      expect(records.dossiers.length).toBe(DOSSIERS);
      for (const [code, shas] of enqueued) {
        const d = byCode.get(code);
        expect(d, code).toBeDefined();
        expect(d!.createCount, code).toBe(1);
        expect(d!.submitCount, code).toBe(1);
        expect(d!.officialCode, code).not.toBeNull();
        expect(d!.attachments.map((a) => a.sha256).sort(), code).toEqual([...shas].sort());
        expect(d!.attachments.every((a) => a.complete && a.receivedSha256 === a.sha256), code).toBe(true);
      }
      const rows = await outbox.list();
      expect(rows.filter((r) => r.state !== 'delivered' || r.officialCode !== byCode.get(r.localCode)?.officialCode)).toEqual([]);

      expect(retryWaits.length).toBeGreaterThan(0);
      // Retry-After: 1 → the next try no sooner than a second later
      expect(Math.min(...retryWaits)).toBeGreaterThanOrEqual(1000);
    },
    QUICK ? 150_000 : 280_000,
  );
});
