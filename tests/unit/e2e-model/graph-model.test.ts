import { assign, fromPromise, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { CoverageCounter, doneEvent, errorEvent, initialEffect, invocationsOf, machineShape, planPaths, stepEffect, type WalkModel } from '../../e2e/model/graph-model.js';

// A tiny door: locked/unlocked via a PIN check (an invoked actor), an eventless `start`, a
// guarded choice, a delayed close and a final state: one of each kind of transition.
const door = setup({
  types: { context: {} as { tries: number; open: boolean }, events: {} as { type: 'pin' } | { type: 'push' } | { type: 'leave' }, input: {} as { open: boolean } },
  actors: { check: fromPromise<boolean>(async () => true) },
  guards: { startsOpen: ({ context }) => context.open, tooMany: ({ context }) => context.tries >= 2 },
  delays: { soon: 1000 },
}).createMachine({
  id: 'door',
  context: ({ input }) => ({ tries: 0, open: input.open }),
  initial: 'start',
  on: { leave: '.gone' },
  states: {
    start: { always: [{ guard: 'startsOpen', target: 'open' }, { target: 'closed' }] },
    closed: {
      on: {
        pin: [{ guard: 'tooMany', target: 'blocked' }, { target: 'checking', actions: assign({ tries: ({ context }) => context.tries + 1 }) }],
      },
    },
    checking: { invoke: { src: 'check', onDone: 'open', onError: 'closed' } },
    open: { after: { soon: 'closed' }, on: { push: 'closed' } },
    blocked: {},
    gone: { type: 'final' },
  },
});

const model = (open: boolean, withDelays = true): WalkModel => ({
  machine: door,
  input: { open },
  events: (s) => {
    const out = [{ type: 'leave' }];
    if (s.matches('closed')) out.push({ type: 'pin' });
    if (s.matches('open')) out.push({ type: 'push' }, ...(withDelays ? [{ type: 'xstate.after.soon.door.open' }] : []));
    if (s.matches('checking')) out.push(doneEvent(door, 'door.checking', true), errorEvent(door, 'door.checking', new Error('wrong PIN')));
    return out;
  },
  serialize: (s) => JSON.stringify([s.value, (s.context as { tries: number }).tries]),
});

describe('machineShape', () => {
  it('lists every state node and every kind of transition definition', () => {
    const shape = machineShape(door);
    expect(shape.states.sort()).toEqual(['door.blocked', 'door.checking', 'door.closed', 'door.gone', 'door.open', 'door.start']);
    const ids = shape.transitions.map((t) => t.id).sort();
    expect(ids).toEqual(
      [
        'door|leave|0',
        'door.start|always|0',
        'door.start|always|1',
        'door.closed|pin|0',
        'door.closed|pin|1',
        'door.checking|xstate.done.actor.0.door.checking|0',
        'door.checking|xstate.error.actor.0.door.checking|0',
        'door.open|xstate.after.soon.door.open|0',
        'door.open|push|0',
      ].sort(),
    );
    const kinds = Object.fromEntries(shape.transitions.map((t) => [t.id, t.kind]));
    expect(kinds['door.start|always|0']).toBe('always');
    expect(kinds['door.open|xstate.after.soon.door.open|0']).toBe('after');
    expect(kinds['door.checking|xstate.error.actor.0.door.checking|0']).toBe('error');
    expect(invocationsOf(door, 'door.checking')).toEqual([{ id: '0.door.checking', src: 'check' }]);
    expect(shape.transitions.find((t) => t.id === 'door.closed|pin|0')?.guard).toBe('tooMany');
  });
});

describe('stepEffect', () => {
  it('reports the eventless transitions of the initial macrostep', () => {
    const init = initialEffect(door, { open: false });
    expect(init.snapshot.value).toBe('closed');
    expect(init.transitions).toEqual(['door.start|always|1']);
    expect(init.states).toEqual(expect.arrayContaining(['door.start', 'door.closed']));
  });

  it('reports the guarded candidate actually taken, and nothing for an ignored event', () => {
    const init = initialEffect(door, { open: false });
    const one = stepEffect(door, init.snapshot, { type: 'pin' });
    expect(one.snapshot.value).toBe('checking');
    expect(one.transitions).toEqual(['door.closed|pin|1']);
    const ignored = stepEffect(door, init.snapshot, { type: 'push' });
    expect(ignored.transitions).toEqual([]);
  });
});

describe('planPaths', () => {
  it('covers every reachable transition and state with few paths', () => {
    const counter = new CoverageCounter();
    counter.register('door', door);
    const plans = [planPaths(model(false)), planPaths(model(true))];
    for (const plan of plans)
      for (const path of plan.paths) {
        counter.credit('door', path.start);
        for (const step of path.steps) counter.credit('door', step);
      }
    expect(counter.figures('door')).toEqual({ states: { total: 6, covered: 6 }, transitions: { total: 9, covered: 9 } });
    // from a closed door `start→open` is not reachable: the walk says so instead of pretending
    expect(plans[0]?.unreachable).toEqual(['door.start|always|0']);
    // every path but the last ends where nothing new is reachable: a final state or a dead end
    expect(plans[0]?.paths.length).toBeLessThanOrEqual(3);
  });

  it('leaves out what is already covered, and reports what its samples cannot reach', () => {
    const first = planPaths(model(false, false));
    expect(first.unreachable).toContain('door.open|xstate.after.soon.door.open|0');
    const all = first.paths.flatMap((p) => [...p.start.transitions, ...p.steps.flatMap((s) => s.transitions)]);
    const again = planPaths(model(false, false), { transitions: all, states: machineShape(door).states });
    expect(again.paths).toEqual([]);
  });

  it('replays consistently: each planned step is what the machine does from the step before', () => {
    const plan = planPaths(model(false));
    for (const path of plan.paths) {
      let snapshot = path.start.snapshot;
      for (const step of path.steps) {
        const effect = stepEffect(door, snapshot, step.event);
        expect(effect.snapshot.value).toEqual(step.snapshot.value);
        expect(effect.transitions).toEqual(step.transitions);
        snapshot = effect.snapshot;
      }
    }
  });
});

describe('CoverageCounter', () => {
  it('counts only what it is credited with, per machine and overall', () => {
    const counter = new CoverageCounter();
    counter.register('door', door);
    expect(counter.report().overall).toEqual({ states: { total: 6, covered: 0 }, transitions: { total: 9, covered: 0 } });
    counter.credit('door', { transitions: ['door.closed|pin|1', 'not|a|transition'], states: ['door.closed', 'door.checking'] });
    expect(counter.figures('door')).toEqual({ states: { total: 6, covered: 2 }, transitions: { total: 9, covered: 1 } });
    expect(counter.missing('door').states).toContain('door.open');
    expect(() => counter.credit('nope', { transitions: [], states: [] })).toThrow(/not registered/);
  });
});
