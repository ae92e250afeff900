import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { OutboxFs } from './outbox-fs.js';
import { SEALED_HEADER_BYTES } from './seal.js';

// Sealed attachments under attachments/: one file per dossier (a "pack": each attachment
// sealed on its own, laid end to end), named by a sha256 that commits to its bytes (see
// `packName`). The name reveals nothing about the scans (the IVs in it are random).
// One file rather than one per page because every new file costs a journal commit of its own:
// measured, ten fdatasync'ed files took ~3× the time of one (bench/enqueue.mjs).
// The pack is written under a temporary name, fdatasync'ed, renamed, and the directory
// fsync'ed, all BEFORE the dossier row commits: a committed row always finds its file.

const REF = /^[0-9a-f]{64}$/;
const TMP_PREFIX = '.tmp-';
const PACK_NAME_DOMAIN = Buffer.from('kiosk-outbox/pack/v2\n', 'utf8');

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** What names a sealed item in its pack: its header (version | iv | GCM tag) and its plaintext's sha256. */
export interface PackItemDigest {
  header: Uint8Array;
  /** hex */
  plainSha256: string;
}

/**
 * A pack's name: the sha256 of its items' headers and plaintext digests, in order. It commits
 * to every byte of the file without hashing the file: each item's ciphertext is bound by the
 * GCM tag in its header (under the kiosk's key) and its plaintext by the sha256 the enqueue
 * takes anyway for the city, in the same pass as the encryption. A sha256 of the file end to
 * end, as before, was a third pass over the pages: ~1.9 ms of the enqueue's ~5 ms of CPU for
 * 3 MB (bench/enqueue.mjs). The price: checking a pack needs the key (Outbox.checkIntegrity
 * decrypts), where a plain hash could be checked without it.
 */
export const packName = (items: readonly PackItemDigest[]): string => {
  const h = createHash('sha256').update(PACK_NAME_DOMAIN);
  for (const item of items) h.update(item.header).update(Buffer.from(item.plainSha256, 'hex'));
  return h.digest('hex');
};

/** A name from before the manifest (the sha256 of the whole file): such packs are still accepted. */
export const isWholeFileName = (ref: string, bytes: Uint8Array): boolean => sha256Hex(bytes) === ref;

/** Where each sealed item goes in its pack, known before sealing: GCM adds a header and no padding. */
export const packPlaces = (plaintextLengths: readonly number[]): PackPlace[] => {
  let offset = 0;
  return plaintextLengths.map((n) => {
    const place = { offset, length: SEALED_HEADER_BYTES + n };
    offset += place.length;
    return place;
  });
};

export type ReadOutcome = { ok: true; sealed: Buffer } | { ok: false; problem: 'missing' | 'corrupt' };

export interface PackPlace {
  offset: number;
  length: number;
}

export interface PendingPack {
  /**
   * Starts writing one item at its place (see `packPlaces`), given as the parts that laid end to
   * end are its bytes: one gather write on the thread pool while the caller seals the next
   * item. Items may come in any order.
   */
  write(place: PackPlace, parts: readonly Uint8Array[]): void;
  /**
   * No more items. `ref`, the pack's name (from every item's digest, in order), is known at once
   * (so the caller can prepare its row while the disk works); `durable` resolves once the pack
   * is fdatasync'ed under that name and the name fsync'ed into the directory. Call once, after
   * the last `write`.
   */
  finish(items: readonly PackItemDigest[]): { ref: string; durable: Promise<void> };
  /** Removes whatever this pack created, once everything it started has settled; after a failure. */
  abort(): Promise<void>;
}

const ignore = (): undefined => undefined;

/** How many bytes added since the last fdatasync start another (see `add`). */
const EARLY_SYNC_BYTES = 1024 * 1024;

export class AttachmentStore {
  constructor(
    readonly dir: string,
    private readonly fs: OutboxFs,
  ) {}

  async init(): Promise<void> {
    await this.fs.mkdir(this.dir, 0o700);
  }

  pathOf(ref: string): string {
    if (!REF.test(ref)) throw new Error('not an attachment reference');
    return join(this.dir, ref);
  }

