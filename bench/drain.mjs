#!/usr/bin/env node
// P2 — draining a backlog: N dossiers (default 1,000, each 2 × 50 KB) already in the outbox,
// forwarded by the Forwarder (decrypt, tus upload, state changes fsync'ed) vs a plain client
// pushing the same payloads to the same simulator (create → tus upload → submit, no outbox,
// no encryption, no persistence), with the same HTTP client and the same concurrency.
// The simulator runs in a child process with a fresh data dir for each side, so this
// process's RSS is the kiosk core's. Enqueueing is not timed (that is P1, bench/enqueue.mjs).
//   BENCH_DOSSIERS=N  BENCH_RUNS=R (each run does both sides, order alternating)
import { spawn } from 'node:child_process';
import { createCipheriv, createHash, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleTs, importTs } from './lib/import-ts.mjs';
import { repoRoot, round, writeResult } from './lib/results.mjs';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const CONCURRENCY = 4;
const PAGES = 2;
const PAGE_BYTES = 50 * 1024;
const BATCH = Math.max(1, Math.round(DOSSIERS / 10));

const cache = join(repoRoot, 'node_modules', '.cache', 'bench');
mkdirSync(cache, { recursive: true });
const core = importTs(
  'drain-core',
  `export { Outbox } from './main/outbox/outbox.ts';
   export { fileKeyProvider } from './main/outbox/key-provider.ts';
   export { Forwarder } from './main/outbox/forwarder.ts';
   export { createCityClient } from './main/city/city-client.ts';`,
);
// the city in its own process: prints its URL, runs until stdin closes
const simFile = await bundleTs(
  'drain-sim',
  `import { startCitySimulator } from './main/city-sim/server.ts';
   const sim = await startCitySimulator({ dataDir: process.argv[2] });
   process.stdout.write(sim.url + '\\n');
   process.stdin.resume();
   process.stdin.on('end', () => void sim.close().then(() => process.exit(0)));`,
);
const { Outbox, fileKeyProvider, Forwarder, createCityClient } = await core;

