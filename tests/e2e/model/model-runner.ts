import type { Page } from '@playwright/test';
import type { AnyMachineSnapshot, AnyStateMachine, EventObject } from 'xstate';
import type { CoreProbe } from '../../helpers/kiosk-core-client.js';
import type { Kiosk } from '../kiosk-fixture.js';
import type { ScreenMark, TraceFeed } from '../screen-trace.js';
import { stepEffect, type CoverageCounter, type PlannedPath, type StepEffect } from './graph-model.js';
import { machines, type MachineName, type SiteData } from './journey-models.js';

// Runs planned paths in the page: each step's event becomes a UI action (drivers.ts), and the
// step counts only once the screen its target state draws has been seen in the page's screen
// trace (screen-trace.ts), which the page pushes to the walk as it happens (TraceFeed). A step
// that is not seen stops the path; what it would have covered stays uncovered.

/** What must show for a state: the screen, and where it matters its data-state, busy flag, title, overlay. */
export interface Matcher {
  screen: string;
  /** `screen` is a prefix (`guide.` for "some guide screen") */
  prefix?: boolean;
  state?: string;
  busy?: boolean;
  title?: string;
  /** this overlay shows (`submitCancel`…); `false`: no overlay of that name */
  overlay?: string;
  noOverlay?: string;
  /** any of these (a flow that ends may show one of several screens) */
  or?: Matcher[];
}

export const matches = (mark: ScreenMark, m: Matcher): boolean => {
  if (m.or && m.or.some((alt) => matches(mark, alt))) return true;
  const screen = mark.screen.split(' > ')[0] ?? '';
  if (m.prefix ? !screen.startsWith(m.screen) : screen !== m.screen) return false;
  if (m.state !== undefined && mark.state !== m.state) return false;
  if (m.busy !== undefined && mark.busy !== m.busy) return false;
  if (m.title !== undefined && mark.title !== m.title) return false;
  if (m.overlay !== undefined && !mark.overlays.includes(m.overlay)) return false;
  if (m.noOverlay !== undefined && mark.overlays.includes(m.noOverlay)) return false;
  return true;
};

const describe = (m: Matcher): string => JSON.stringify(m);

export interface DriverCtx {
  kiosk: Kiosk;
  page: Page;
  probe: CoreProbe;
  site: SiteData;
  runner: ModelRunner;
}

export interface Driver {
  /** the screen `snapshot` draws; null when it draws none of its own (a step's `finished`: the parent's next screen shows) */
  expect(snapshot: AnyMachineSnapshot, ctx: DriverCtx): Matcher | null;
  /** the world before the state that `next` leaves is entered (a printer out of paper before the print) */
  prepare?(next: EventObject, entering: AnyMachineSnapshot, ctx: DriverCtx): Promise<void>;
  /** the UI action for `event`, from `before` */
  act(event: EventObject, before: AnyMachineSnapshot, ctx: DriverCtx, after: AnyMachineSnapshot): Promise<void>;
  /** how long the step may take to show (default 10 s) */
  timeoutMs?(event: EventObject): number;
}

export interface StepRecord {
  machine: MachineName;
  event: string;
  ok: boolean;
  ms: number;
  why?: string;
}

/** A child step machine running inside a parent's state (scan, receipt, rating). */
interface ChildRun {
  name: MachineName;
  ref: unknown;
  snapshot: AnyMachineSnapshot;
  /** the parent's data-screen for the child's screens (`submit.rating` or `rate.rating`) */
  screen: string;
}

export class StepNotSeen extends Error {}

/**
 * The next event whose outcome a driver may have to arrange: the scan step's checks that the core
 * sent pages and statuses are not outcomes (the scan's answer after them is).
 */
const outcomeAfter = (name: MachineName, upcoming: EventObject[]): EventObject | undefined =>
  upcoming.find((e) => !(name === 'scan' && e.type.startsWith('core.')));

export class ModelRunner {
  readonly log: StepRecord[] = [];
  /** receipt codes read off the screen (the walks that track and rate need a real one) */
  readonly codes: string[] = [];
  /** what the next receipt print should do (the submit driver sets the paper before the dossier is kept) */
  nextPrint: 'ok' | 'fail' = 'ok';
  /** a driver ended the resident's session under the screen: the next walk starts from a fresh page */
  sessionTaken = false;
  #stepStart = 0;
  /** Date.now() when the last step that did something started (core events it caused came after) */
  get lastActStart(): number {
    return this.#stepStart;
  }
  /** trace index of the last matched screen */
  #last = 0;
  #children = new Map<string, ChildRun>();
  /** the step events of a child that await the parent's next screen to count */
  #pending: { name: MachineName; effect: { transitions: string[]; states: string[] } }[] = [];

