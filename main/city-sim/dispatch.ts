import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import { DossierSubmission, Rating } from '../../common/city/city-contract.js';
import type { Logger } from '../log/logger.js';
import { countFault, type Counters, type RouteCounter } from './counters.js';
import type { FaultEngine, RouteKey } from './faults.js';
import { dropConnection, readBody, send, sendSlowly } from './http-io.js';
import { canonicalBodySha256, type Idempotency, type IdempotencyKey } from './idempotency.js';
import { invalidBody, problem, retryLater, type SimResponse } from './problem.js';
import { handleAdmin, type AdminDeps } from './routes/admin.js';
import type { RouteContext } from './routes/context.js';
import { createDossier, findDossier, getStatus, submitDossier } from './routes/dossiers.js';
import { listProcedures } from './routes/procedures.js';
import { rateDossier } from './routes/ratings.js';
import type { UploadsHandler } from './routes/uploads.js';
import { matchRoute, routeKeyOf, type Match } from './router.js';
import type { Sql } from '../db/sqlite-db.js';

// One request's path through the simulator: admin or contract → offline? → auth → fault draw
// → the operation (through the idempotency store when it mutates) → delivery, possibly mangled.

export interface DispatchDeps {
  ctx: RouteContext;
  idempotency: Idempotency;
  faults: FaultEngine;
  counters: Counters;
  uploads: UploadsHandler;
  admin: AdminDeps;
  bearerToken: string | undefined;
  log: Logger;
}

