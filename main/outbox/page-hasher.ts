import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

// The sha256 of each page (declared to the city, checked after decryption), shared with a
// second core. An enqueue is CPU-bound before it is I/O-bound: for a 3 MB dossier, sealing
// (AES-GCM) takes ~1.2 ms, hashing the pages ~1.9 ms and hashing the sealed pack for its name
// ~1.9 ms, all on this thread, while the kiosk's second core only copies the pages into the
// page cache. The pages' hashes depend on nothing else, so a worker takes them meanwhile.
//
// The pages reach the worker through one SharedArrayBuffer, reused (a fresh 3 MB buffer would
// be fresh pages, slow on these VMs): copying 3 MB costs ~0.3 ms. Each page has a state word;
// whoever claims a page first (compare-and-swap) hashes it. This thread claims the page it is
// about to seal and hashes it in the sealing pass, unless the worker has it already. So a busy
// or starved worker costs nothing but the copy: this thread hashes whatever it finds unclaimed,
// and waits at most a moment for a page the worker is in the middle of (then hashes it itself).

/** Below this many bytes in all, the round trip to the worker costs more than it saves. */
const MIN_BYTES = 256 * 1024;
/** Above this, the shared buffer would hold too much memory for as long as the outbox is open. */
const MAX_BYTES = 64 * 1024 * 1024;
/** How long to wait for a page the worker is hashing before hashing it here as well. */
const WAIT_MS = 2;

// states of a page
const FREE = 0;
const MINE = 1; // this thread's: it hashes it while sealing
const TAKEN = 2; // the worker is hashing it
const DONE = 3; // the worker wrote its digest

const DIGEST_BYTES = 32;

// evaluated, not a file: nothing more to bundle, nor to find beside the app in the package.
// Layout of the shared buffer: n Int32 states | n digests | the pages end to end.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
parentPort.on('message', ({ job, buffer, lengths, digestsAt, dataAt }) => {
  const states = new Int32Array(buffer, 0, lengths.length);
  const bytes = new Uint8Array(buffer);
  let at = dataAt;
  for (let i = 0; i < lengths.length; at += lengths[i], i++) {
    if (Atomics.compareExchange(states, i, ${FREE}, ${TAKEN}) !== ${FREE}) continue;
    bytes.set(createHash('sha256').update(bytes.subarray(at, at + lengths[i])).digest(), digestsAt + i * ${DIGEST_BYTES});
    Atomics.store(states, i, ${DONE});
    Atomics.notify(states, i);
  }
  parentPort.postMessage(job);
});
`;

/** One enqueue's pages, shared between this thread and the worker. */
export interface PageHashJob {
  /** Called just before sealing page `i`: true when this thread is to hash it in that pass. */
  claim(i: number): boolean;
  /** The hex sha256 of page `i` when the worker did it; hashed here if the worker is late. */
  digest(i: number): string;
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export class PageHasher {
  private worker: Worker | null = null;
  private ready = false;
  private closed = false;
  private shared: SharedArrayBuffer | null = null;
  /** the job whose pages the worker may still be reading: the buffer is not reused before it ends */
  private busy: number | null = null;
  private jobs = 0;

  /** Shares `pages` with the worker, or null when this thread had better hash them all itself. */
  start(pages: readonly Uint8Array[]): PageHashJob | null {
    const total = pages.reduce((s, p) => s + p.length, 0);
    if (total < MIN_BYTES || total > MAX_BYTES || this.closed) return null;
    const worker = this.spawn();
    // not up yet (the first dossier after opening), or another enqueue's pages still in it
    if (!this.ready || this.busy !== null) return null;
    const n = pages.length;
    const digestsAt = Math.ceil((4 * n) / 8) * 8;
    const dataAt = digestsAt + DIGEST_BYTES * n;
    if (!this.shared || this.shared.byteLength < dataAt + total) this.shared = new SharedArrayBuffer(2 ** Math.ceil(Math.log2(dataAt + total)));
    const buffer = this.shared;
    const states = new Int32Array(buffer, 0, n);
    const bytes = new Uint8Array(buffer);
    states.fill(FREE);
    let at = dataAt;
    for (const p of pages) {
      bytes.set(p, at);
      at += p.length;
    }
    const job = ++this.jobs;
    this.busy = job;
    // held while the worker has the pages (an unref'd worker would let the process exit first)
    worker.ref();
    worker.postMessage({ job, buffer, lengths: pages.map((p) => p.length), digestsAt, dataAt });
    return {
      claim: (i) => Atomics.compareExchange(states, i, FREE, MINE) === FREE,
      digest: (i) => {
        let state = Atomics.load(states, i);
        // the worker is on it right now: a page takes it well under a millisecond
        if (state === TAKEN) {
          Atomics.wait(states, i, TAKEN, WAIT_MS);
          state = Atomics.load(states, i);
        }
        if (state === DONE) return hex(bytes.subarray(digestsAt + i * DIGEST_BYTES, digestsAt + (i + 1) * DIGEST_BYTES));
        // late, or gone: hashed here after all (from the caller's page; the worker only reads the copy)
        return sha256Hex(pages[i]!);
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private spawn(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    // an idle worker must not keep the process alive (nor a test run from ending)
    worker.unref();
    worker.on('online', () => {
      this.ready = true;
    });
    worker.on('message', (job: number) => {
      if (job !== this.busy) return;
      this.busy = null;
      worker.unref();
    });
    // a worker that failed is not started again: this thread hashes, as without one.
    // A job it left half done still completes: `digest` hashes whatever it did not finish
    const gone = () => {
      this.closed = true;
      this.busy = null;
    };
    worker.on('error', gone);
    worker.on('exit', gone);
    this.worker = worker;
    return worker;
  }
}
