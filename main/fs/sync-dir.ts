import { open } from 'node:fs/promises';

/**
 * fsync of a directory: makes the names created, renamed or removed in it durable on POSIX.
 * Windows cannot open a directory and does not need it; the kiosk runs Linux.
 */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
