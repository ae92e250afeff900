import { routeKeys, type FaultKind, type RouteKey } from './faults.js';

// Per-route counters, in memory: what the tests compare with what the client believes it sent.

export interface RouteCounter {
  requests: number;
  faultsInjected: number;
  faultsByKind: Partial<Record<FaultKind, number>>;
  /** answers replayed from the idempotency store */
  replays: number;
  /** 409 (key in flight) and 422 (key reused with another body) */
  idempotencyConflicts: number;
  /** request body bytes that reached the server (tus PATCH/POST: the resume tests' measure) */
  bytesReceived: number;
}

export type Counters = Record<RouteKey, RouteCounter>;

const fresh = (): RouteCounter => ({ requests: 0, faultsInjected: 0, faultsByKind: {}, replays: 0, idempotencyConflicts: 0, bytesReceived: 0 });

export const createCounters = (): Counters => Object.fromEntries(routeKeys.map((k) => [k, fresh()])) as Counters;

export const resetCounters = (c: Counters): void => {
  for (const k of routeKeys) c[k] = fresh();
};

export const countFault = (c: RouteCounter, kind: FaultKind): void => {
  c.faultsInjected += 1;
  c.faultsByKind[kind] = (c.faultsByKind[kind] ?? 0) + 1;
};