type Outcome = SimResponse | { hang: true };

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export const createDispatcher = (d: DispatchDeps) => {
  const { ctx, faults, counters } = d;

  /** latency and test gates apply while the idempotency key is in flight */
  const pause = async (key: RouteKey, latencyMs: number): Promise<void> => {
    if (latencyMs > 0) await sleep(latencyMs);
    await faults.passGate(key);
  };

  const mutate = async (k: IdempotencyKey, raw: Buffer, counter: RouteCounter, hold: () => Promise<void>, run: (tx: Sql) => Promise<SimResponse>): Promise<SimResponse> => {
    const start = await d.idempotency.begin(k, canonicalBodySha256(raw));
    if (start.kind === 'replay') {
      counter.replays += 1;
      // the contract answers a replay with 200 and the first response's body
      return { status: start.status === 201 ? 200 : start.status, body: start.body, headers: { 'Idempotent-Replayed': 'true' } };
    }
    if (start.kind === 'bodyMismatch') {
      counter.idempotencyConflicts += 1;
      return problem(422, 'idempotency-key-reused', 'Idempotency-Key reused', 'this Idempotency-Key was first used with a different request body');
    }
    if (start.kind === 'inFlight') {
      counter.idempotencyConflicts += 1;
      return problem(409, 'request-in-flight', 'Request in flight', 'a request with this Idempotency-Key is still being processed', {}, { 'Retry-After': '1' });
    }
    try {
      await hold();
      const r = await ctx.db.transaction(async (tx) => {
        const out = await run(tx);
        // only success is stored: an error changed nothing, so a retry must run afresh
        // (a 422 `missing` submit is retried with the same key once the uploads are done)
        if (out.status < 300) await d.idempotency.complete(tx, k, out.status, out.body);
        return out;
      });
      if (r.status >= 300) await d.idempotency.abandon(k);
      return r;
    } catch (e) {
      await d.idempotency.abandon(k).catch(() => undefined);
      throw e;
    }
  };

  const parseJson = async <T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<{ ok: true; raw: Buffer; value: T } | { ok: false; response: SimResponse }> => {
    const raw = await readBody(req);
    if (raw === null) return { ok: false, response: problem(413, 'too-large', 'Body too large', 'the request body exceeds 1 MiB') };
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      return { ok: false, response: problem(400, 'invalid-json', 'Invalid JSON', 'the request body is not JSON') };
    }
    const parsed = schema.safeParse(json);
    return parsed.success ? { ok: true, raw, value: parsed.data } : { ok: false, response: invalidBody(parsed.error) };
  };

  const operate = async (req: IncomingMessage, url: URL, m: Match, kioskId: string, latencyMs: number): Promise<SimResponse> => {
    const key = routeKeyOf(m);
    if (m.route === 'tusCreate' || m.route === 'tusPatch' || m.route === 'tusHead' || m.route === 'tusOther') {
      if (key) await pause(key, latencyMs);
      const counter = key ? counters[key] : undefined;
      return d.uploads.handle(req, (n) => {
        if (counter) counter.bytesReceived += n;
      });
    }
    if (!key) throw new Error(`no route key for ${m.route}`);
    const counter = counters[key];
    const hold = () => pause(key, latencyMs);
    const idemKey = header(req, 'idempotency-key');
    const mutating = m.route === 'createDossier' || m.route === 'submitDossier' || m.route === 'rateDossier';
    if (mutating && (!idemKey || idemKey.length > 255)) {
      return problem(400, 'idempotency-key-required', 'Idempotency-Key required', 'every mutating request carries an Idempotency-Key of at most 255 characters');
    }
    const k: IdempotencyKey = { kioskId, method: req.method ?? 'POST', route: url.pathname, key: idemKey ?? '' };
    switch (m.route) {
      case 'createDossier': {
        const body = await parseJson(req, DossierSubmission);
        if (!body.ok) return body.response;
        return mutate(k, body.raw, counter, hold, (tx) => createDossier(tx, ctx, kioskId, body.value));
      }
      case 'submitDossier': {
        const raw = await readBody(req);
        if (raw === null) return problem(413, 'too-large', 'Body too large', 'submit takes no body');
        return mutate(k, raw, counter, hold, (tx) => submitDossier(tx, ctx, kioskId, m.dossierId));
      }
      case 'rateDossier': {
        const body = await parseJson(req, Rating);
        if (!body.ok) return body.response;
        return mutate(k, body.raw, counter, hold, (tx) => rateDossier(tx, ctx, m.code, body.value));
      }
      case 'findDossier': {
        const localCode = url.searchParams.get('localCode');
        if (!localCode) return problem(400, 'invalid-query', 'Invalid query', '`localCode` is required');
        await hold();
        return findDossier(ctx, kioskId, localCode);
      }
      case 'getStatus':
        await hold();
        return getStatus(ctx, m.code);
      case 'listProcedures':
        await hold();
        return listProcedures(ctx, url.searchParams.get('since'));
    }
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<Outcome | 'delivered'> => {
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    if (url.pathname === '/__sim' || url.pathname.startsWith('/__sim/')) return handleAdmin(req, url.pathname, d.admin);
    if (faults.offline()) {
      dropConnection(req.socket);
      return 'delivered';
    }
    const m = matchRoute(req.method ?? 'GET', url.pathname);
    if (!m) return problem(404, 'not-found', 'Not found', `${req.method ?? ''} ${url.pathname} is not part of the contract`);
    const key = routeKeyOf(m);
    if (key) counters[key].requests += 1;
    if (d.bearerToken !== undefined && header(req, 'authorization') !== `Bearer ${d.bearerToken}`) {
      return problem(401, 'unauthorized', 'Unauthorized', 'a valid bearer token is required', {}, { 'WWW-Authenticate': 'Bearer realm="city-intake"' });
    }
    const isTus = m.route.startsWith('tus');
    const kioskId = header(req, 'x-kiosk-id');
    if (!isTus && !kioskId) return problem(400, 'kiosk-id-required', 'X-Kiosk-Id required', 'every request names its kiosk in X-Kiosk-Id');
    const decision = key ? faults.decide(key) : { kind: undefined, retryAfterSeconds: 0, latencyMs: 0 };
    if (key && decision.kind) countFault(counters[key], decision.kind);
    switch (decision.kind) {
      case '500':
        return problem(500, 'injected-fault', 'Internal server error', 'injected fault', {}, { Connection: 'close' });
      case '503':
      case '429':
        return retryLater(decision.kind === '429' ? 429 : 503, decision.retryAfterSeconds, 'injected fault');
      case 'reset':
        dropConnection(req.socket);
        return 'delivered';
      case 'hang':
        // never answer; the socket stays open until the client gives up or close() ends it
        return { hang: true };
    }
    const response = await operate(req, url, m, kioskId ?? '', decision.latencyMs);
    if (decision.kind === 'commitThenDrop') {
      // everything is committed (idempotency record included); the answer is what gets lost
      dropConnection(req.socket);
      return 'delivered';
    }
    if (decision.kind === 'slowBody') {
      sendSlowly(res, response, faults.slowBodyPace());
      return 'delivered';
    }
    return response;
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const out = await route(req, res);
      if (out === 'delivered' || 'hang' in out) return;
      if (res.destroyed) return;
      send(res, out);
    } catch (e) {
      d.log.error('city-sim', 'request failed', { method: req.method, url: req.url, error: e instanceof Error ? e.message : String(e) });
      if (res.headersSent || res.destroyed) res.destroy();
      else send(res, problem(500, 'internal', 'Internal server error', 'the simulator failed to process the request'));
    }
  };
};
