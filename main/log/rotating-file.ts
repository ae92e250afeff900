import { appendFileSync, closeSync, mkdirSync, openSync, readdirSync, readSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

// A JSON-lines file that rotates by size and by age: kiosk.jsonl → kiosk.1.jsonl → … →
// kiosk.<keep>.jsonl, the oldest dropped; rotated files older than `maxAgeDays` are deleted.
// A kiosk runs for months unattended: without both limits its disk fills with logs.

export interface RotationOptions {
  /** rotate before a line would take the file past this size (default 5 MiB) */
  maxBytes?: number;
  /** rotate once the file's first line is this old (default one day) */
  maxFileAgeMs?: number;
  /** rotated files kept (default 10) */
  keep?: number;
  /** rotated files older than this are deleted (default 30 days) */
  maxAgeDays?: number;
  now?: () => number;
}

const DAY_MS = 24 * 3600_000;

/** kiosk.jsonl, 3 → kiosk.3.jsonl */
export const rotatedName = (file: string, n: number): string => {
  const ext = extname(file);
  return join(dirname(file), `${basename(file, ext)}.${n}${ext}`);
};

/** The file and its rotated siblings that exist, newest first. */
export const logFilesOf = (file: string): string[] => {
  const ext = extname(file);
  const stem = basename(file, ext);
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return [];
  }
  const pattern = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.([0-9]+)${ext.replace('.', '\\.')}$`);
  const rotated = names
    .map((n) => ({ n, m: pattern.exec(n) }))
    .filter((x): x is { n: string; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => Number(a.m[1]) - Number(b.m[1]))
    .map((x) => join(dirname(file), x.n));
  return [...(names.includes(basename(file)) ? [file] : []), ...rotated];
};

const firstLineTime = (file: string): number | null => {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(256);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const m = /"at":"([^"]+)"/.exec(buf.subarray(0, n).toString('utf8'));
    const t = m?.[1] ? Date.parse(m[1]) : NaN;
    return Number.isFinite(t) ? t : null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
};

export class RotatingFile {
  readonly #file: string;
  readonly #maxBytes: number;
  readonly #maxFileAgeMs: number;
  readonly #keep: number;
  readonly #maxAgeMs: number;
  readonly #now: () => number;
  #size = 0;
  #startedAt: number | null = null;

  constructor(file: string, o: RotationOptions = {}) {
    this.#file = file;
    this.#maxBytes = o.maxBytes ?? 5 * 1024 * 1024;
    this.#maxFileAgeMs = o.maxFileAgeMs ?? DAY_MS;
    this.#keep = Math.max(1, o.keep ?? 10);
    this.#maxAgeMs = (o.maxAgeDays ?? 30) * DAY_MS;
    this.#now = o.now ?? Date.now;
    mkdirSync(dirname(file), { recursive: true });
    try {
      const st = statSync(file);
      this.#size = st.size;
      this.#startedAt = st.size > 0 ? (firstLineTime(file) ?? st.mtimeMs) : null;
    } catch {
      this.#size = 0;
    }
    this.#prune();
  }

  get file(): string {
    return this.#file;
  }

  /** Appends one line (with its newline); rotates first when it is time. */
  write(line: string): void {
    const bytes = Buffer.byteLength(line);
    const now = this.#now();
    if (this.#size > 0 && (this.#size + bytes > this.#maxBytes || (this.#startedAt !== null && now - this.#startedAt >= this.#maxFileAgeMs))) {
      this.rotate();
    }
    // appendFileSync: a log line must survive a crash right after it
    appendFileSync(this.#file, line);
    if (this.#size === 0) this.#startedAt = now;
    this.#size += bytes;
  }

  rotate(): void {
    try {
      for (let n = this.#keep; n >= 1; n--) {
        const from = n === 1 ? this.#file : rotatedName(this.#file, n - 1);
        try {
          renameSync(from, rotatedName(this.#file, n));
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        }
      }
    } finally {
      this.#size = 0;
      this.#startedAt = null;
      this.#prune();
    }
  }

  /** Deletes rotated files beyond `keep` or older than `maxAgeDays` (by modification time). */
  #prune(): void {
    const now = this.#now();
    for (const f of logFilesOf(this.#file)) {
      if (f === this.#file) continue;
      const n = Number(/\.([0-9]+)\.[^.]*$/.exec(f)?.[1] ?? /\.([0-9]+)$/.exec(f)?.[1] ?? 0);
      try {
        if (n > this.#keep || now - statSync(f).mtimeMs > this.#maxAgeMs) unlinkSync(f);
      } catch {
        // a file that vanished meanwhile is what we wanted
      }
    }
  }
}
