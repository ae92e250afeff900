// System test: attachments of 1–3 MB whose connections are cut at random byte offsets resume
// from the city's offset instead of starting over. A TCP proxy between the kiosk and the
// simulator does the cutting (the simulator's own faults drop requests before their bodies).
//
// Full mode: 10 dossiers (~40 MB). `KIOSK_QUICK=1`: 4 dossiers. The cut offsets and file
// sizes are seeded; the seed is printed, replay with KIOSK_SEED=<n>.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCityClient, type ClosableCityClient } from '../../../main/city/city-client.js';
import { startCitySimulator, type CitySimulator } from '../../../main/city-sim/server.js';
import { Forwarder } from '../../../main/outbox/forwarder.js';
import { fileKeyProvider } from '../../../main/outbox/key-provider.js';
import { Outbox } from '../../../main/outbox/outbox.js';
import { startCutProxy, type CutProxy } from '../../helpers/system-cut-proxy.js';
import { between, dossierInput, QUICK, seededRandom, sha256Hex, testSeed, waitFor } from '../../helpers/system-fixtures.js';

const DOSSIERS = QUICK ? 4 : 10;
const MB = 1024 * 1024;

let work: string;
let sim: CitySimulator | undefined;
let proxy: CutProxy | undefined;
let outbox: Outbox | undefined;
let client: ClosableCityClient | undefined;
let forwarder: Forwarder | undefined;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-resume-'));
});

afterAll(async () => {
  await forwarder?.stop();
  client?.close();
  await outbox?.close();
  await proxy?.close();
  await sim?.close();
  await rm(work, { recursive: true, force: true });
});

describe('resumable uploads over a link that breaks mid-body', () => {
  it(
    'every attachment arrives intact while the city receives at most 1.2× the bytes of the files',
    async () => {
      const rng = seededRandom(testSeed('upload-resume'));
      sim = await startCitySimulator({ dataDir: join(work, 'city') });
      // every connection dies somewhere between 64 KB and 1.5 MB into what the kiosk sends
      // (keep-alive would otherwise carry everything over one or two lucky connections)
      proxy = await startCutProxy({ host: '127.0.0.1', port: sim.port }, { rng, cutRate: 1, minBytes: 64 * 1024, maxBytes: 1.5 * MB });
      const opened = await Outbox.open({ dir: join(work, 'outbox'), kioskId: 'K0007', keyProvider: fileKeyProvider(join(work, 'outbox.key')) });
      if (!opened.ok) throw new Error(opened.error.message);
      outbox = opened.value;
      client = createCityClient({ baseUrl: `http://127.0.0.1:${proxy.port}/v1`, kioskId: 'K0007', auth: { type: 'none' }, connectTimeoutMs: 2_000, idleTimeoutMs: 5_000 });
      forwarder = new Forwarder({ outbox, city: client, concurrency: 2, backoff: { baseMs: 20, capMs: 300 }, breaker: { failureThreshold: 10, openMs: 250 }, idleMs: 500 });

      const enqueued = new Map<string, string[]>();
      let totalBytes = 0;
      for (let i = 0; i < DOSSIERS; i++) {
        const sizes = Array.from({ length: between(rng, 1, 2) }, () => between(rng, 1 * MB, 3 * MB));
        totalBytes += sizes.reduce((s, n) => s + n, 0);
        const input = dossierInput(sizes);
        const r = await outbox.enqueue(input);
        if (!r.ok) throw new Error(r.error.message);
        enqueued.set(r.value.localCode, input.attachments.map((a) => sha256Hex(a.bytes)));
      }
      forwarder.start();

      const o = outbox;
      const final = await waitFor(
        'every dossier delivered or dead',
        async () => {
          const { counts } = await o.counts();
          return counts.submitted + counts.uploading === 0 ? counts : undefined;
        },
        { timeoutMs: QUICK ? 90_000 : 150_000, intervalMs: 250 },
      );
      await forwarder.stop();
      const records = await sim.records();
      const ratio = records.uploadBytesReceived / totalBytes;
      process.stdout.write(
        `[upload-resume] ${enqueued.size} dossiers, ${(totalBytes / MB).toFixed(1)} MB of files; city received ${(records.uploadBytesReceived / MB).toFixed(1)} MB (${ratio.toFixed(3)}×); ` +
          `${proxy.stats.cuts} cuts of ${proxy.stats.connections} connections, ${proxy.stats.cutsInPatch} inside a PATCH; HEADs ${records.counters.tusHead.requests}\n`,
      );

      // the links really broke inside uploads, and the kiosk asked where to resume
      expect(proxy.stats.cutsInPatch).toBeGreaterThanOrEqual(DOSSIERS / 2);
      expect(records.counters.tusHead.requests).toBeGreaterThan(0);

      expect(final).toMatchObject({ delivered: DOSSIERS, dead: 0 });
      expect(records.dossiers.length).toBe(DOSSIERS);
      for (const d of records.dossiers) {
        expect(d.createCount, d.localCode).toBe(1);
        expect(d.officialCode, d.localCode).not.toBeNull();
        expect(d.attachments.map((a) => a.sha256).sort(), d.localCode).toEqual([...(enqueued.get(d.localCode) ?? [])].sort());
        expect(d.attachments.every((a) => a.complete && a.receivedSha256 === a.sha256), d.localCode).toBe(true);
      }
      // resumed, not restarted: starting over after each cut would cost far more
      expect(ratio).toBeLessThanOrEqual(1.2);
    },
    QUICK ? 120_000 : 180_000,
  );
});
