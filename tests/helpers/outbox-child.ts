import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// Bundles outbox-child-entry.ts next to node_modules (so sqlite3 resolves) and runs it.

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let bundled: Promise<string> | null = null;

export function childScript(): Promise<string> {
  bundled ??= (async () => {
    const outDir = join(repoRoot, 'node_modules', '.cache', 'outbox-tests');
    mkdirSync(outDir, { recursive: true });
    const outfile = join(outDir, 'child.mjs');
    await build({
      entryPoints: [join(repoRoot, 'tests', 'helpers', 'outbox-child-entry.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile,
      logLevel: 'warning',
    });
    return outfile;
  })();
  return bundled;
}

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: unknown[];
  stderr: string;
}

/** Runs `command args…` to its end, collecting the JSON lines it prints. */
export function runChild(command: string, args: string[]): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: repoRoot });
    let out = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code, signal, stderr, lines: out.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown) }),
    );
  });
}

/** Can this machine mount a tmpfs in a private mount namespace (root, or a permissive sandbox)? */
export function canMountTmpfs(): boolean {
  if (process.platform !== 'linux') return false;
  const probe = mkdtempSync(join(tmpdir(), 'tmpfs-probe-'));
  try {
    const r = spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$1"', 'sh', probe], { stdio: 'ignore', timeout: 5000 });
    return r.status === 0;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
