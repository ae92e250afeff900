import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { syncDir } from '../fs/sync-dir.js';

// The few file operations the outbox performs, behind an interface so a test can make the disk
// fill up (ENOSPC on write or fsync) at an exact point and watch the outbox stay consistent.

export interface WritableFile {
  /**
   * Writes all of `parts`, laid end to end, at `position` (positional, so items can land in any
   * order). A gather write: a sealed item is several buffers, and joining them first would copy it.
   */
  write(parts: readonly Uint8Array[], position: number): Promise<void>;
  /** fdatasync: the bytes and the size are on the medium when it resolves */
  datasync(): Promise<void>;
  close(): Promise<void>;
}

export interface OutboxFs {
  /** creates a new file (fails if it exists) with `mode` */
  create(path: string, mode: number): Promise<WritableFile>;
  /** fsync of a directory, which makes the names created or removed in it durable */
  syncDir(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  /** `length` bytes from `offset` (fewer at the end of the file) */
  readRange(path: string, offset: number, length: number): Promise<Buffer>;
  readdir(path: string): Promise<string[]>;
  mkdir(path: string, mode: number): Promise<void>;
}

export const nodeFs: OutboxFs = {
  async create(path, mode) {
    const handle = await open(path, 'wx', mode);
    return {
      write: async (parts, position) => {
        // pwritev; a short write (or more parts than IOV_MAX) goes on from where it stopped
        let rest = parts.filter((p) => p.length > 0);
        let at = position;
        while (rest.length > 0) {
          let { bytesWritten } = await handle.writev(rest, at);
          if (bytesWritten === 0) throw Object.assign(new Error('pwritev wrote nothing'), { code: 'EIO' });
          at += bytesWritten;
          let i = 0;
          while (i < rest.length && bytesWritten >= rest[i]!.length) bytesWritten -= rest[i++]!.length;
          rest = rest.slice(i);
          if (bytesWritten > 0) rest[0] = rest[0]!.subarray(bytesWritten);
        }
      },
      datasync: () => handle.datasync(),
      close: () => handle.close(),
    };
  },
  syncDir: (path) => syncDir(path),
  rename: (from, to) => rename(from, to),
  unlink: (path) => unlink(path),
  readFile: (path) => readFile(path),
  async readRange(path, offset, length) {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(length);
      let done = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, done, length - done, offset + done);
        if (bytesRead === 0 || (done += bytesRead) === length) break;
      }
      return buffer.subarray(0, done);
    } finally {
      await handle.close();
    }
  },
  readdir: (path) => readdir(path),
  mkdir: async (path, mode) => {
    await mkdir(path, { recursive: true, mode });
  },
};
