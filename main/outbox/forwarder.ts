import type { QueueCounts } from '../../common/kiosk-api/contract.js';
import type { Result } from '../../common/result.js';
import type { CityClient, CityError } from '../city/city-client-types.js';
import { silentLogger, type Logger } from '../log/logger.js';
import { systemClock, type Clock } from '../../hardware/clock.js';
import { backoffDelay, type BackoffPolicy } from './backoff.js';
import { CircuitBreaker, type BreakerPolicy, type BreakerState } from './circuit-breaker.js';
import { safeErrorText } from './error-text.js';
import type { Outbox } from './outbox.js';
import type { DossierRecord, DossierState } from './outbox-types.js';

export interface ForwarderOptions {
  outbox: Outbox;
  city: CityClient;
  clock?: Clock;
  /** [0, 1) — injectable so tests can check the jitter */
  random?: () => number;
  log?: Logger;
  /** dossiers sent at the same time (default 2) */
  concurrency?: number;
  /** permanent refusals before a dossier goes to `dead` (default 3) */
  maxRejections?: number;
  backoff?: BackoffPolicy;
  breaker?: BreakerPolicy;
  /** how often a delivered dossier's status is asked for (default 30 min) */
  statusSyncMs?: number;
  /** days after delivery before PII and files are deleted (default 30) */
  retentionDays?: number;
  /** longest sleep between passes when nothing is due (default 60 s) */
  idleMs?: number;
  /** dossiers taken per pass (default 50) */
  batchSize?: number;
}

export interface DrainReport {
  delivered: number;
  failed: number;
  dead: number;
  synced: number;
  purged: number;
  /** the breaker kept dossiers waiting */
  heldByBreaker: boolean;
}

export interface OutboxStats extends QueueCounts {
  oldestPendingAgeMs: number | null;
  lastError: string | null;
  breaker: BreakerState;
}

export type ForwarderEvent =
  | { type: 'stats'; stats: OutboxStats }
  | { type: 'breaker'; state: BreakerState }
  /** when the next pass will run (diagnostics: "next attempt at") */
  | { type: 'scheduled'; at: number }
  | { type: 'dossier'; id: string; localCode: string; state: DossierState; error?: string; /** after a failure: how long until the next try */ retryInMs?: number };

type Outcome = 'delivered' | 'failed' | 'dead' | 'held';

/** errors that say the city (or the way to it) is down, as opposed to "up, and it answered no" */
const cityDown = (e: CityError): boolean =>
  e.kind === 'CityUnreachable' || e.kind === 'CityTimeout' || e.kind === 'CityBusy' || e.kind === 'CityProtocol' || e.kind === 'CityAuthFailed';

/** refusals of this dossier as it is; an auth failure is the kiosk's problem, not the dossier's */
const permanent = (e: CityError): boolean => e.kind === 'CityRejected' || e.kind === 'CityNotFound';

const DAY_MS = 24 * 3600_000;
/** a dossier due again at once must not turn the loop into a busy spin */
const MIN_GAP_MS = 1_000;

/**
 * Drains the outbox to the city: create (Idempotency-Key = dossier id) → tus uploads (the
 * upload URL saved before bytes flow) → submit → delivered; then status sync and purge.
 * At-least-once sending on an idempotent server makes exactly-once delivery.
 */
export class Forwarder {
  readonly breaker: CircuitBreaker;
  #o: Required<Omit<ForwarderOptions, 'log'>> & { log: Logger };
  #listeners: ((e: ForwarderEvent) => void)[] = [];
  #lastError: string | null = null;
  #running: Promise<DrainReport> | null = null;
  #again = false;
  #timer: unknown = null;
  #started = false;

  constructor(options: ForwarderOptions) {
    this.#o = {
      clock: systemClock,
      random: Math.random,
      log: silentLogger,
      concurrency: 2,
      maxRejections: 3,
      backoff: { baseMs: 5_000, capMs: 15 * 60_000 },
      breaker: { failureThreshold: 5, openMs: 60_000 },
      statusSyncMs: 30 * 60_000,
      retentionDays: 30,
      idleMs: 60_000,
      batchSize: 50,
      ...options,
    };
    this.breaker = new CircuitBreaker(this.#o.breaker, this.#o.clock);
    this.breaker.onChange((state) => {
      this.#o.log.info('forwarder', `circuit breaker ${state}`);
      this.#emit({ type: 'breaker', state });
    });
  }

