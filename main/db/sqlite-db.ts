import sqlite3 from 'sqlite3';

// A small promise wrapper over sqlite3's callback API. One connection, one queue: every call
// waits its turn, so a transaction never sees another caller's statements interleaved.

export type SqlValue = string | number | bigint | Buffer | null;
export type Params = readonly SqlValue[];

export interface RunInfo {
  changes: number;
  lastID: number;
}

/** What a transaction body gets: the same calls, already inside BEGIN IMMEDIATE … COMMIT. */
export interface Sql {
  run(sql: string, params?: Params): Promise<RunInfo>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

export interface Db extends Sql {
  /** BEGIN IMMEDIATE; body; COMMIT — or ROLLBACK when the body or the commit throws */
  transaction<T>(body: (tx: Sql) => Promise<T>): Promise<T>;
  /** several reads in a row with no other caller's statements between them */
  read<T>(body: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly path: string;
}

export interface OpenDbOptions {
  busyTimeoutMs?: number;
  /** FULL (default): a COMMIT survives power loss. NORMAL: survives a crash of the process only
   *  (the city simulator, whose tests kill processes, not machines) */
  synchronous?: 'FULL' | 'NORMAL';
}

const raw = (db: sqlite3.Database): Sql => ({
  run: (sql, params = []) =>
    new Promise((resolve, reject) => {
      db.run(sql, params, function (this: sqlite3.RunResult, e: Error | null) {
        if (e) reject(e);
        else resolve({ changes: this.changes, lastID: this.lastID });
      });
    }),
  get: <T>(sql: string, params: Params = []) =>
    new Promise<T | undefined>((resolve, reject) => {
      db.get(sql, params, (e: Error | null, row: T | undefined) => (e ? reject(e) : resolve(row)));
    }),
  all: <T>(sql: string, params: Params = []) =>
    new Promise<T[]>((resolve, reject) => {
      db.all(sql, params, (e: Error | null, rows: T[]) => (e ? reject(e) : resolve(rows)));
    }),
  exec: (sql) => new Promise((resolve, reject) => db.exec(sql, (e: Error | null) => (e ? reject(e) : resolve()))),
});

/** Opens (creating) a database: WAL, foreign keys, and the durability the caller asks for. */
export async function openDb(path: string, { busyTimeoutMs = 5000, synchronous = 'FULL' }: OpenDbOptions = {}): Promise<Db> {
  const handle = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(path, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE, (e) => (e ? reject(e) : resolve(d)));
  });
  const sql = raw(handle);
  try {
    handle.configure('busyTimeout', busyTimeoutMs);
    // WAL: one fsync per commit; FULL: that fsync happens before COMMIT returns (power-loss safe);
    // secure_delete: purged PII pages are zeroed rather than left in the free list
    await sql.exec(`PRAGMA journal_mode=WAL; PRAGMA synchronous=${synchronous}; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;`);
    const mode = await sql.get<{ journal_mode: string }>('PRAGMA journal_mode');
    if (mode?.journal_mode !== 'wal') throw new Error(`journal_mode is ${mode?.journal_mode ?? 'unknown'}, not wal`);
  } catch (e) {
    await new Promise<void>((resolve) => handle.close(() => resolve()));
    throw e;
  }

  let tail: Promise<unknown> = Promise.resolve();
  const queued = <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };

  return {
    path,
    run: (q, p) => queued(() => sql.run(q, p)),
    get: <T>(q: string, p?: Params) => queued(() => sql.get<T>(q, p)),
    all: <T>(q: string, p?: Params) => queued(() => sql.all<T>(q, p)),
    exec: (q) => queued(() => sql.exec(q)),
    transaction: <T>(body: (tx: Sql) => Promise<T>) =>
      queued(async () => {
        await sql.exec('BEGIN IMMEDIATE');
        try {
          const value = await body(sql);
          await sql.exec('COMMIT');
          return value;
        } catch (e) {
          // after SQLITE_FULL sqlite may already have rolled back; the original error is what matters
          await sql.exec('ROLLBACK').catch(() => undefined);
          throw e;
        }
      }),
    read: <T>(body: (tx: Sql) => Promise<T>) => queued(() => body(sql)),
    close: () => queued(() => new Promise<void>((resolve, reject) => handle.close((e) => (e ? reject(e) : resolve())))),
  };
}
