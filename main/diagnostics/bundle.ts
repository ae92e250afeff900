import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import { readFile, type FileHandle } from 'node:fs/promises';
import { z } from 'zod';

// The encrypted bundle a technician carries out on a USB drive when the city has been
// unreachable too long (`.kbundle`). The key comes from a passphrase, not from the kiosk's
// outbox key: that key opens every dossier on the kiosk and must never leave it, and the
// city's IT, who open the bundle, do not have it. The passphrase travels apart from the drive.
//
//   "KBUNDLE1" · u32 header length · header JSON (clear: KDF and cipher parameters, no PII)
//   then chunks: u32 length · AES-256-GCM ciphertext · 16-byte tag
// Each chunk's nonce is a random 7-byte prefix, the chunk number and a last-chunk flag; the
// header is the associated data of every chunk. So chunks cannot be reordered, dropped,
// truncated at the end, or moved to another bundle, and a changed header fails them all.
//
// Inside, a stream of records: u32 length · JSON meta · then `size` raw bytes for attachments.

const MAGIC = Buffer.from('KBUNDLE1', 'latin1');
const CHUNK_BYTES = 1024 * 1024;
const TAG_BYTES = 16;

export const BundleHeader = z.object({
  format: z.literal('kiosk-bundle'),
  version: z.literal(1),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }),
  cipher: z.literal('aes-256-gcm'),
  noncePrefix: z.string(),
  chunkBytes: z.number().int(),
});
export type BundleHeader = z.infer<typeof BundleHeader>;

// 64 MiB of memory per guess: slow for a thief with a GPU, a quarter second for the kiosk
const KDF = { N: 2 ** 16, r: 8, p: 1 } as const;

const scrypt = (pass: string, salt: Buffer, o: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => scryptCb(pass.normalize('NFC'), salt, 32, o, (e, key) => (e ? reject(e) : resolve(key))));

const deriveKey = (passphrase: string, h: BundleHeader['kdf']): Promise<Buffer> =>
  scrypt(passphrase, Buffer.from(h.salt, 'base64'), { N: h.N, r: h.r, p: h.p, maxmem: 256 * h.N * h.r + 1024 * 1024 });

const nonce = (prefix: Buffer, index: number, last: boolean): Buffer => {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0, 0, 7);
  n.writeUInt32BE(index, 7);
  n[11] = last ? 1 : 0;
  return n;
};

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

/** Writes a bundle to an open file, chunk by chunk, so attachments need not all sit in memory. */
export class BundleWriter {
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #index = 0;
  #written = 0;

  private constructor(
    private readonly out: FileHandle,
    private readonly key: Buffer,
    private readonly header: Buffer,
    private readonly prefix: Buffer,
  ) {}

