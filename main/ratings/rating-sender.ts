import type { Rating } from '../../common/city/city-contract.js';
import type { RatingLevel } from '../../common/kiosk-api/journey-contract.js';
import type { Clock } from '../../hardware/clock.js';
import type { CityClient, CityError } from '../city/city-client-types.js';
import { silentLogger, type Logger } from '../log/logger.js';
import { backoffDelay, type BackoffPolicy } from '../outbox/backoff.js';
import { safeErrorText } from '../outbox/error-text.js';
import type { Outbox } from '../outbox/outbox.js';
import type { RatingRecord, RatingStore } from './rating-store.js';

export interface RatingSenderOptions {
  store: RatingStore;
  outbox: Pick<Outbox, 'findByLocalCode'>;
  city: Pick<CityClient, 'rateDossier' | 'findByLocalCode'>;
  clock: Clock;
  log?: Logger;
  random?: () => number;
  /** retry delays after a failed call (default: the forwarder's, 5 s doubling to 15 min) */
  backoff?: BackoffPolicy;
  /** how soon to look again at a rating whose dossier is not delivered yet (default 60 s) */
  waitMs?: number;
  /** longest sleep when nothing is due (default 60 s) */
  idleMs?: number;
  /** permanent refusals before a rating goes to `dead` (default 3, as dossiers) */
  maxRejections?: number;
}

export interface RatingPass {
  delivered: number;
  failed: number;
  waiting: number;
  dead: number;
}

/**
 * The two contracts number the levels in opposite orders: the KioskApi (journey-contract.ts,
 * and the renderer's words) has 1 Rất hài lòng … 3 Không hài lòng, the city's openapi has
 * 1 Không hài lòng … 3 Rất hài lòng. A resident's "very satisfied" must reach the city as such.
 */
export const toCityLevel = (level: RatingLevel): RatingLevel => (4 - level) as RatingLevel;

/** refusals of this rating as it is; an auth failure is the kiosk's problem, not the rating's */
const permanent = (e: CityError): boolean => e.kind === 'CityRejected' || e.kind === 'CityNotFound';
const MIN_GAP_MS = 1_000;

/**
 * Sends kept ratings to the city's `POST /dossiers/{code}/ratings`, each under its own id as
 * the Idempotency-Key, so a retry after a lost answer or a restart is recorded once. The
 * city rates by official code: a rating given by local code waits until the dossier has
 * been delivered and has one.
 */
export class RatingSender {
  readonly #o: Required<Omit<RatingSenderOptions, 'log'>> & { log: Logger };
  #running: Promise<RatingPass> | null = null;
  #again = false;
  #timer: unknown = null;
  #started = false;

  constructor(options: RatingSenderOptions) {
    this.#o = {
      log: silentLogger,
      random: Math.random,
      backoff: { baseMs: 5_000, capMs: 15 * 60_000 },
      waitMs: 60_000,
      idleMs: 60_000,
      maxRejections: 3,
      ...options,
    };
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.wake();
  }

  /** A rating was kept or a dossier was delivered: look now. */
  wake(): void {
    if (!this.#started) return;
    this.#clearTimer();
    void this.drainOnce().then(
      () => this.#schedule(),
      (e: unknown) => {
        this.#o.log.error('ratings', 'pass failed', { detail: e instanceof Error ? e.message : String(e) });
        void this.#schedule();
      },
    );
  }

  async stop(): Promise<void> {
    this.#started = false;
    this.#clearTimer();
    await this.#running?.catch(() => undefined);
  }

  /** One pass over what is due; concurrent calls share it (and ask for one more). */
  drainOnce(): Promise<RatingPass> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    const run = this.#pass().finally(() => {
      this.#running = null;
    });
    this.#running = run;
    return run;
  }

  async #pass(): Promise<RatingPass> {
    const pass: RatingPass = { delivered: 0, failed: 0, waiting: 0, dead: 0 };
    do {
      this.#again = false;
      for (const r of await this.#o.store.due(20)) pass[await this.#send(r)]++;
    } while (this.#again);
    return pass;
  }

  async #send(r: RatingRecord): Promise<keyof RatingPass> {
    const { store, city, clock } = this.#o;
    let code = r.officialCode;
    if (code === null) {
      const found = await this.#officialCodeOf(r);
      if (found.kind === 'wait') {
        await store.waitUntil(r.id, clock.now() + this.#o.waitMs, found.why);
        return 'waiting';
      }
      if (found.kind === 'error') return this.#fail(r, found.error);
      code = found.code;
      await store.resolveOfficialCode(r.id, code);
    }
    const comment = await store.comment(r.id);
    if (comment === undefined) {
      // a sealed comment that no longer opens: send the level alone rather than nothing
      this.#o.log.warn('ratings', 'comment could not be unsealed; sending the level only', { id: r.id });
    }
    const body: Rating = { level: toCityLevel(r.level), ratedAt: r.ratedAt, ...(typeof comment === 'string' ? { comment } : {}) };
    const sent = await city.rateDossier(r.id, code, body);
    if (!sent.ok) return this.#fail(r, sent.error);
    await store.markDelivered(r.id);
    this.#o.log.info('ratings', 'rating delivered', { id: r.id, officialCode: code, replay: sent.value.replay });
    return 'delivered';
  }

  async #officialCodeOf(r: RatingRecord): Promise<{ kind: 'code'; code: string } | { kind: 'wait'; why: string } | { kind: 'error'; error: CityError }> {
    const localCode = r.localCode ?? r.code;
    const kept = await this.#o.outbox.findByLocalCode(localCode);
    if (kept.ok) {
      return kept.value.officialCode !== null ? { kind: 'code', code: kept.value.officialCode } : { kind: 'wait', why: `dossier ${kept.value.state}, not delivered yet` };
    }
    // not in this outbox (wiped, or another kiosk's): the city may know it by local code
    const status = await this.#o.city.findByLocalCode(localCode);
    if (!status.ok) return { kind: 'error', error: status.error };
    return status.value.dossierCode ? { kind: 'code', code: status.value.dossierCode } : { kind: 'wait', why: 'the city has no official code for it yet' };
  }

  async #fail(r: RatingRecord, e: CityError): Promise<keyof RatingPass> {
    const text = safeErrorText(e);
    const delay = backoffDelay(r.attempts, this.#o.backoff, this.#o.random, 'retryAfterMs' in e ? e.retryAfterMs : undefined);
    const state = await this.#o.store.recordFailure(r.id, { error: text, permanent: permanent(e), nextAttemptAt: this.#o.clock.now() + delay, maxRejections: this.#o.maxRejections });
    if (state === 'dead') this.#o.log.error('ratings', 'rating given up', { id: r.id, error: text });
    else this.#o.log.warn('ratings', 'rating not delivered', { id: r.id, error: text, retryInMs: delay });
    return state === 'dead' ? 'dead' : 'failed';
  }

  async #schedule(): Promise<void> {
    if (!this.#started) return;
    const now = this.#o.clock.now();
    const next = await this.#o.store.nextDueAt().catch(() => null);
    let at = now + this.#o.idleMs;
    if (next !== null) at = Math.min(at, Math.max(next, now + MIN_GAP_MS));
    if (!this.#started) return;
    this.#clearTimer();
    this.#timer = this.#o.clock.setTimeout(() => {
      this.#timer = null;
      this.wake();
    }, at - now);
  }

  #clearTimer(): void {
    if (this.#timer !== null) this.#o.clock.clearTimeout(this.#timer);
    this.#timer = null;
  }
}
