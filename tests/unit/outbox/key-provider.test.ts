import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileKeyProvider, safeStorageKeyProvider, type SafeStorageLike } from '../../../main/outbox/key-provider.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keys-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Behaves like Electron's safeStorage: really encrypts (with its own key), can rotate and be unavailable. */
class FakeSafeStorage implements SafeStorageLike {
  available = true;
  rotateNext = false;
  encryptions = 0;
  #key = randomBytes(32);
  async isAsyncEncryptionAvailable() {
    return this.available;
  }
  async encryptStringAsync(plainText: string) {
    this.encryptions++;
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([c.update(plainText, 'utf8'), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]);
  }
  async decryptStringAsync(encrypted: Buffer) {
    const d = createDecipheriv('aes-256-gcm', this.#key, encrypted.subarray(0, 12));
    d.setAuthTag(encrypted.subarray(12, 28));
    const result = Buffer.concat([d.update(encrypted.subarray(28)), d.final()]).toString('utf8');
    const shouldReEncrypt = this.rotateNext;
    this.rotateNext = false;
    return { shouldReEncrypt, result };
  }
}

describe('fileKeyProvider', () => {
  it('creates a 32-byte key in a 0600 file on first use and returns the same key after', async () => {
    const path = join(dir, 'sub', 'outbox.key');
    const first = await fileKeyProvider(path).load();
    expect(first.ok && first.value.length).toBe(32);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const again = await fileKeyProvider(path).load();
    expect(first.ok && again.ok && again.value.equals(first.value)).toBe(true);
    // concurrent first uses agree on one key
    const p2 = join(dir, 'race.key');
    const keys = await Promise.all(Array.from({ length: 5 }, () => fileKeyProvider(p2).load()));
    expect(new Set(keys.map((k) => (k.ok ? k.value.toString('hex') : k.error.kind))).size).toBe(1);
  });

  it('refuses a group/world-readable key file and a file of the wrong size', async () => {
    const path = join(dir, 'outbox.key');
    await writeFile(path, randomBytes(32), { mode: 0o600 });
    await chmod(path, 0o644);
    const r = await fileKeyProvider(path).load();
    expect(r.ok ? 'loaded' : r.error).toMatchObject({ kind: 'KeyUnavailable', message: expect.stringContaining('644') });
    await chmod(path, 0o600);
    expect((await fileKeyProvider(path).load()).ok).toBe(true);
    await writeFile(path, randomBytes(16));
    expect((await fileKeyProvider(path).load()).ok).toBe(false);
  });
});

describe('safeStorageKeyProvider', () => {
  it('stores the key wrapped (not in clear), unwraps the same key, re-wraps when asked', async () => {
    const ss = new FakeSafeStorage();
    const path = join(dir, 'outbox.key.enc');
    const first = await safeStorageKeyProvider(ss, path).load();
    if (!first.ok) throw new Error(first.error.message);
    const onDisk = await readFile(path);
    expect(onDisk.includes(first.value)).toBe(false);
    expect(onDisk.includes(Buffer.from(first.value.toString('base64')))).toBe(false);
    expect((await stat(path)).mode & 0o777).toBe(0o600);

    ss.rotateNext = true;
    const second = await safeStorageKeyProvider(ss, path).load();
    expect(second.ok && second.value.equals(first.value)).toBe(true);
    expect(ss.encryptions).toBe(2);
    expect((await readFile(path)).equals(onDisk)).toBe(false);
    const third = await safeStorageKeyProvider(ss, path).load();
    expect(third.ok && third.value.equals(first.value)).toBe(true);
  });

  it('refuses when the keyring is unavailable instead of falling back to a clear key', async () => {
    const ss = new FakeSafeStorage();
    ss.available = false;
    const r = await safeStorageKeyProvider(ss, join(dir, 'k')).load();
    expect(r.ok ? 'loaded' : r.error.kind).toBe('KeyUnavailable');
    // a key wrapped by another keyring does not unwrap
    const other = new FakeSafeStorage();
    await safeStorageKeyProvider(other, join(dir, 'k2')).load();
    const wrong = await safeStorageKeyProvider(new FakeSafeStorage(), join(dir, 'k2')).load();
    expect(wrong.ok).toBe(false);
  });
});