  onEvent(listener: (e: ForwarderEvent) => void): () => void {
    this.#listeners.push(listener);
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== listener);
    };
  }

  /** Runs passes on the clock until stop(): at once, then whenever something is due. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.wake();
  }

  /** A new dossier was enqueued (or the network came back): run a pass now. */
  wake(): void {
    if (!this.#started) return;
    if (this.#timer !== null) this.#o.clock.clearTimeout(this.#timer);
    this.#timer = null;
    void this.drainOnce().then(
      () => this.#schedule(),
      (e: unknown) => {
        this.#o.log.error('forwarder', 'pass failed', { detail: e instanceof Error ? e.message : String(e) });
        this.#schedule();
      },
    );
  }

  async stop(): Promise<void> {
    this.#started = false;
    if (this.#timer !== null) this.#o.clock.clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running?.catch(() => undefined);
  }

  /** One pass: send what is due, sync statuses, purge what is past retention. Concurrent calls share a pass. */
  drainOnce(): Promise<DrainReport> {
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

  async stats(): Promise<OutboxStats> {
    const counts = await this.#o.outbox.counts();
    const oldest = counts.oldestPendingAt === null ? null : this.#o.clock.now() - Date.parse(counts.oldestPendingAt);
    return { ...counts, oldestPendingAgeMs: oldest, lastError: this.#lastError, breaker: this.breaker.state };
  }

  async #pass(): Promise<DrainReport> {
    const report: DrainReport = { delivered: 0, failed: 0, dead: 0, synced: 0, purged: 0, heldByBreaker: false };
    let more: boolean;
    do {
      this.#again = false;
      const delivered = report.delivered;
      const full = await this.#sendDue(report);
      // a full batch that went through means a backlog: the next batch now, not after the
      // gap between passes (which only stops a spin on dossiers that keep failing)
      more = full && report.delivered > delivered;
    } while ((this.#again || more) && this.#started);
    await this.#syncStatuses(report);
    await this.#purge(report);
    this.#emit({ type: 'stats', stats: await this.stats() });
    return report;
  }

  /** true when the batch was full: more may be due */
  async #sendDue(report: DrainReport): Promise<boolean> {
    const due = await this.#o.outbox.due(this.#o.batchSize);
    let next = 0;
    const worker = async () => {
      for (;;) {
        const d = due[next];
        if (!d) return;
        if (!this.breaker.tryAcquire()) {
          report.heldByBreaker = true;
          return;
        }
        next++;
        const outcome = await this.#send(d);
        if (outcome === 'held') report.heldByBreaker = true;
        else report[outcome]++;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.#o.concurrency) }, worker));
    return due.length >= this.#o.batchSize;
  }

  /** Calls the city unless the breaker opened meanwhile; feeds the breaker with the outcome. */
  async #call<T>(fn: () => Promise<Result<T, CityError>>): Promise<Result<T, CityError> | 'held'> {
    if (this.breaker.state === 'open') return 'held';
    const r = await fn();
    if (r.ok || !cityDown(r.error)) this.breaker.success();
    else this.breaker.failure();
    return r;
  }

  async #send(d: DossierRecord): Promise<Outcome> {
    const { outbox, city } = this.#o;
    const begun = await outbox.beginUpload(d.id);
    if (!begun.ok) return 'failed';
    const submission = await outbox.readSubmission(d.id);
    if (!submission.ok) return this.#dead(d, `${submission.error.kind}: ${submission.error.message}`);

    // every file this dossier still has to send is checked (hash, GCM tag, sha256) before the
    // city hears of it: a broken file is never sent, the dossier goes to `dead` saying why
    const plain = new Map<number, Buffer>();
    for (const a of d.attachments.filter((x) => !x.uploaded)) {
      const bytes = await outbox.readAttachment(d.id, a.seq);
      if (!bytes.ok) return this.#dead(d, `AttachmentBroken: ${bytes.error.message}`);
      plain.set(a.seq, bytes.value);
    }

    let cityId = d.cityDossierId;
    if (cityId === null) {
      const created = await this.#call(() => city.createDossier(d.id, submission.value));
      if (created === 'held') return 'held';
      if (!created.ok) return this.#fail(d, created.error);
      cityId = created.value.dossierId;
      await outbox.setCityDossierId(d.id, cityId);
    }

    // Finished uploads are kept in memory, not written one by one: each write is an fsync, and
    // after a crash the saved upload URL makes a finished upload cost one HEAD, not its bytes.
    const uploadedNow = new Set<number>();
    // one re-upload round inside the pass after a 422 `missing`; more goes through the backoff
    for (let round = 0; round < 2; round++) {
      const current = await outbox.get(d.id);
      if (!current.ok) return 'failed';
      for (const a of current.value.attachments.filter((x) => !x.uploaded && !uploadedNow.has(x.seq))) {
        let bytes = plain.get(a.seq);
        if (!bytes) {
          const read = await outbox.readAttachment(d.id, a.seq);
          if (!read.ok) return this.#dead(d, `AttachmentBroken: ${read.error.message}`);
          bytes = read.value;
        }
        const body = bytes;
        // fileName lives only in the sealed payload; the city needs it back
        const decl = submission.value.attachments[a.seq];
        let saving: Promise<void> = Promise.resolve();
        const uploaded = await this.#call(() =>
          city.uploadAttachment(
            cityId,
            { sha256: a.sha256, size: a.size, fileName: decl?.fileName ?? `attachment-${a.seq}`, mediaType: a.mediaType, componentId: a.componentId, read: async () => body },
            {
              ...(a.uploadUrl ? { uploadUrl: a.uploadUrl } : {}),
              // the URL is written as soon as the client has it, so a crash mid-upload resumes there
              onUploadUrl: (url) => {
                saving = outbox.saveUploadUrl(d.id, a.seq, url);
              },
            },
          ),
        );
        await saving;
        if (uploaded === 'held') return 'held';
        if (!uploaded.ok) return this.#fail(d, uploaded.error);
        uploadedNow.add(a.seq);
      }

      const key = `${d.id}:submit:${current.value.submitRound}`;
      const submitted = await this.#call(() => city.submitDossier(key, cityId));
      if (submitted === 'held') return 'held';
      if (submitted.ok) {
        const delivered = await outbox.markDelivered(d.id, submitted.value);
        if (!delivered.ok) return 'failed';
        this.#o.log.info('forwarder', 'dossier delivered', { id: d.id, localCode: d.localCode, officialCode: submitted.value.dossierCode });
        this.#emit({ type: 'dossier', id: d.id, localCode: d.localCode, state: 'delivered' });
        return 'delivered';
      }
      if (submitted.error.kind !== 'CityMissingUploads') return this.#fail(d, submitted.error);
      for (const a of current.value.attachments) if (submitted.error.missing.includes(a.sha256)) uploadedNow.delete(a.seq);
      const marked = await outbox.markNotUploaded(d.id, submitted.error.missing);
      await outbox.nextSubmitRound(d.id);
      this.#o.log.warn('forwarder', 'city lacks attachments; uploading them again', { id: d.id, localCode: d.localCode, count: marked });
      if (round === 1) return this.#fail(d, submitted.error);
    }
    return 'failed';
  }

  async #fail(d: DossierRecord, e: CityError): Promise<Outcome> {
    const text = safeErrorText(e);
    this.#lastError = text;
    const delay = backoffDelay(d.attempts, this.#o.backoff, this.#o.random, 'retryAfterMs' in e ? e.retryAfterMs : undefined);
    const r = await this.#o.outbox.recordFailure(d.id, {
      error: text,
      permanent: permanent(e),
      nextAttemptAt: this.#o.clock.now() + delay,
      maxRejections: this.#o.maxRejections,
    });
    const state = r.ok ? r.value : d.state;
    this.#o.log.warn('forwarder', 'dossier not delivered', { id: d.id, localCode: d.localCode, error: text, retryInMs: delay, state });
    this.#emit({ type: 'dossier', id: d.id, localCode: d.localCode, state, error: text, retryInMs: delay });
    return state === 'dead' ? 'dead' : 'failed';
  }

  async #dead(d: DossierRecord, reason: string): Promise<Outcome> {
    this.#lastError = reason;
    await this.#o.outbox.markDead(d.id, reason);
    this.#o.log.error('forwarder', 'dossier cannot be sent', { id: d.id, localCode: d.localCode, error: reason });
    this.#emit({ type: 'dossier', id: d.id, localCode: d.localCode, state: 'dead', error: reason });
    return 'dead';
  }

  async #syncStatuses(report: DrainReport): Promise<void> {
    const { outbox, city } = this.#o;
    for (const d of await outbox.statusDue(this.#o.statusSyncMs, this.#o.batchSize)) {
      if (!this.breaker.tryAcquire()) return;
      const status = await this.#call(() => city.getStatus(d.officialCode!));
      if (status === 'held') return;
      if (status.ok) {
        await outbox.updateStatus(d.id, status.value);
        report.synced++;
      } else {
        await outbox.noteStatusChecked(d.id);
      }
    }
  }

  async #purge(report: DrainReport): Promise<void> {
    const { outbox } = this.#o;
    for (const id of await outbox.purgeDue(this.#o.retentionDays * DAY_MS, this.#o.batchSize)) {
      const r = await outbox.purge(id);
      if (r.ok) report.purged++;
      else this.#o.log.warn('forwarder', 'purge failed; will retry', { id, error: r.error.message });
    }
  }

  async #schedule(): Promise<void> {
    if (!this.#started) return;
    const now = this.#o.clock.now();
    const nextDue = await this.#o.outbox.nextDueAt();
    let at = now + this.#o.idleMs;
    if (nextDue !== null) at = Math.min(at, Math.max(nextDue, now + MIN_GAP_MS));
    const reopens = this.breaker.reopensAt;
    if (this.breaker.state === 'open' && reopens !== null) at = Math.max(at, reopens);
    if (!this.#started) return;
    if (this.#timer !== null) this.#o.clock.clearTimeout(this.#timer);
    this.#timer = this.#o.clock.setTimeout(() => {
      this.#timer = null;
      this.wake();
    }, at - now);
    this.#emit({ type: 'scheduled', at });
  }

  #emit(e: ForwarderEvent): void {
    for (const l of this.#listeners) {
      try {
        l(e);
      } catch {
        /* a listener's bug must not stop delivery */
      }
    }
  }
}
