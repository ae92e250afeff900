import { statfs } from 'node:fs/promises';
import { freemem, totalmem, uptime } from 'node:os';
import { dirname } from 'node:path';

// Disk, memory and uptime for the System screen and `kiosk doctor`.

export interface DiskSpace {
  path: string;
  freeBytes: number;
  totalBytes: number;
}

/** The file system holding `path` (or its nearest existing parent). */
export const diskSpace = async (path: string): Promise<DiskSpace> => {
  let p = path;
  for (;;) {
    try {
      const s = await statfs(p);
      return { path: p, freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(p) === p) throw e;
      p = dirname(p);
    }
  }
};

export const memoryStatus = () => {
  const m = process.memoryUsage();
  return { rssBytes: m.rss, heapUsedBytes: m.heapUsed, systemFreeBytes: freemem(), systemTotalBytes: totalmem() };
};

export const uptimeSeconds = () => ({ app: Math.round(process.uptime()), system: Math.round(uptime()) });
