import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { syncDir } from '../fs/sync-dir.js';

/**
 * Writes `text` so that readers see either the old file or the whole new one, never a
 * torn write: temp file in the same directory, fsync, rename, fsync the directory.
 */
export async function writeFileAtomic(file: string, text: string, mode: number): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx', mode);
    try {
      // the umask may only remove bits, but a pre-set ACL or odd umask must not widen them
      await handle.chmod(mode);
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  // makes the rename itself durable; best effort, as before: the file is already complete
  await syncDir(dir).catch(() => undefined);
}