  static async create(out: FileHandle, passphrase: string): Promise<BundleWriter> {
    const salt = randomBytes(16);
    const prefix = randomBytes(7);
    const header: BundleHeader = {
      format: 'kiosk-bundle',
      version: 1,
      kdf: { name: 'scrypt', ...KDF, salt: salt.toString('base64') },
      cipher: 'aes-256-gcm',
      noncePrefix: prefix.toString('base64'),
      chunkBytes: CHUNK_BYTES,
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const w = new BundleWriter(out, await deriveKey(passphrase, header.kdf), headerBytes, prefix);
    await w.#write(Buffer.concat([MAGIC, u32(headerBytes.length), headerBytes]));
    return w;
  }

  get bytesWritten(): number {
    return this.#written;
  }

  /** One record: its meta, and for an attachment its bytes. */
  async add(meta: Record<string, unknown>, data?: Buffer): Promise<void> {
    const m = Buffer.from(JSON.stringify(meta), 'utf8');
    this.#push(u32(m.length));
    this.#push(m);
    if (data) this.#push(data);
    while (this.#pendingBytes >= CHUNK_BYTES) await this.#flushChunk(false);
  }

  /** Seals the last chunk (flagged last); the file is complete after this. */
  async finish(): Promise<void> {
    while (this.#pendingBytes > CHUNK_BYTES) await this.#flushChunk(false);
    await this.#flushChunk(true);
  }

  #push(b: Buffer): void {
    this.#pending.push(b);
    this.#pendingBytes += b.length;
  }

  async #flushChunk(last: boolean): Promise<void> {
    const all = Buffer.concat(this.#pending);
    const plain = all.subarray(0, Math.min(CHUNK_BYTES, all.length));
    const rest = all.subarray(plain.length);
    this.#pending = rest.length > 0 ? [rest] : [];
    this.#pendingBytes = rest.length;
    const c = createCipheriv('aes-256-gcm', this.key, nonce(this.prefix, this.#index++, last));
    c.setAAD(this.header);
    const ct = Buffer.concat([c.update(plain), c.final()]);
    await this.#write(Buffer.concat([u32(ct.length), ct, c.getAuthTag()]));
  }

  async #write(b: Buffer): Promise<void> {
    await this.out.write(b);
    this.#written += b.length;
  }
}

export type BundleOpenError = { kind: 'NotABundle' | 'WrongPassphraseOrDamaged' | 'Truncated'; message: string };

/** The plaintext record stream of a bundle file, after checking every chunk. */
export const openBundle = async (file: string, passphrase: string): Promise<{ ok: true; header: BundleHeader; records: { meta: Record<string, unknown>; data: Buffer | null }[] } | { ok: false; error: BundleOpenError }> => {
  const bytes = await readFile(file);
  if (bytes.length < 12 || !bytes.subarray(0, 8).equals(MAGIC)) return { ok: false, error: { kind: 'NotABundle', message: `${file} is not a kiosk bundle` } };
  const hLen = bytes.readUInt32BE(8);
  const headerBytes = bytes.subarray(12, 12 + hLen);
  let header: BundleHeader;
  try {
    header = BundleHeader.parse(JSON.parse(headerBytes.toString('utf8')));
  } catch {
    return { ok: false, error: { kind: 'NotABundle', message: 'the bundle header is unreadable' } };
  }
  const key = await deriveKey(passphrase, header.kdf);
  const prefix = Buffer.from(header.noncePrefix, 'base64');
  const parts: Buffer[] = [];
  let at = 12 + hLen;
  let index = 0;
  let sawLast = false;
  while (at < bytes.length) {
    if (sawLast) return { ok: false, error: { kind: 'WrongPassphraseOrDamaged', message: 'data after the last chunk' } };
    if (at + 4 > bytes.length) return { ok: false, error: { kind: 'Truncated', message: 'the bundle ends inside a chunk' } };
    const len = bytes.readUInt32BE(at);
    const end = at + 4 + len + TAG_BYTES;
    if (end > bytes.length) return { ok: false, error: { kind: 'Truncated', message: 'the bundle ends inside a chunk' } };
    const ct = bytes.subarray(at + 4, at + 4 + len);
    const tag = bytes.subarray(at + 4 + len, end);
    // the last chunk is the one that ends the file; its flag must say so
    const last = end === bytes.length;
    try {
      const d = createDecipheriv('aes-256-gcm', key, nonce(prefix, index, last));
      d.setAAD(headerBytes);
      d.setAuthTag(tag);
      parts.push(Buffer.concat([d.update(ct), d.final()]));
    } catch {
      return { ok: false, error: { kind: 'WrongPassphraseOrDamaged', message: 'wrong passphrase, or the bundle was changed or cut short' } };
    }
    sawLast = last;
    index++;
    at = end;
  }
  if (!sawLast) return { ok: false, error: { kind: 'Truncated', message: 'the bundle has no last chunk' } };
  const plain = Buffer.concat(parts);
  const records: { meta: Record<string, unknown>; data: Buffer | null }[] = [];
  let p = 0;
  while (p < plain.length) {
    const mLen = plain.readUInt32BE(p);
    const meta = JSON.parse(plain.subarray(p + 4, p + 4 + mLen).toString('utf8')) as Record<string, unknown>;
    p += 4 + mLen;
    const size = meta.type === 'attachment' && typeof meta.size === 'number' ? meta.size : null;
    records.push({ meta, data: size === null ? null : plain.subarray(p, p + size) });
    p += size ?? 0;
  }
  return { ok: true, header, records };
};
