import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { StatsSummary } from '../../common/kiosk-api/diagnostics-contract.js';
import { journeySteps } from '../../common/kiosk-api/journey-contract.js';
import { identitySourceKinds } from '../../common/domain/citizen-identity.js';
import { DeviceId } from '../../common/domain/device-status.js';
import { openDb, type Db } from '../db/sqlite-db.js';

// Anonymous counters, one row per (day, metric, key): how many, never who. Nothing here can
// be tied to a resident (no session id, no time finer than the day), so the rows are kept
// after dossiers are purged and can leave the kiosk in the monthly report.

export const statsDbPath = (dataDir: string): string => join(dataDir, 'stats', 'stats.db');

export type Metric =
  | 'sessions'
  | 'session.end'
  | 'step.reached'
  | 'step.abandoned'
  | 'identity'
  | 'submission.self'
  | 'submission.assisted'
  | 'rating'
  | 'device.error'
  | 'device.fault';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS counters (
    day    TEXT NOT NULL,                    -- yyyy-mm-dd, Vietnam time
    metric TEXT NOT NULL,
    key    TEXT NOT NULL,                    -- a step, a procedure code, a source, a level…
    count  INTEGER NOT NULL,
    PRIMARY KEY (day, metric, key)
  );
`;

interface CounterRow {
  metric: Metric;
  key: string;
  count: number;
}

const byDevice = (rows: readonly CounterRow[]): StatsSummary['deviceErrors'] =>
  rows.flatMap((r) => {
    const [device, ...kind] = r.key.split(':');
    const d = DeviceId.safeParse(device);
    return d.success ? [{ device: d.data, kind: kind.join(':') || 'unknown', count: r.count }] : [];
  });

export class StatsStore {
  readonly #db: Promise<Db>;

  constructor(readonly file: string) {
    this.#db = (async () => {
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      // NORMAL: a counter lost to a power cut is a rounding error, not a broken promise
      const db = await openDb(file, { synchronous: 'NORMAL' });
      await db.exec(SCHEMA);
      return db;
    })();
    this.#db.catch(() => undefined);
  }

  ready(): Promise<void> {
    return this.#db.then(() => undefined);
  }

  async bump(day: string, metric: Metric, key = '', by = 1): Promise<void> {
    const db = await this.#db;
    await db.run(
      `INSERT INTO counters (day, metric, key, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (day, metric, key) DO UPDATE SET count = count + excluded.count`,
      [day, metric, key, by],
    );
  }

  /** Every counter summed over the inclusive day range. */
  async totals(from: string, to: string): Promise<CounterRow[]> {
    const db = await this.#db;
    return db.all<CounterRow>(`SELECT metric, key, sum(count) AS count FROM counters WHERE day BETWEEN ? AND ? GROUP BY metric, key ORDER BY metric, key`, [from, to]);
  }

  async summary(from: string, to: string): Promise<StatsSummary> {
    const rows = await this.totals(from, to);
    const of = (metric: Metric) => rows.filter((r) => r.metric === metric);
    const sum = (metric: Metric) => of(metric).reduce((n, r) => n + r.count, 0);

    const procedures = new Map<string, { selfService: number; assisted: number }>();
    for (const r of [...of('submission.self'), ...of('submission.assisted')]) {
      const p = procedures.get(r.key) ?? { selfService: 0, assisted: 0 };
      if (r.metric === 'submission.self') p.selfService += r.count;
      else p.assisted += r.count;
      procedures.set(r.key, p);
    }
    const reached = new Map(of('step.reached').map((r) => [r.key, r.count]));
    const abandoned = new Map(of('step.abandoned').map((r) => [r.key, r.count]));
    const identity = Object.fromEntries(identitySourceKinds.map((k) => [k, 0])) as StatsSummary['identitySource'];
    for (const r of of('identity')) if (r.key in identity) identity[r.key as keyof typeof identity] += r.count;
    const satisfaction: StatsSummary['satisfaction'] = { '1': 0, '2': 0, '3': 0 };
    for (const r of of('rating')) if (r.key === '1' || r.key === '2' || r.key === '3') satisfaction[r.key] += r.count;

    return {
      from,
      to,
      sessions: sum('sessions'),
      sessionEnds: Object.fromEntries(of('session.end').map((r) => [r.key, r.count])),
      submissions: [...procedures.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([procedureCode, c]) => ({ procedureCode, ...c })),
      steps: journeySteps
        .filter((s) => reached.has(s) || abandoned.has(s))
        .map((step) => ({ step, reached: reached.get(step) ?? 0, abandoned: abandoned.get(step) ?? 0 })),
      identitySource: identity,
      satisfaction,
      assisted: sum('submission.assisted'),
      selfService: sum('submission.self'),
      deviceErrors: byDevice(of('device.error')),
      deviceFaults: byDevice(of('device.fault')),
    };
  }

  async close(): Promise<void> {
    const db = await this.#db.catch(() => null);
    await db?.close();
  }
}
