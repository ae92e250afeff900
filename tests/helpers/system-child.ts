import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// A kiosk core in its own process, for tests that kill -9 it: the entry is bundled next to
// node_modules and run with node. Every package is bundled in but the native one (sqlite3
// resolves its .node file from its own directory): the crash test starts this child 200
// times, and resolving and loading zod's and tus-js-client's many ES modules file by file
// took ~40 % of each start (measured 400–840 ms to the first line of code vs 260–445 ms).

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundles = new Map<string, Promise<string>>();

/** Bundles tests/helpers/<entry>.ts once per test file into node_modules/.cache/system-tests (one test file per entry). */
export function bundleEntry(entry: string): Promise<string> {
  let p = bundles.get(entry);
  if (!p) {
    p = (async () => {
      const outDir = join(repoRoot, 'node_modules', '.cache', 'system-tests');
      mkdirSync(outDir, { recursive: true });
      const outfile = join(outDir, `${entry}.mjs`);
      await build({
        entryPoints: [join(repoRoot, 'tests', 'helpers', `${entry}.ts`)],
        bundle: true,
        platform: 'node',
        format: 'esm',
        external: ['sqlite3'],
        // CommonJS packages inside an ES module bundle still call require() for node builtins
        banner: { js: "import { createRequire as __kioskCreateRequire } from 'node:module'; const require = __kioskCreateRequire(import.meta.url);" },
        outfile,
        logLevel: 'warning',
      });
      return outfile;
    })();
    bundles.set(entry, p);
  }
  return p;
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** every complete stdout line, in order */
  lines: string[];
  stderr: string;
}

/** A running child: its stdout lines as they come, and its end. */
export class KioskChild {
  readonly lines: string[] = [];
  stderr = '';
  readonly exited: Promise<ChildExit>;
  #partial = '';
  #waiters: { match: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  readonly #proc: ChildProcessByStdio<null, Readable, Readable>;

  constructor(script: string, args: unknown) {
    this.#proc = spawn(process.execPath, [script, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'pipe'], cwd: repoRoot });
    this.#proc.stdout.on('data', (d: Buffer) => this.#onData(d.toString('utf8')));
    this.#proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString('utf8')));
    this.exited = new Promise((resolve, reject) => {
      this.#proc.on('error', reject);
      this.#proc.on('close', (code, signal) => {
        if (this.#partial !== '') this.#push(this.#partial);
        this.#partial = '';
        resolve({ code, signal, lines: this.lines, stderr: this.stderr });
      });
    });
  }

  get pid(): number | undefined {
    return this.#proc.pid;
  }

  get running(): boolean {
    return this.#proc.exitCode === null && this.#proc.signalCode === null;
  }

  /** resolves with the first line (already seen or to come) that `match` accepts; rejects if the child ends first */
  line(match: (line: string) => boolean): Promise<string> {
    const seen = this.lines.find(match);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      this.#waiters.push({ match, resolve });
      void this.exited.then(() => reject(new Error(`the child ended before printing the awaited line; stderr: ${this.stderr.slice(-2000)}`)));
    });
  }

  /** kill -9 and wait until the process is gone and its pipes are drained */
  async kill(): Promise<ChildExit> {
    if (this.running) this.#proc.kill('SIGKILL');
    return this.exited;
  }

  #onData(text: string): void {
    const parts = (this.#partial + text).split('\n');
    this.#partial = parts.pop() ?? '';
    for (const l of parts) this.#push(l);
  }

  #push(line: string): void {
    this.lines.push(line);
    for (const w of this.#waiters.filter((x) => x.match(line))) {
      this.#waiters = this.#waiters.filter((x) => x !== w);
      w.resolve(line);
    }
  }
}