const work = join(cache, `drain-data-${process.pid}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const startSim = (dir) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [simFile, dir], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`city simulator exited with ${code}`)));
    child.stdout.on('data', (d) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve({ url: line.trim(), stop: () => new Promise((ok) => (child.removeAllListeners('exit'), child.on('exit', ok), child.stdin.end())) });
    });
  });

// the same incompressible bytes on both sides, from a keystream, without holding 100 MB
const page = (i, p) => createCipheriv('aes-128-ctr', Buffer.alloc(16, 7), Buffer.from(createHash('md5').update(`${i}/${p}`).digest())).update(Buffer.alloc(PAGE_BYTES));
const sha256 = (b) => createHash('sha256').update(b).digest('hex');
const draft = {
  procedureCode: '1.000894',
  siteId: 'HCM-BENNGHE',
  channel: 'kiosk',
  applicant: { idNumber: '001090123456', fullName: 'Nguyễn Thị Hồng Nhung', dateOfBirth: '1990-04-12', sex: 'female', address: '12 Lê Thánh Tôn, Bến Nghé', identitySource: 'qr' },
  form: { reason: 'Chuyển nơi ở' },
  delivery: { method: 'counter' },
  consent: { version: '2026-01', purposes: ['process-dossier'], givenAt: '2026-11-24T08:00:00Z' },
};
const attachments = (i) => Array.from({ length: PAGES }, (_, p) => ({ componentId: `TP${p + 1}`, fileName: `trang-${p + 1}.pdf`, mediaType: 'application/pdf', bytes: page(i, p) }));
const clientFor = (url, kioskId) => createCityClient({ baseUrl: url, kioskId, auth: { type: 'none' }, connectTimeoutMs: 5_000, idleTimeoutMs: 30_000 });
const mb = (bytes) => round(bytes / 1024 / 1024, 1);

/** per-batch rates (dossiers/s) from the completion times, and the overall rate */
const rates = (t0, done) => {
  done.sort((a, b) => a - b);
  const batches = [];
  for (let k = BATCH; k <= done.length; k += BATCH) batches.push(BATCH / ((done[k - 1] - (k === BATCH ? t0 : done[k - BATCH - 1])) / 1000));
  return { perSecond: done.length / ((done.at(-1) - t0) / 1000), batches };
};

const plain = async (run) => {
  const sim = await startSim(join(work, `plain-city-${run}`));
  const city = clientFor(sim.url, 'K0008');
  const t0 = performance.now();
  const done = [];
  let next = 0;
  const one = async (i) => {
    const files = attachments(i);
    const body = {
      ...draft,
      localCode: `K0008-261124-${String(i + 1).padStart(4, '0')}`,
      submittedAt: new Date().toISOString(),
      attachments: files.map((a) => ({ componentId: a.componentId, fileName: a.fileName, mediaType: a.mediaType, size: a.bytes.length, sha256: sha256(a.bytes) })),
    };
    const created = await city.createDossier(randomUUID(), body);
    if (!created.ok) throw new Error(`plain create: ${created.error.message}`);
    for (const [k, a] of files.entries()) {
      const d = body.attachments[k];
      const up = await city.uploadAttachment(created.value.dossierId, { ...d, read: async () => a.bytes });
      if (!up.ok) throw new Error(`plain upload: ${up.error.message}`);
    }
    const submitted = await city.submitDossier(randomUUID(), created.value.dossierId);
    if (!submitted.ok) throw new Error(`plain submit: ${submitted.error.message}`);
    done.push(performance.now());
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < DOSSIERS) await one(next++);
  }));
  city.close();
  await sim.stop();
  return rates(t0, done);
};

const ours = async (run) => {
  const sim = await startSim(join(work, `ours-city-${run}`));
  const city = clientFor(sim.url, 'K0007');
  const opened = await Outbox.open({ dir: join(work, `ours-outbox-${run}`), kioskId: 'K0007', keyProvider: fileKeyProvider(join(work, `ours-${run}.key`)), checkOnOpen: false });
  if (!opened.ok) throw new Error(opened.error.message);
  const outbox = opened.value;
  for (let i = 0; i < DOSSIERS; i++) {
    const r = await outbox.enqueue({ procedureCode: draft.procedureCode, channel: 'kiosk', submission: draft, attachments: attachments(i) });
    if (!r.ok) throw new Error(r.error.message);
  }
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  // the app's wiring, at the plain side's concurrency
  const forwarder = new Forwarder({ outbox, city, concurrency: CONCURRENCY });
  const done = [];
  let failures = 0;
  const t0 = performance.now();
  const finished = new Promise((resolve) =>
    forwarder.onEvent((e) => {
      if (e.type !== 'dossier') return;
      if (e.state !== 'delivered') failures++;
      else if (done.push(performance.now()) === DOSSIERS) resolve();
    }),
  );
  forwarder.start();
  await finished;
  const rssAfter = process.memoryUsage().rss;
  await forwarder.stop();
  await outbox.close();
  city.close();
  await sim.stop();
  return { ...rates(t0, done), rssBefore, rssAfter, failures };
};

const runs = [];
for (let run = 0; run < RUNS; run++) {
  // alternate the order so warm-up and drift do not favour one side
  const first = run % 2 === 0 ? 'plain' : 'ours';
  const r = {};
  for (const side of first === 'plain' ? ['plain', 'ours'] : ['ours', 'plain']) r[side] = side === 'plain' ? await plain(run) : await ours(run);
  process.stdout.write(
    `  run ${run + 1}: ours ${round(r.ours.perSecond)}/s, plain ${round(r.plain.perSecond)}/s (${round(r.ours.perSecond / r.plain.perSecond)}×), ` +
      `rss ${mb(r.ours.rssBefore)} → ${mb(r.ours.rssAfter)} MB, failed tries ${r.ours.failures}\n`,
  );
  runs.push(r);
}
rmSync(work, { recursive: true, force: true });

const sum = (f) => runs.reduce((s, r) => s + f(r), 0);
const oursPerSecond = sum((r) => r.ours.perSecond) / runs.length;
const plainPerSecond = sum((r) => r.plain.perSecond) / runs.length;
writeResult('drain', {
  name: `drain ${DOSSIERS} dossiers (${PAGES} × ${PAGE_BYTES / 1024} KB) through the forwarder vs a plain client`,
  unit: 'dossiers/s',
  target: '>= 0.8x the plain client',
  value: oursPerSecond,
  samples: runs.flatMap((r) => r.ours.batches),
  extra: {
    ratio: round(oursPerSecond / plainPerSecond),
    oursPerSecond: round(oursPerSecond),
    plainPerSecond: round(plainPerSecond),
    rssBeforeMb: mb(Math.max(...runs.map((r) => r.ours.rssBefore))),
    rssAfterMb: mb(Math.max(...runs.map((r) => r.ours.rssAfter))),
    dossiers: DOSSIERS,
    perRun: runs.map((r) => ({ ours: round(r.ours.perSecond), plain: round(r.plain.perSecond), ratio: round(r.ours.perSecond / r.plain.perSecond), rssBeforeMb: mb(r.ours.rssBefore), rssAfterMb: mb(r.ours.rssAfter) })),
    plainBatches: runs.flatMap((r) => r.plain.batches.map((b) => round(b))),
    concurrency: CONCURRENCY,
    batchOf: BATCH,
  },
});