  /**
   * Starts a pack: the temporary file is open before the caller starts sealing, so each write
   * goes to the thread pool the moment its item is sealed and the disk works while we compute.
   * (Sealing is one synchronous loop: a write that waited on a promise would only start after it.)
   */
  async begin(): Promise<PendingPack> {
    const tmp = join(this.dir, `${TMP_PREFIX}${randomBytes(8).toString('hex')}`);
    const leftovers = new Set<string>();
    const handle = await this.fs.create(tmp, 0o600);
    leftovers.add(tmp);
    const writes: Promise<void>[] = [];
    const earlySyncs: Promise<void>[] = [];
    let unsynced = 0;
    let closed = false;
    let durable: Promise<void> | undefined;

    const close = async () => {
      if (closed) return;
      closed = true;
      await handle.close();
    };
    const makeDurable = async (ref: string): Promise<void> => {
      // every write and sync, even after one failed: nothing may still be writing once abort
      // unlinks. An early sync's error counts: the kernel reports a writeback error only once
      for (const s of await Promise.allSettled([...writes, ...earlySyncs])) if (s.status === 'rejected') throw s.reason;
      await handle.datasync();
      // the descriptor is no longer needed: closed on the pool while the name is made durable
      const closing = close();
      closing.catch(ignore);
      const path = this.pathOf(ref);
      // listed before the rename: if the rename lands but its answer is lost, abort still removes it
      leftovers.add(path);
      await this.fs.rename(tmp, path);
      leftovers.delete(tmp);
      await this.fs.syncDir(this.dir);
      await closing;
    };

    return {
      write: (place, parts) => {
        // the write first, so the pool copies these bytes while this thread seals the next item
        const w = handle.write(parts, place.offset);
        w.catch(ignore);
        writes.push(w);
        // Written bytes sit in the page cache until an fdatasync sends them; sent only at the
        // end, 3 MB keep the disk busy ~3 ms after the CPU is done. An fdatasync now and then
        // while the caller seals the next items gets them on the medium meanwhile, and leaves
        // the final one little but the last items and the metadata. The pool runs it after the
        // writes queued before it (FIFO); it only ever adds to what the final sync guarantees.
        unsynced += place.length;
        if (unsynced >= EARLY_SYNC_BYTES) {
          unsynced = 0;
          const s = handle.datasync();
          s.catch(ignore);
          earlySyncs.push(s);
        }
      },
      finish: (items) => {
        if (durable) throw new Error('pack already finished');
        const ref = packName(items);
        durable = makeDurable(ref);
        durable.catch(ignore);
        return { ref, durable };
      },
      abort: async () => {
        // nothing this pack started may still be running while its files are removed
        await Promise.allSettled([durable ?? Promise.resolve(), ...writes, ...earlySyncs]);
        await close().catch(ignore);
        await Promise.all([...leftovers].map((p) => this.fs.unlink(p).catch(ignore)));
        await this.fs.syncDir(this.dir).catch(ignore);
      },
    };
  }

  /** One sealed attachment out of a pack, without hashing the whole file (GCM authenticates it). */
  async readRange(ref: string, place: PackPlace): Promise<{ ok: true; sealed: Buffer } | { ok: false; problem: 'missing' | 'corrupt' }> {
    try {
      const bytes = await this.fs.readRange(this.pathOf(ref), place.offset, place.length);
      return bytes.length === place.length ? { ok: true, sealed: bytes } : { ok: false, problem: 'corrupt' };
    } catch (e) {
      if (typeof e === 'object' && e !== null && 'code' in e && e.code === 'ENOENT') return { ok: false, problem: 'missing' };
      throw e;
    }
  }

  /** A whole pack, for the integrity check (which needs the key to check it: `packName`). */
  async read(ref: string): Promise<ReadOutcome> {
    try {
      return { ok: true, sealed: await this.fs.readFile(this.pathOf(ref)) };
    } catch (e) {
      if (typeof e === 'object' && e !== null && 'code' in e && e.code === 'ENOENT') return { ok: false, problem: 'missing' };
      throw e;
    }
  }

  /** Names in the directory: finished files and leftovers of an interrupted write. */
  async list(): Promise<{ refs: string[]; temporaries: string[]; other: string[] }> {
    const names = await this.fs.readdir(this.dir);
    return {
      refs: names.filter((n) => REF.test(n)),
      temporaries: names.filter((n) => n.startsWith(TMP_PREFIX)),
      other: names.filter((n) => !REF.test(n) && !n.startsWith(TMP_PREFIX)),
    };
  }

  /** Unlinks (already-gone is fine) and makes the removal durable. */
  async remove(names: string[]): Promise<void> {
    for (const name of names) {
      await this.fs.unlink(join(this.dir, name)).catch((e: unknown) => {
        if (!(typeof e === 'object' && e !== null && 'code' in e && e.code === 'ENOENT')) throw e;
      });
    }
    if (names.length > 0) await this.fs.syncDir(this.dir);
  }
}
