import { createActor, fromTransition, getNextTransitions, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
import { getAdjacencyMap, type AdjacencyMap } from 'xstate/graph';

// The model side of the model-based end-to-end tests, independent of any browser:
// - what a machine consists of: every state node and every transition definition (`on`,
//   `always`, `after`, invoke `onDone`/`onError`), read from the machine itself;
// - which of them one event actually exercises (the macrostep's microsteps, as xstate's
//   inspection reports them, eventless transitions included);
// - a small set of paths, built on xstate/graph's adjacency map, that takes every transition
//   the sample events can reach at least once;
// - a coverage counter that only counts what the caller says it saw happen.

/** A sample event: a type and whatever the machine reads from it. */
export type ModelEvent = EventObject & { [key: string]: unknown };

/** One transition definition of a machine: `source|event|index` (index among that event's candidates). */
export interface ModelTransition {
  id: string;
  source: string;
  /** the event type; `always` for eventless transitions */
  event: string;
  kind: 'on' | 'always' | 'after' | 'done' | 'error';
  targets: string[];
  guard: string | null;
}

export interface MachineShape {
  /** every state node id but the machine's root */
  states: string[];
  transitions: ModelTransition[];
}

type AnyTransitionDefinition = ReturnType<typeof getNextTransitions>[number];
type AnyNode = AnyStateMachine['root'];

const kindOf = (eventType: string): ModelTransition['kind'] =>
  eventType === '' ? 'always' : eventType.startsWith('xstate.after.') ? 'after' : eventType.startsWith('xstate.done.actor.') ? 'done' : eventType.startsWith('xstate.error.actor.') ? 'error' : 'on';

const guardName = (t: AnyTransitionDefinition): string | null => {
  const g = t.guard as unknown;
  if (g === undefined || g === null) return null;
  if (typeof g === 'string') return g;
  if (typeof g === 'function') return (g as { name?: string }).name || 'inline';
  if (typeof g === 'object' && 'type' in g && typeof (g as { type: unknown }).type === 'string') return (g as { type: string }).type;
  return 'guard';
};

const allNodes = (node: AnyNode): AnyNode[] => [node, ...Object.values(node.states).flatMap((child) => allNodes(child as AnyNode))];

/** Transition definitions by identity → their id (the machine caches them, so identity holds). */
const indexTransitions = (machine: AnyStateMachine): Map<AnyTransitionDefinition, ModelTransition> => {
  const index = new Map<AnyTransitionDefinition, ModelTransition>();
  for (const node of allNodes(machine.root)) {
    const add = (eventType: string, defs: readonly AnyTransitionDefinition[]) =>
      defs.forEach((t, i) => {
        const event = eventType === '' ? 'always' : eventType;
        index.set(t, {
          id: `${node.id}|${event}|${i}`,
          source: node.id,
          event,
          kind: kindOf(eventType),
          targets: (t.target ?? []).map((n: AnyNode) => n.id),
          guard: guardName(t),
        });
      });
    for (const [eventType, defs] of node.transitions) add(eventType, defs);
    if (node.always) add('', node.always);
  }
  return index;
};

const shapes = new WeakMap<AnyStateMachine, { shape: MachineShape; index: Map<AnyTransitionDefinition, ModelTransition> }>();
const shapeOf = (machine: AnyStateMachine) => {
  let s = shapes.get(machine);
  if (!s) {
    const index = indexTransitions(machine);
    const states = allNodes(machine.root)
      .filter((n) => n !== machine.root)
      .map((n) => n.id);
    s = { shape: { states, transitions: [...index.values()] }, index };
    shapes.set(machine, s);
  }
  return s;
};

/** Every state node and transition definition of `machine` (read from its definition, not from runs). */
export const machineShape = (machine: AnyStateMachine): MachineShape => shapeOf(machine).shape;

/** What one macrostep did: the snapshot after it, the transitions taken and the state nodes it went through. */
export interface StepEffect<TSnapshot> {
  snapshot: TSnapshot;
  transitions: string[];
  states: string[];
}

interface InspectedScope {
  scope: Parameters<AnyStateMachine['transition']>[2];
  drain(): { transitions: AnyTransitionDefinition[][]; snapshots: AnyMachineSnapshot[] };
}

/**
 * An actor scope like xstate/graph's mock one (nothing executes: no actor starts, no action
 * runs), whose system reports each microstep with the transitions it took.
 */
const inspectedScope = (): InspectedScope => {
  let transitions: AnyTransitionDefinition[][] = [];
  let snapshots: AnyMachineSnapshot[] = [];
  const host = createActor(
    fromTransition((s: number) => s, 0),
    {
      inspect: (e) => {
        if (e.type !== '@xstate.microstep') return;
        const m = e as unknown as { _transitions: AnyTransitionDefinition[]; snapshot: AnyMachineSnapshot };
        transitions.push(m._transitions);
        snapshots.push(m.snapshot);
      },
    },
  );
  const scope = {
    self: host,
    logger: () => undefined,
    id: '',
    sessionId: host.sessionId,
    defer: () => undefined,
    system: host.system,
    stopChild: () => undefined,
    emit: () => undefined,
    actionExecutor: () => undefined,
  } as unknown as InspectedScope['scope'];
  return {
    scope,
    drain: () => {
      const out = { transitions, snapshots };
      transitions = [];
      snapshots = [];
      return out;
    },
  };
};

const effectOf = <T extends AnyMachineSnapshot>(machine: AnyStateMachine, snapshot: T, drained: ReturnType<InspectedScope['drain']>): StepEffect<T> => {
  const { index } = shapeOf(machine);
  const transitions = new Set<string>();
  for (const list of drained.transitions) for (const t of list) {
    const known = index.get(t);
    if (known) transitions.add(known.id);
  }
  const states = new Set<string>();
  for (const s of [...drained.snapshots, snapshot]) for (const n of s._nodes as AnyNode[]) if (n !== machine.root) states.add(n.id);
  // a state left within the same macrostep (an eventless `start`) shows only as a transition's source
  for (const list of drained.transitions)
    for (const t of list) for (let n: AnyNode | undefined = t.source as AnyNode; n && n !== machine.root; n = n.parent as AnyNode | undefined) states.add(n.id);
  return { snapshot, transitions: [...transitions], states: [...states] };
};

/** The initial snapshot of `machine` for `input`, with what its initial macrostep did (eventless transitions from the start). */
// one scope for every step: steps run one at a time, and each drains what it reported
let shared: InspectedScope | null = null;
const scopeForStep = (): InspectedScope => {
  shared ??= inspectedScope();
  shared.drain();
  return shared;
};

export const initialEffect = <TMachine extends AnyStateMachine>(machine: TMachine, input: unknown): StepEffect<ReturnType<TMachine['getInitialSnapshot']>> => {
  const s = scopeForStep();
  const snapshot = machine.getInitialSnapshot(s.scope, input) as ReturnType<TMachine['getInitialSnapshot']>;
  return effectOf(machine, snapshot, s.drain());
};

/** The macrostep `event` causes from `snapshot`: pure, nothing runs. */
export const stepEffect = <TSnapshot extends AnyMachineSnapshot>(machine: AnyStateMachine, snapshot: TSnapshot, event: EventObject): StepEffect<TSnapshot> => {
  const s = scopeForStep();
  const next = machine.transition(snapshot, event as never, s.scope) as TSnapshot;
  return effectOf(machine, next, s.drain());
};

/** A machine to walk: its input, the events worth sending in each snapshot, and how to tell snapshots apart. */
export interface WalkModel<TSnapshot extends AnyMachineSnapshot = AnyMachineSnapshot> {
  machine: AnyStateMachine;
  input: unknown;
  /** sample events for this snapshot (only events the UI can send here: disabled buttons are not samples) */
  events(snapshot: TSnapshot): EventObject[];
  /** what distinguishes two snapshots for the walk (the state value plus the context that guards read) */
  serialize(snapshot: TSnapshot): string;
  /** relative cost of driving an event in the UI (default 1) */
  cost?(event: EventObject): number;
  /** bound on the adjacency map's size */
  limit?: number;
}

export interface PlannedStep<TSnapshot = AnyMachineSnapshot> {
  event: EventObject;
  /** the snapshot the event leads to */
  snapshot: TSnapshot;
  /** transitions and states the model says this step takes (credited only once the step is seen) */
  transitions: string[];
  states: string[];
}

export interface PlannedPath<TSnapshot = AnyMachineSnapshot> {
  /** what the initial macrostep covers (credited once the first screen is seen) */
  start: { snapshot: TSnapshot; transitions: string[]; states: string[] };
  steps: PlannedStep<TSnapshot>[];
}

export interface Plan<TSnapshot = AnyMachineSnapshot> {
  paths: PlannedPath<TSnapshot>[];
  /** transitions no sample event reaches from the input (for the report) */
  unreachable: string[];
  /** state nodes no sample event reaches */
  unreachableStates: string[];
}

interface Edge {
  from: string;
  to: string;
  event: EventObject;
  cost: number;
  transitions: string[];
  states: string[];
}

/** The adjacency map (xstate/graph) of the model's walk, with what each edge takes. */
export const walkGraph = <TSnapshot extends AnyMachineSnapshot>(model: WalkModel<TSnapshot>) => {
  const adjacency = getAdjacencyMap(model.machine, {
    input: model.input,
    events: (s: TSnapshot) => model.events(s),
    serializeState: (s: TSnapshot) => model.serialize(s),
    limit: model.limit ?? 20_000,
  } as never) as AdjacencyMap<TSnapshot, EventObject>;
  const edges = new Map<string, Edge[]>();
  for (const [key, value] of Object.entries(adjacency)) {
    const out: Edge[] = [];
    for (const { event } of Object.values(value.transitions) as { event: EventObject }[]) {
      const effect = stepEffect(model.machine, value.state, event);
      out.push({ from: key, to: model.serialize(effect.snapshot), event, cost: model.cost?.(event) ?? 1, transitions: effect.transitions, states: effect.states });
    }
    edges.set(key, out);
  }
  return { adjacency, edges };
};

/**
 * Paths that together take every transition reachable with the model's sample events, skipping
 * those in `covered` (already seen): greedy, from the current vertex always to the cheapest edge
 * that takes something not yet taken (Dijkstra on the UI cost), a new path from the start when
 * nothing new is reachable from where the path stands.
 */
export const planPaths = <TSnapshot extends AnyMachineSnapshot>(
  model: WalkModel<TSnapshot>,
  covered: { transitions?: Iterable<string>; states?: Iterable<string> } = {},
): Plan<TSnapshot> => {
  const shape = machineShape(model.machine);
  const init = initialEffect(model.machine, model.input);
  const initKey = model.serialize(init.snapshot as TSnapshot);
  const { edges } = walkGraph(model);

  const reachableT = new Set<string>(init.transitions);
  const reachableS = new Set<string>(init.states);
  for (const list of edges.values())
    for (const e of list) {
      e.transitions.forEach((t) => reachableT.add(t));
      e.states.forEach((s) => reachableS.add(s));
    }
  const wantT = new Set([...reachableT].filter((t) => ![...(covered.transitions ?? [])].includes(t)));
  const wantS = new Set([...reachableS].filter((s) => ![...(covered.states ?? [])].includes(s)));
  const takes = (e: Edge) => e.transitions.some((t) => wantT.has(t)) || e.states.some((s) => wantS.has(s));

  /** cheapest route from `from` to an edge that takes something wanted (Dijkstra, costs are small integers: buckets) */
  const nearest = (from: string): Edge[] | null => {
    const dist = new Map<string, number>([[from, 0]]);
    const via = new Map<string, Edge>();
    const done = new Set<string>();
    const buckets: string[][] = [[from]];
    for (let d = 0; d < buckets.length; d++) {
      for (const u of buckets[d] ?? []) {
        if (done.has(u) || dist.get(u) !== d) continue;
        done.add(u);
        // the cheapest wanted edge out of the nearest vertex that has one (greedy, good enough)
        const wanted = (edges.get(u) ?? []).filter(takes).sort((a, b) => a.cost - b.cost)[0];
        if (wanted) {
          const route: Edge[] = [wanted];
          let at = u;
          while (at !== from) {
            const e = via.get(at) as Edge;
            route.unshift(e);
            at = e.from;
          }
          return route;
        }
        for (const e of edges.get(u) ?? []) {
          const nd = d + e.cost;
          if (nd < (dist.get(e.to) ?? Infinity)) {
            dist.set(e.to, nd);
            via.set(e.to, e);
            (buckets[nd] ??= []).push(e.to);
          }
        }
      }
    }
    return null;
  };

  const paths: PlannedPath<TSnapshot>[] = [];
  /** a path worth running even without steps: its start covers something (an eventless start) */
  let startUseful = false;
  const startPath = (): PlannedPath<TSnapshot> => {
    startUseful = init.transitions.some((t) => wantT.has(t)) || init.states.some((s) => wantS.has(s));
    init.transitions.forEach((t) => wantT.delete(t));
    init.states.forEach((s) => wantS.delete(s));
    return { start: { snapshot: init.snapshot as TSnapshot, transitions: init.transitions, states: init.states }, steps: [] };
  };
  let path = startPath();
  let at = initKey;
  let cur = init.snapshot as TSnapshot;
  let guard = 0;
  while ((wantT.size > 0 || wantS.size > 0) && guard++ < 10_000) {
    const route = nearest(at);
    if (!route) {
      if (path.steps.length === 0) {
        if (startUseful) paths.push(path);
        startUseful = false;
        break; // nothing more reachable from the start either
      }
      paths.push(path);
      path = startPath();
      at = initKey;
      cur = init.snapshot as TSnapshot;
      continue;
    }
    // Walk the route with the real snapshots: two snapshots the walk tells apart only by what it
    // serializes may still differ, so each step is replayed, and a step that lands elsewhere
    // than the map said ends the route (the next one is planned from where it landed).
    for (const e of route) {
      // only what the screen offers there (the map may have merged this snapshot with another)
      const offered = model.events(cur).some((x) => JSON.stringify(x) === JSON.stringify(e.event));
      if (!offered) {
        at = `${at} (not offered)`;
        break;
      }
      const effect = stepEffect(model.machine, cur, e.event);
      path.steps.push({ event: e.event, snapshot: effect.snapshot, transitions: effect.transitions, states: effect.states });
      effect.transitions.forEach((t) => wantT.delete(t));
      effect.states.forEach((s) => wantS.delete(s));
      cur = effect.snapshot;
      at = model.serialize(cur);
      if (at !== e.to) break;
    }
  }
  if (path.steps.length > 0 || startUseful) paths.push(path);
  return {
    paths,
    unreachable: shape.transitions.map((t) => t.id).filter((t) => !reachableT.has(t)),
    unreachableStates: shape.states.filter((s) => !reachableS.has(s)),
  };
};

/** Per-machine counts: only what `credit` was called with (steps seen happening). */
export interface CoverageFigures {
  states: { total: number; covered: number };
  transitions: { total: number; covered: number };
}

export class CoverageCounter {
  readonly #machines = new Map<string, { shape: MachineShape; states: Set<string>; transitions: Set<string> }>();

  register(name: string, machine: AnyStateMachine): void {
    if (!this.#machines.has(name)) this.#machines.set(name, { shape: machineShape(machine), states: new Set(), transitions: new Set() });
  }

  /** a step (or a path's start) whose target was observed */
  credit(name: string, effect: { transitions: readonly string[]; states: readonly string[] }): void {
    const m = this.#machines.get(name);
    if (!m) throw new Error(`machine ${name} is not registered`);
    const knownT = new Set(m.shape.transitions.map((t) => t.id));
    const knownS = new Set(m.shape.states);
    effect.transitions.forEach((t) => {
      if (knownT.has(t)) m.transitions.add(t);
    });
    effect.states.forEach((s) => {
      if (knownS.has(s)) m.states.add(s);
    });
  }

  covered(name: string): { states: ReadonlySet<string>; transitions: ReadonlySet<string> } {
    const m = this.#machines.get(name);
    return { states: m?.states ?? new Set(), transitions: m?.transitions ?? new Set() };
  }

  figures(name: string): CoverageFigures {
    const m = this.#machines.get(name);
    if (!m) throw new Error(`machine ${name} is not registered`);
    return {
      states: { total: m.shape.states.length, covered: m.states.size },
      transitions: { total: m.shape.transitions.length, covered: m.transitions.size },
    };
  }

  /** what was not covered, per machine, for the report */
  missing(name: string): { states: string[]; transitions: ModelTransition[] } {
    const m = this.#machines.get(name);
    if (!m) return { states: [], transitions: [] };
    return { states: m.shape.states.filter((s) => !m.states.has(s)), transitions: m.shape.transitions.filter((t) => !m.transitions.has(t.id)) };
  }

  /** `{machines: {name: figures}, overall: figures}` */
  report(): { machines: Record<string, CoverageFigures>; overall: CoverageFigures } {
    const machines: Record<string, CoverageFigures> = {};
    const overall: CoverageFigures = { states: { total: 0, covered: 0 }, transitions: { total: 0, covered: 0 } };
    for (const name of this.#machines.keys()) {
      const f = this.figures(name);
      machines[name] = f;
      overall.states.total += f.states.total;
      overall.states.covered += f.states.covered;
      overall.transitions.total += f.transitions.total;
      overall.transitions.covered += f.transitions.covered;
    }
    return { machines, overall };
  }
}

/** The invocations of a state node (id and src), e.g. to name `xstate.done.actor.<id>` events. */
export const invocationsOf = (machine: AnyStateMachine, stateId: string): { id: string; src: string }[] => {
  const node = machine.getStateNodeById(stateId) as AnyNode;
  return node.invoke.map((i: { id: string; src: unknown }) => ({ id: i.id, src: typeof i.src === 'string' ? i.src : 'inline' }));
};

/** `xstate.done.actor.<id>` of the state's `n`-th invocation, as its parent receives it. */
export const doneEvent = (machine: AnyStateMachine, stateId: string, output: unknown, n = 0): EventObject =>
  ({ type: `xstate.done.actor.${invocationsOf(machine, stateId)[n]?.id ?? '?'}`, output, actorId: invocationsOf(machine, stateId)[n]?.id }) as EventObject;

/** `xstate.error.actor.<id>` of the state's `n`-th invocation. */
export const errorEvent = (machine: AnyStateMachine, stateId: string, error: unknown, n = 0): EventObject =>
  ({ type: `xstate.error.actor.${invocationsOf(machine, stateId)[n]?.id ?? '?'}`, error, actorId: invocationsOf(machine, stateId)[n]?.id }) as EventObject;

/** Every event type a snapshot may react to (its own transitions and its ancestors'), `always` left out. */
export const eventTypesOf = (snapshot: AnyMachineSnapshot): string[] => [...new Set(getNextTransitions(snapshot).map((t) => t.eventType).filter((t) => t !== ''))];