  constructor(
    readonly ctx: Omit<DriverCtx, 'runner'>,
    readonly counter: CoverageCounter,
    readonly drivers: Record<MachineName, Driver>,
    readonly trace: TraceFeed,
  ) {
    for (const name of Object.keys(machines) as MachineName[]) counter.register(name, machines[name]);
  }

  get dctx(): DriverCtx {
    return { ...this.ctx, runner: this };
  }

  /** Waits until a screen matching `m` shows at or after trace index `from`; returns its index. */
  async waitFor(m: Matcher, from: number, timeoutMs = 10_000, keepAlive = false): Promise<number> {
    const start = Date.now();
    let touched = Date.now();
    let askedPage = false;
    for (;;) {
      const trace = this.trace.marks;
      for (let i = Math.max(0, from); i < trace.length; i++) if (matches(trace[i] as ScreenMark, m)) return i;
      const left = start + timeoutMs - Date.now();
      if (left <= 0) {
        // the verdict is the page's own record, not what was pushed so far
        if (!askedPage) {
          askedPage = true;
          await this.trace.catchUp();
          continue;
        }
        const tail = trace.slice(Math.max(0, from - 1)).map((t) => `${t.screen}[${t.state ?? ''}${t.busy ? ',busy' : ''}]${t.overlays.length ? `{${t.overlays.join(',')}}` : ''}`);
        throw new StepNotSeen(`not seen within ${timeoutMs} ms: ${describe(m)}; since: ${tail.join(' → ') || '(nothing)'}`);
      }
      if (keepAlive && Date.now() - touched > 2000) {
        touched = Date.now();
        await this.ctx.kiosk.touch();
      }
      // woken by the page's next mark; a long wait also wakes to touch
      await this.trace.next(keepAlive ? Math.min(left, 250) : left);
    }
  }

  /** Where the trace stands (asked of the page: a reload starts a new one): later waits look only past this. */
  async sync(): Promise<void> {
    this.#last = Math.max(0, (await this.trace.catchUp()).length - 1);
  }

  /** Waits for a screen and moves the trace cursor to it (preludes, resets). */
  async see(m: Matcher, timeoutMs = 10_000): Promise<void> {
    this.#last = await this.waitFor(m, this.#last, timeoutMs);
  }

