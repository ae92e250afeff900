import { z } from 'zod';

// Fault injection per route: a seeded RNG decides whether a request fails and how, so a test
// that sets a seed sees the same sequence of failures on every run.

export const routeKeys = [
  'createDossier',
  'tusCreate',
  'tusPatch',
  'tusHead',
  'submitDossier',
  'getStatus',
  'findDossier',
  'rateDossier',
  'listProcedures',
] as const;
export type RouteKey = (typeof routeKeys)[number];

export const faultKinds = ['500', '503', '429', 'reset', 'hang', 'slowBody', 'commitThenDrop'] as const;
export type FaultKind = (typeof faultKinds)[number];

export const RouteFault = z.object({
  /** probability 0..1 that a request on this route gets one of `kinds` */
  rate: z.number().min(0).max(1),
  kinds: z.array(z.enum(faultKinds)).min(1),
  /** inject at most this many faults, then behave (absent: no limit) */
  count: z.number().int().min(0).optional(),
  /** Retry-After of 429/503, in seconds */
  retryAfterSeconds: z.number().int().min(0).optional(),
  /** extra processing time of every request on the route, while its idempotency key is in flight */
  latencyMs: z.number().int().min(0).optional(),
});
export type RouteFault = z.infer<typeof RouteFault>;

export const FaultConfig = z.object({
  seed: z.number().int().optional(),
  /** the city is down: every /v1 connection is reset */
  offline: z.boolean().optional(),
  routes: z.partialRecord(z.enum([...routeKeys, '*']), RouteFault).optional(),
  slowBody: z.object({ chunkBytes: z.number().int().min(1), intervalMs: z.number().int().min(1) }).optional(),
});
export type FaultConfig = z.infer<typeof FaultConfig>;

/** Holds requests of a route after their idempotency key is in flight, until released. */
export interface Gate {
  /** resolves when the first request reaches the gate */
  reached: Promise<void>;
  release(): void;
}

export interface FaultController {
  /** replaces the whole configuration (and re-seeds the RNG) */
  set(config: FaultConfig): void;
  setRoute(route: RouteKey | '*', fault: RouteFault | undefined): void;
  setOffline(offline: boolean): void;
  get(): FaultConfig;
  clear(): void;
  hold(route: RouteKey): Gate;
}

/** mulberry32: tiny, seedable, good enough to pick faults */
const seeded = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export interface FaultDecision {
  kind: FaultKind | undefined;
  retryAfterSeconds: number;
  latencyMs: number;
}

export interface FaultEngine extends FaultController {
  /** one draw for one request on `route` */
  decide(route: RouteKey): FaultDecision;
  offline(): boolean;
  slowBodyPace(): { chunkBytes: number; intervalMs: number };
  /** waits at the route's gate, if one is set */
  passGate(route: RouteKey): Promise<void>;
  /** forgets held requests without letting them go: on close they die as in a crash */
  dropGates(): void;
}

export const createFaults = (initial: FaultConfig = {}): FaultEngine => {
  let config: FaultConfig = FaultConfig.parse(initial);
  let rng = seeded(config.seed ?? 1);
  const used = new Map<string, number>();
  const gates = new Map<RouteKey, { reached: () => void; released: Promise<void>; release: () => void }>();

  const set = (next: FaultConfig): void => {
    config = FaultConfig.parse(next);
    rng = seeded(config.seed ?? 1);
    used.clear();
  };

  return {
    set,
    setRoute: (route, fault) => {
      const routes = { ...config.routes };
      if (fault) routes[route] = RouteFault.parse(fault);
      else delete routes[route];
      config = { ...config, routes };
      used.delete(route);
    },
    setOffline: (offline) => {
      config = { ...config, offline };
    },
    get: () => structuredClone(config),
    clear: () => set({ seed: config.seed }),
    hold: (route) => {
      let reached!: () => void;
      const reachedP = new Promise<void>((r) => (reached = r));
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      gates.set(route, { reached, released, release });
      return {
        reached: reachedP,
        release: () => {
          gates.delete(route);
          release();
        },
      };
    },
    decide: (route) => {
      const specific = config.routes?.[route];
      const which = specific ? route : '*';
      const fault = specific ?? config.routes?.['*'];
      const none = { kind: undefined, retryAfterSeconds: 0, latencyMs: fault?.latencyMs ?? 0 };
      if (!fault || fault.rate <= 0) return none;
      if (fault.count !== undefined && (used.get(which) ?? 0) >= fault.count) return none;
      // always two draws, so the sequence of one route does not depend on the other's config
      const hit = rng() < fault.rate;
      const pick = fault.kinds[Math.floor(rng() * fault.kinds.length)];
      if (!hit || pick === undefined) return none;
      used.set(which, (used.get(which) ?? 0) + 1);
      return { kind: pick, retryAfterSeconds: fault.retryAfterSeconds ?? 1, latencyMs: fault.latencyMs ?? 0 };
    },
    offline: () => config.offline === true,
    slowBodyPace: () => config.slowBody ?? { chunkBytes: 8, intervalMs: 20 },
    passGate: async (route) => {
      const gate = gates.get(route);
      if (!gate) return;
      gate.reached();
      await gate.released;
    },
    dropGates: () => gates.clear(),
  };
};
