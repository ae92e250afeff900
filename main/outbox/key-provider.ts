import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { err, ok, type Result } from '../../common/result.js';
import { outboxError, type OutboxError } from './outbox-errors.js';
import { KEY_BYTES } from './seal.js';
import { syncDir } from '../fs/sync-dir.js';

// Where the outbox's 32-byte AES key comes from. See THREAT-MODEL.md for what each mode
// protects against: the file mode only helps against a copy of the data folder without the
// key file; safeStorage keeps the key wrapped by the OS keyring, outside the data folder.

export interface KeyProvider {
  readonly kind: 'file' | 'safeStorage';
  load(): Promise<Result<Buffer, OutboxError>>;
}

/** The part of Electron's `safeStorage` (v45, async API) this module uses; main/electron passes the real one. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
}

const unavailable = (message: string) => err(outboxError('KeyUnavailable', message));
const errno = (e: unknown): string | undefined => (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined);

async function writeTemp(path: string, bytes: Buffer): Promise<string> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const h = await open(tmp, 'wx', 0o600);
  try {
    // an odd umask or inherited ACL must not widen it
    await h.chmod(0o600);
    await h.writeFile(bytes);
    await h.sync();
  } finally {
    await h.close();
  }
  return tmp;
}

/**
 * Creates `path` with `bytes` only if it does not exist yet, atomically: link(2) of a finished
 * temp file fails with EEXIST when another process won the race. Returns false in that case.
 */
async function createOnce(path: string, bytes: Buffer): Promise<boolean> {
  const tmp = await writeTemp(path, bytes);
  try {
    await link(tmp, path);
    return true;
  } catch (e) {
    if (errno(e) === 'EEXIST') return false;
    throw e;
  } finally {
    await unlink(tmp).catch(() => undefined);
    await syncDir(dirname(path));
  }
}

async function replace(path: string, bytes: Buffer): Promise<void> {
  const tmp = await writeTemp(path, bytes);
  await rename(tmp, path);
  await syncDir(dirname(path));
}

/** The file's bytes, or null when it does not exist; refuses a file others may read. */
async function readPrivate(path: string): Promise<Result<Buffer | null, OutboxError>> {
  let h;
  try {
    h = await open(path, 'r');
  } catch (e) {
    if (errno(e) === 'ENOENT') return ok(null);
    return unavailable(`cannot open key file: ${errno(e) ?? String(e)}`);
  }
  try {
    const st = await h.stat();
    if (!st.isFile()) return unavailable('key path is not a regular file');
    if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) {
      return unavailable(`key file mode is ${(st.mode & 0o777).toString(8)}; it must be 600 (readable by the kiosk user only)`);
    }
    return ok(await h.readFile());
  } finally {
    await h.close();
  }
}

/** A random key in a 0600 file, created on first use. */
export const fileKeyProvider = (path: string): KeyProvider => ({
  kind: 'file',
  async load() {
    try {
      for (let round = 0; round < 2; round++) {
        const existing = await readPrivate(path);
        if (!existing.ok) return existing;
        if (existing.value) {
          return existing.value.length === KEY_BYTES ? ok(existing.value) : unavailable(`key file holds ${existing.value.length} bytes, not ${KEY_BYTES}`);
        }
        const key = randomBytes(KEY_BYTES);
        if (await createOnce(path, key)) return ok(key);
        // lost a creation race: read the winner's key
      }
      return unavailable('key file appeared and vanished while creating it');
    } catch (e) {
      return unavailable(`key file: ${errno(e) ?? String(e)}`);
    }
  },
});

const decodeKey = (text: string): Buffer | null => {
  const key = Buffer.from(text, 'base64');
  return key.length === KEY_BYTES ? key : null;
};

/** A random key wrapped by the OS keyring through Electron's safeStorage, kept in a 0600 file. */
export const safeStorageKeyProvider = (safeStorage: SafeStorageLike, path: string): KeyProvider => ({
  kind: 'safeStorage',
  async load() {
    try {
      // no silent fallback to an unwrapped key: the technician must see why
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return unavailable('safeStorage encryption is not available (no OS keyring)');
      for (let round = 0; round < 2; round++) {
        const existing = await readPrivate(path);
        if (!existing.ok) return existing;
        if (existing.value) {
          const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(existing.value);
          const key = decodeKey(result);
          if (!key) return unavailable('wrapped key does not unwrap to 32 bytes');
          // the keyring rotated its own key: store ours wrapped with the new one
          if (shouldReEncrypt) await replace(path, await safeStorage.encryptStringAsync(result));
          return ok(key);
        }
        const key = randomBytes(KEY_BYTES);
        if (await createOnce(path, await safeStorage.encryptStringAsync(key.toString('base64')))) return ok(key);
      }
      return unavailable('key file appeared and vanished while creating it');
    } catch (e) {
      return unavailable(`safeStorage key: ${errno(e) ?? (e instanceof Error ? e.message : String(e))}`);
    }
  },
});