  #credit(name: MachineName, effect: { transitions: readonly string[]; states: readonly string[] }): void {
    this.counter.credit(name, effect);
  }

  /** The child actors a parent snapshot holds (scan, receipt, rating), started afresh when their ref changes. */
  #trackChildren(parentName: MachineName, snapshot: AnyMachineSnapshot): void {
    const children = snapshot.children as Record<string, { getSnapshot(): AnyMachineSnapshot } | undefined>;
    for (const [id, name] of [
      ['scan', 'scan'],
      ['receipt', 'receipt'],
      ['rating', 'rating'],
    ] as const) {
      const ref = children[id];
      if (!ref) {
        if (this.#children.get(`${parentName}/${id}`)) this.#children.delete(`${parentName}/${id}`);
        continue;
      }
      const known = this.#children.get(`${parentName}/${id}`);
      if (known?.ref === ref) continue;
      this.#children.set(`${parentName}/${id}`, { name, ref, snapshot: ref.getSnapshot(), screen: parentName === 'rate' ? 'rate.rating' : `submit.${name === 'rating' ? 'rating' : name === 'scan' ? 'scan' : 'receipt'}` });
    }
  }

  child(parentName: MachineName, id: 'scan' | 'receipt' | 'rating'): ChildRun {
    const c = this.#children.get(`${parentName}/${id}`);
    if (!c) throw new Error(`no ${id} step running in ${parentName}`);
    return c;
  }

  /** The matcher of a child's current state, for its parent's expectations. */
  childExpect(parentName: MachineName, id: 'scan' | 'receipt' | 'rating', snapshot: AnyMachineSnapshot): Matcher | null {
    const children = snapshot.children as Record<string, { getSnapshot(): AnyMachineSnapshot } | undefined>;
    const ref = children[id];
    if (!ref) return null;
    void parentName;
    return this.drivers[id].expect(ref.getSnapshot(), this.dctx);
  }

  /**
   * One step: prepare what the next step's outcome needs, act, and wait for the target's
   * screen. Returns the effect when it was seen (and credits it), or throws StepNotSeen.
   */
  async step(
    name: MachineName,
    before: AnyMachineSnapshot,
    event: EventObject,
    next: EventObject | undefined,
    parent?: { name: MachineName; snapshot: AnyMachineSnapshot },
    opts: { noAct?: boolean } = {},
  ): Promise<StepEffect<AnyMachineSnapshot>> {
    const driver = this.drivers[name];
    const machine = machines[name] as AnyStateMachine;
    const effect = stepEffect(machine, before, event);
    const t0 = Date.now();
    // core events a step only checks for were caused by the last step that did something
    if (!(name === 'scan' && event.type.startsWith('core.'))) this.#stepStart = t0;
    try {
      if (next && driver.prepare) await driver.prepare(next, effect.snapshot, this.dctx);
      // the idle warning shows after 5 s without a touch (a long wait before): answer it
      if (this.trace.marks.at(-1)?.overlays.includes('idleWarning')) await this.ctx.kiosk.keepAlive();
      const from = this.#last;
      if (!opts.noAct) await driver.act(event, before, this.dctx, effect.snapshot);
      const matcher = driver.expect(effect.snapshot, this.dctx);
      if (matcher === null) {
        // a child step that finished: its parent's next screen will tell
        this.#pending.push({ name, effect });
      } else {
        const selfLoop = JSON.stringify(before.value) === JSON.stringify(effect.snapshot.value);
        // an action that ran a child step moved the cursor past the child's screens
        const base = Math.max(from, this.#last);
        const at = await this.waitFor(matcher, selfLoop ? base : base + 1, driver.timeoutMs?.(event) ?? 10_000, (driver.timeoutMs?.(event) ?? 0) > 10_000);
        this.#last = at;
        this.#credit(name, effect);
        await this.#snapOnce(matcher);
        for (const p of this.#pending.splice(0)) this.#credit(p.name, p.effect);
        // a core event a child got was forwarded by its parent: the parent's transition ran too
        if (parent && event.type.startsWith('core.')) this.#credit(parent.name, stepEffect(machines[parent.name] as AnyStateMachine, parent.snapshot, event));
        this.#trackChildren(name, effect.snapshot);
      }
      this.log.push({ machine: name, event: event.type, ok: true, ms: Date.now() - t0 });
      return effect;
    } catch (e) {
      this.#pending.splice(0);
      this.log.push({ machine: name, event: event.type, ok: false, ms: Date.now() - t0, why: e instanceof Error ? e.message : String(e) });
      throw e;
    }
  }

  /** A planned path from its start screen (the caller brought the page there). */
  async runPath(name: MachineName, path: PlannedPath<AnyMachineSnapshot>, parent?: { name: MachineName; snapshot: AnyMachineSnapshot }): Promise<AnyMachineSnapshot> {
    const startMatcher = this.drivers[name].expect(path.start.snapshot, this.dctx);
    if (startMatcher) {
      await this.see(startMatcher);
      this.#credit(name, path.start);
      this.#trackChildren(name, path.start.snapshot);
    }
    let at = path.start.snapshot;
    for (const [i, s] of path.steps.entries()) {
      const effect = await this.step(name, at, s.event, outcomeAfter(name, path.steps.slice(i + 1).map((x) => x.event)), parent);
      at = effect.snapshot;
    }
    return at;
  }

  /**
   * Events for a child step machine (scan, receipt, rating) running inside `parent`, from where
   * the child stands; its `finished` counts with the parent's next screen.
   */
  async runChild(parent: { name: MachineName; snapshot: AnyMachineSnapshot }, id: 'scan' | 'receipt' | 'rating', events: (at: AnyMachineSnapshot) => EventObject | null): Promise<void> {
    const child = this.child(parent.name, id);
    // the whole sequence first (the model says where each event leads), so each step can
    // prepare the outcome of the next (a feeder to load before the scan it feeds)
    const planned: EventObject[] = [];
    let at = child.snapshot;
    for (let guard = 0; guard < 20; guard++) {
      const event = events(at);
      if (!event) break;
      planned.push(event);
      at = stepEffect(machines[child.name] as AnyStateMachine, at, event).snapshot;
      if (at.status === 'done') break;
    }
    if (at.status !== 'done') throw new Error(`the ${id} step would not finish: ${planned.map((e) => e.type).join(', ')}`);
    for (const [i, event] of planned.entries()) {
      const effect = await this.step(child.name, child.snapshot, event, outcomeAfter(child.name, planned.slice(i + 1)), parent);
      child.snapshot = effect.snapshot;
    }
  }

  #snapped = new Set<string>();
  /** Every screen the walks reach, once, in tests/artifacts/screens/ (model-<screen>[.<state>][+<overlay>]). */
  async #snapOnce(m: Matcher): Promise<void> {
    if (m.prefix || m.or || m.busy) return;
    const name = `model-${m.screen}${m.state ? `.${m.state}` : ''}${m.overlay ? `+${m.overlay}` : ''}`;
    if (this.#snapped.has(name)) return;
    // a state that already moved on (a lookup, a print) is not photographed half-gone: the page says
    const now = (await this.trace.catchUp()).at(-1);
    if (!now || !matches(now, m)) return;
    this.#snapped.add(name);
    await this.ctx.kiosk.snap(name);
  }

  /** Credits a step the caller drove and saw by other means (a whole prelude it checked itself). */
  creditEffect(name: MachineName, effect: { transitions: readonly string[]; states: readonly string[] }): void {
    this.#credit(name, effect);
  }
}
