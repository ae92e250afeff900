import type { DeviceStatus } from '../../common/domain/device-status.js';
import type { JourneyStep } from '../../common/kiosk-api/journey-contract.js';
import type { JourneyEvent } from '../core/journey-journal.js';
import type { Logger } from '../log/logger.js';
import type { Metric, StatsStore } from './stats-store.js';
import { vietnamDate } from './vietnam-day.js';

// Turns the journey journal into anonymous counters. The session id is only held in memory,
// to know which steps a session reached and where it stopped; it is never written.

interface Tracked {
  steps: Set<JourneyStep>;
  last: JourneyStep | null;
  submitted: boolean;
}

/** sessions whose end never came (a crash of the emitter) are forgotten past this many */
const MAX_TRACKED = 500;

export class StatsRecorder {
  readonly #sessions = new Map<string, Tracked>();
  #pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: StatsStore,
    private readonly log: Logger,
  ) {}

  /** For the journal: `journal.on((e) => recorder.record(e))`. */
  record(e: JourneyEvent): void {
    const day = vietnamDate(e.at);
    switch (e.type) {
      case 'session.started':
        this.#session(e.sessionId, day);
        break;
      case 'session.step': {
        const s = this.#session(e.sessionId, day);
        s.last = e.step;
        if (!s.steps.has(e.step)) {
          s.steps.add(e.step);
          this.#bump(day, 'step.reached', e.step);
        }
        break;
      }
      case 'identity.captured':
        this.#session(e.sessionId, day);
        this.#bump(day, 'identity', e.source);
        break;
      case 'dossier.submitted':
        this.#session(e.sessionId, day).submitted = true;
        this.#bump(day, e.assisted ? 'submission.assisted' : 'submission.self', e.procedureCode);
        break;
      case 'session.ended': {
        const s = this.#sessions.get(e.sessionId);
        this.#sessions.delete(e.sessionId);
        this.#bump(day, 'session.end', e.reason);
        // left without a dossier, and not by finishing what they came for (a track, a guide)
        if (s && !s.submitted && e.reason !== 'completed') this.#bump(day, 'step.abandoned', s.last ?? 'home');
        break;
      }
      case 'rating.given':
        this.#bump(day, 'rating', String(e.level));
        break;
      case 'device.error':
        this.#bump(day, 'device.error', `${e.device}:${e.kind}`);
        break;
    }
  }

  /** A device fault seen by the device manager (see deviceFaultsFrom). */
  fault(device: DeviceStatus['id'], kind: string, at: number): void {
    this.#bump(vietnamDate(at), 'device.fault', `${device}:${kind}`);
  }

  /** Resolves once every counter recorded so far is written (tests, shutdown). */
  flush(): Promise<void> {
    return this.#pending;
  }

  /** A session is counted the first time anything of it is seen, so a missing `session.started` loses nothing. */
  #session(id: string, day: string): Tracked {
    let s = this.#sessions.get(id);
    if (!s) {
      s = { steps: new Set(), last: null, submitted: false };
      this.#sessions.set(id, s);
      this.#bump(day, 'sessions');
      if (this.#sessions.size > MAX_TRACKED) this.#sessions.delete(this.#sessions.keys().next().value as string);
    }
    return s;
  }

  #bump(day: string, metric: Metric, key = ''): void {
    this.#pending = this.#pending.then(() =>
      this.store.bump(day, metric, key).catch((e: unknown) => this.log.warn('stats', 'counter not written', { metric, error: e instanceof Error ? e.message : String(e) })),
    );
  }
}

const ERROR_STATES = new Set<DeviceStatus['state']>(['offline', 'noDevice', 'hardwareError', 'userError']);

/** '' while the device is fine; else what its trouble looks like, to see when it changes */
const trouble = (s: DeviceStatus): string =>
  ERROR_STATES.has(s.state) || s.media === 'out' || s.media === 'jammed' ? `${s.state}|${s.media ?? ''}|${s.lastError ?? ''}` : '';

/**
 * Device faults from the device manager's status changes: a device going into trouble, or new
 * trouble while in it, whether or not a resident was there to hit it (a `device.error` in the
 * journal is a failure a resident met). `kind` is the error kind when the adapter wrote one
 * (`PaperOut: …`), else the paper state or the device state. The state at start is the
 * baseline, not a fault.
 */
export const deviceFaultsFrom = (initial: readonly DeviceStatus[], onFault: (device: DeviceStatus['id'], kind: string) => void) => {
  const last = new Map(initial.map((s) => [s.id, trouble(s)]));
  return (all: readonly DeviceStatus[]): void => {
    for (const s of all) {
      const t = trouble(s);
      const before = last.get(s.id) ?? '';
      last.set(s.id, t);
      if (t === '' || t === before) continue;
      const kind = /^([A-Z][A-Za-z]+):/.exec(s.lastError ?? '')?.[1] ?? (s.media === 'out' ? 'PaperOut' : s.media === 'jammed' ? 'PaperJam' : s.state);
      onFault(s.id, kind);
    }
  };
};
