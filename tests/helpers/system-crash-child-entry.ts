// The kiosk core of the crash test, in a process the test kill -9s: the real Outbox on a data
// dir, the real Forwarder and CityClient towards the simulator in the test process.
//
// stdout protocol (one line each; process.stdout to a pipe is synchronous on Linux, so a line
// the test reads was written before the kill):
//   READY                       outbox open, forwarder started (it resumes what was in flight)
//   A <localCode> <sha256,…>    enqueue resolved ok: the receipt would print now
//   B <n> <op>  /  E <n> <op> <ok|error kind>   a city call began / ended (mid-flight evidence)
//   DONE <counts json>          drain mode: nothing left submitted or uploading
import { randomInt } from 'node:crypto';
import { createCityClient } from '../../main/city/city-client.js';
import type { CityClient } from '../../main/city/city-client-types.js';
import { Forwarder } from '../../main/outbox/forwarder.js';
import { fileKeyProvider } from '../../main/outbox/key-provider.js';
import { Outbox } from '../../main/outbox/outbox.js';
import { dossierInput, sha256Hex } from './system-fixtures.js';

export interface CrashChildArgs {
  mode: 'enqueue' | 'drain';
  /** the kiosk's id: its local codes start with it (two kiosks share one city in the test) */
  kioskId: string;
  dir: string;
  keyPath: string;
  cityUrl: string;
  /** enqueue waits while this many dossiers are still to send, so the backlog tracks the drain */
  maxBacklog: number;
  /** a child the test forgot stops itself */
  maxLifeMs: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as CrashChildArgs;
const say = (line: string): void => {
  process.stdout.write(line + '\n');
};
setTimeout(() => process.exit(3), args.maxLifeMs);

let callSeq = 0;
const traced = async <T extends { ok: boolean }>(op: string, call: () => Promise<T>): Promise<T> => {
  const n = ++callSeq;
  say(`B ${n} ${op}`);
  const r = await call();
  say(`E ${n} ${op} ${r.ok ? 'ok' : 'error' in r ? String((r.error as { kind?: unknown }).kind) : 'error'}`);
  return r;
};

const real = createCityClient({ baseUrl: args.cityUrl, kioskId: args.kioskId, auth: { type: 'none' }, connectTimeoutMs: 2_000, idleTimeoutMs: 5_000 });
const city: CityClient = {
  ...real,
  createDossier: (key, body) => traced('create', () => real.createDossier(key, body)),
  uploadAttachment: (id, file, opts) => traced('upload', () => real.uploadAttachment(id, file, opts)),
  submitDossier: (key, id) => traced('submit', () => real.submitDossier(key, id)),
};

const opened = await Outbox.open({ dir: args.dir, kioskId: args.kioskId, keyProvider: fileKeyProvider(args.keyPath) });
if (!opened.ok) throw new Error(`${opened.error.kind}: ${opened.error.message}`);
const outbox = opened.value;
const forwarder = new Forwarder({
  outbox,
  city,
  concurrency: 3,
  // short waits so hundreds of restarts still finish in minutes; the breaker must not hold
  // dossiers for a minute after the connection resets a kill leaves behind
  backoff: { baseMs: 20, capMs: 300 },
  breaker: { failureThreshold: 50, openMs: 200 },
  idleMs: 250,
});

const pending = async (): Promise<number> => {
  const { counts } = await outbox.counts();
  return counts.submitted + counts.uploading;
};

if (args.mode === 'drain') {
  let finishing = false;
  forwarder.onEvent((e) => {
    if (e.type !== 'stats' || finishing) return;
    if (e.stats.counts.submitted + e.stats.counts.uploading > 0) return;
    finishing = true;
    void (async () => {
      await forwarder.stop();
      const { counts } = await outbox.counts();
      await outbox.close();
      real.close();
      say(`DONE ${JSON.stringify(counts)}`);
      process.exit(0);
    })();
  });
  forwarder.start();
  say('READY');
} else {
  // wakes the enqueue loop when the forwarder has moved a dossier on
  let progressed: () => void = () => {};
  forwarder.onEvent((e) => {
    if (e.type === 'dossier' || e.type === 'stats') progressed();
  });
  forwarder.start();
  say('READY');
  for (;;) {
    while ((await pending()) >= args.maxBacklog) {
      await new Promise<void>((resolve) => {
        progressed = resolve;
        // a failure is not an event of its own: look again after a while anyway
        setTimeout(resolve, 100);
      });
    }
    // 1–2 attachments of 20–60 KB: some kills land in a PATCH, some in create or submit
    const sizes = Array.from({ length: randomInt(1, 3) }, () => randomInt(20 * 1024, 60 * 1024 + 1));
    const input = dossierInput(sizes);
    const r = await outbox.enqueue(input);
    if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.message}`);
    say(`A ${r.value.localCode} ${input.attachments.map((a) => sha256Hex(a.bytes)).join(',')}`);
    forwarder.wake();
  }
}
