import { mkdirSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { silentLogger, type Logger } from '../log/logger.js';
import { createSimClock, type SimClock } from './clock.js';
import { createCounters, resetCounters } from './counters.js';
import { createDispatcher } from './dispatch.js';
import { createFaults, type FaultConfig, type FaultController } from './faults.js';
import { createIdempotency } from './idempotency.js';
import { migrate } from './migrate.js';
import { defaultCatalog, type CatalogEntry } from './procedure-catalog.js';
import { readRecords, type SimRecords } from './records.js';
import type { RouteContext } from './routes/context.js';
import { createUploadsHandler } from './routes/uploads.js';
import { openDb } from '../db/sqlite-db.js';
import { defaultStatusSchedule, type StatusStep } from './status-schedule.js';
import { wipeAll } from './store.js';
import { httpsOptions, type SimTlsOptions } from './tls.js';

export interface CitySimulatorOptions {
  /** its own SQLite file and tus folder; a restart on the same dir knows everything recorded */
  dataDir: string;
  host?: string;
  /** 0 (default) picks a free port */
  port?: number;
  /** first part of official codes */
  agency?: string;
  tls?: SimTlsOptions;
  /** when set, every /v1 request needs `Authorization: Bearer <token>` */
  bearerToken?: string;
  statusSchedule?: StatusStep[];
  /** base time; the returned `clock` adds an adjustable offset to it */
  now?: () => number;
  faults?: FaultConfig;
  catalog?: CatalogEntry[];
  /** after this long an in-flight idempotency marker is considered left by a crash (default 30 s) */
  inFlightTtlMs?: number;
  log?: Logger;
}

export interface CitySimulator {
  /** base URL, `/v1` included, as a kiosk is configured with */
  url: string;
  /** scheme://host:port, where `/__sim/*` lives */
  origin: string;
  port: number;
  faults: FaultController;
  clock: SimClock;
  records(): Promise<SimRecords>;
  /** clears faults and counters; with `data` also every record and upload */
  reset(opts?: { data?: boolean }): Promise<void>;
  /** ends every connection (hung ones included) and closes the database */
  close(): Promise<void>;
}

export const startCitySimulator = async (opts: CitySimulatorOptions): Promise<CitySimulator> => {
  const log = opts.log ?? silentLogger;
  const host = opts.host ?? '127.0.0.1';
  const uploadsDir = join(opts.dataDir, 'uploads');
  mkdirSync(uploadsDir, { recursive: true });
  const db = await openDb(join(opts.dataDir, 'city-sim.sqlite'), { synchronous: 'NORMAL' });
  await migrate(db);

  const clock = createSimClock(opts.now);
  const faults = createFaults(opts.faults);
  const counters = createCounters();
  const ctx: RouteContext = {
    db,
    now: clock.now,
    agency: opts.agency ?? '000.00.01.H26',
    schedule: opts.statusSchedule ?? defaultStatusSchedule,
    catalog: opts.catalog ?? defaultCatalog,
  };
  const proto = opts.tls ? 'https' : 'http';
  const records = () => readRecords(db, counters);
  const reset = async ({ data = false }: { data?: boolean } = {}): Promise<void> => {
    faults.clear();
    resetCounters(counters);
    if (data) {
      await db.transaction(wipeAll);
      rmSync(uploadsDir, { recursive: true, force: true });
      mkdirSync(uploadsDir, { recursive: true });
    }
  };
  const dispatch = createDispatcher({
    ctx,
    idempotency: createIdempotency(db, clock.now, { inFlightTtlMs: opts.inFlightTtlMs }),
    faults,
    counters,
    uploads: createUploadsHandler(ctx, { directory: uploadsDir, proto }),
    admin: { faults, clock, records, reset },
    bearerToken: opts.bearerToken,
    log,
  });

  const onRequest = (req: IncomingMessage, res: ServerResponse) => void dispatch(req, res);
  const server: Server = opts.tls ? createHttpsServer(httpsOptions(opts.tls), onRequest) : createHttpServer(onRequest);
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('tlsClientError', (e: Error) => log.debug('city-sim', 'TLS handshake refused', { error: e.message }));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `${proto}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log.info('city-sim', 'city simulator listening', { url: `${origin}/v1`, dataDir: opts.dataDir, tls: Boolean(opts.tls), bearer: opts.bearerToken !== undefined });

  let closed: Promise<void> | undefined;
  return {
    url: `${origin}/v1`,
    origin,
    port,
    faults,
    clock,
    records,
    reset,
    close: () =>
      (closed ??= (async () => {
        // held requests stay held: their in-flight markers remain, as after a crash
        faults.dropGates();
        const done = new Promise<void>((resolve) => server.close(() => resolve()));
        // hung and slow answers keep sockets open on purpose; closing ends them
        for (const s of sockets) s.destroy();
        await done;
        await db.close();
      })()),
  };
};
