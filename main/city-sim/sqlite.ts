import sqlite3 from 'sqlite3';

// A tiny promise wrapper over sqlite3's callbacks. One connection, and every access goes
// through one queue: sqlite3 would otherwise interleave the statements of two concurrent
// transactions on the same connection.

export type SqlValue = string | number | null;

export interface SqlTx {
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number; lastID: number }>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

export interface SqlDb {
  /** runs `fn` inside BEGIN IMMEDIATE … COMMIT (ROLLBACK when it throws), alone on the connection */
  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T>;
  /** a read outside any transaction, still queued behind the running one */
  read<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const wrap = (db: sqlite3.Database): SqlTx => ({
  run: (sql, params = []) =>
    new Promise((resolve, reject) =>
      db.run(sql, params, function (this: sqlite3.RunResult, e: Error | null) {
        if (e) reject(e);
        else resolve({ changes: this.changes, lastID: this.lastID });
      }),
    ),
  get: <T>(sql: string, params: readonly SqlValue[] = []) =>
    new Promise<T | undefined>((resolve, reject) => db.get(sql, params, (e: Error | null, row: T | undefined) => (e ? reject(e) : resolve(row)))),
  all: <T>(sql: string, params: readonly SqlValue[] = []) =>
    new Promise<T[]>((resolve, reject) => db.all(sql, params, (e: Error | null, rows: T[]) => (e ? reject(e) : resolve(rows)))),
  exec: (sql) => new Promise<void>((resolve, reject) => db.exec(sql, (e: Error | null) => (e ? reject(e) : resolve()))),
});

export const openSqlite = async (file: string): Promise<SqlDb> => {
  const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db = new sqlite3.Database(file, (e) => (e ? reject(e) : resolve(db)));
  });
  const tx = wrap(raw);
  // WAL + NORMAL survives a crash of this process (the crash tests kill processes, not machines)
  await tx.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    transaction: (fn) =>
      enqueue(async () => {
        await tx.exec('BEGIN IMMEDIATE');
        try {
          const out = await fn(tx);
          await tx.exec('COMMIT');
          return out;
        } catch (e) {
          await tx.exec('ROLLBACK').catch(() => undefined);
          throw e;
        }
      }),
    read: (fn) => enqueue(() => fn(tx)),
    close: () => enqueue(() => new Promise<void>((resolve, reject) => raw.close((e) => (e ? reject(e) : resolve())))),
  };
};
