import { mkdir, readFile, realpath, statfs } from 'node:fs/promises';
import { basename, join, relative, isAbsolute } from 'node:path';
import type { ExportTarget } from '../../common/kiosk-api/diagnostics-contract.js';

// Where a technician may write a bundle or the logs: the removable drives the desktop mounts
// (/media/<user>/<label>, /run/media/<user>/<label>), /mnt/*, folders named in
// KIOSK_EXPORT_DIRS, and the kiosk's own exports folder. The core refuses any other folder:
// a KioskApi call must not be able to write wherever the kiosk's user can.

const REMOVABLE = [/^\/media\//, /^\/run\/media\//];
const MOUNT_ROOTS = [...REMOVABLE, /^\/mnt\//];

/** /proc/mounts writes a space in a path as \040 */
const unescape = (p: string): string => p.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));

const mountedFolders = async (): Promise<string[]> => {
  let text: string;
  try {
    text = await readFile('/proc/mounts', 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((l) => l.split(' '))
    .filter((f) => f.length >= 4 && !(f[3] ?? '').split(',').includes('ro'))
    .map((f) => unescape(f[1] ?? ''))
    .filter((m) => MOUNT_ROOTS.some((r) => r.test(m)));
};

const free = async (path: string): Promise<number> => {
  try {
    const s = await statfs(path);
    return s.bavail * s.bsize;
  } catch {
    return 0;
  }
};

export const localExportDir = (dataDir: string): string => join(dataDir, 'exports');

export const exportTargets = async (dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<ExportTarget[]> => {
  const local = localExportDir(dataDir);
  await mkdir(local, { recursive: true, mode: 0o700 });
  const extra = (env.KIOSK_EXPORT_DIRS ?? '').split(':').filter((p) => isAbsolute(p));
  const seen = new Set<string>();
  const out: ExportTarget[] = [];
  for (const path of [...(await mountedFolders()), ...extra, local]) {
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ path, label: path === local ? 'kiosk' : basename(path), freeBytes: await free(path), removable: REMOVABLE.some((r) => r.test(path)) });
  }
  return out;
};

/** `dir` when it is one of the targets or inside one (symlinks resolved), else null. */
export const allowedExportDir = async (dir: string, targets: readonly ExportTarget[]): Promise<string | null> => {
  let real: string;
  try {
    real = await realpath(dir);
  } catch {
    return null;
  }
  for (const t of targets) {
    const root = await realpath(t.path).catch(() => null);
    if (root === null) continue;
    const rel = relative(root, real);
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) return real;
  }
  return null;
};
