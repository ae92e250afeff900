import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DossierSubmission, type DossierStatus } from '../../common/city/city-contract.js';
import type { QueueCounts } from '../../common/kiosk-api/contract.js';
import { err, ok, type Result } from '../../common/result.js';
import { silentLogger, type Logger } from '../log/logger.js';
import type { Clock } from '../../hardware/clock.js';
import { AttachmentStore, isWholeFileName, packName, packPlaces, sha256Hex, type PackItemDigest, type PendingPack } from './attachment-store.js';
import { openDb, type Db, type Sql } from '../db/sqlite-db.js';
import type { KeyProvider } from './key-provider.js';
import { allocateLocalCode, vietnamDay } from './local-code.js';
import { migrate } from './migrate.js';
import { ioError, outboxError, type OutboxError } from './outbox-errors.js';
import { nodeFs, type OutboxFs } from './outbox-fs.js';
import {
  dossierStates,
  type AttachmentRecord,
  type DailyCount,
  type DossierRecord,
  type DossierState,
  type EnqueueInput,
  type EnqueueReceipt,
  type IntegrityReport,
  type OutboxEvent,
} from './outbox-types.js';
import { SEALED_HEADER_BYTES, seal, sealParts, unseal } from './seal.js';

export interface OutboxOptions {
  /** holds outbox.db (+ -wal, -shm) and attachments/ */
  dir: string;
  kioskId: string;
  keyProvider: KeyProvider;
  clock?: Pick<Clock, 'now'>;
  log?: Logger;
  fs?: OutboxFs;
  /** hash every file at open and report orphans (default true) */
  checkOnOpen?: boolean;
}

interface DossierRow {
  id: string;
  local_code: string;
  procedure_code: string;
  channel: 'kiosk' | 'kiosk-assisted';
  state: DossierState;
  attempts: number;
  rejections: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  submitted_at: string;
  city_dossier_id: string | null;
  official_code: string | null;
  city_status_code: number | null;
  city_status_text: string | null;
  city_status_at: string | null;
  appointment_date: string | null;
  delivered_at: number | null;
  status_synced_at: number | null;
  purged_at: number | null;
  submit_round: number;
}

interface AttachmentRow {
  dossier_id: string;
  seq: number;
  component_id: string;
  media_type: string;
  size: number;
  sha256: string;
  storage_ref: string | null;
  storage_offset: number | null;
  storage_length: number | null;
  upload_url: string | null;
  uploaded: number;
}

const DOSSIER_COLUMNS = `id, local_code, procedure_code, channel, state, attempts, rejections, next_attempt_at, last_error,
  created_at, updated_at, submitted_at, city_dossier_id, official_code, city_status_code, city_status_text, city_status_at,
  appointment_date, delivered_at, status_synced_at, purged_at, submit_round`;

/** states whose dossier still needs its files to reach the city */
const SENDING: readonly DossierState[] = ['submitted', 'uploading'];

const toAttachment = (a: AttachmentRow): AttachmentRecord => ({
  seq: a.seq,
  componentId: a.component_id,
  mediaType: a.media_type,
  size: a.size,
  sha256: a.sha256,
  storageRef: a.storage_ref,
  uploadUrl: a.upload_url,
  uploaded: a.uploaded === 1,
});

const toRecord = (d: DossierRow, attachments: AttachmentRow[]): DossierRecord => ({
  id: d.id,
  localCode: d.local_code,
  procedureCode: d.procedure_code,
  channel: d.channel,
  state: d.state,
  attempts: d.attempts,
  rejections: d.rejections,
  nextAttemptAt: d.next_attempt_at,
  lastError: d.last_error,
  createdAt: d.created_at,
  updatedAt: d.updated_at,
  submittedAt: d.submitted_at,
  cityDossierId: d.city_dossier_id,
  officialCode: d.official_code,
  cityStatus:
    d.city_status_code === null
      ? null
      : { code: d.city_status_code, text: d.city_status_text ?? '', at: d.city_status_at ?? '', appointmentDate: d.appointment_date },
  deliveredAt: d.delivered_at,
  statusSyncedAt: d.status_synced_at,
  purgedAt: d.purged_at,
  submitRound: d.submit_round,
  attachments: attachments.map(toAttachment),
});

const ignore = (): null => null;

const zodIssues = (issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = '') =>
  issues.map((i) => ({ path: prefix + i.path.map(String).join('.'), rule: i.message }));

/**
 * The kiosk's promise to a resident: once `enqueue` resolves ok, the dossier (row, sealed
 * payload, sealed attachment files) is on the medium and survives kill -9 and power loss.
 * The forwarder moves it on through the transition methods below.
 */
export class Outbox {
  readonly store: AttachmentStore;
  /** what the check at open found; also logged */
  startupIntegrity: IntegrityReport | null = null;

  private constructor(
    private readonly db: Db,
    private readonly key: Buffer,
    private readonly kioskId: string,
    private readonly clock: Pick<Clock, 'now'>,
    private readonly log: Logger,
    fs: OutboxFs,
    dir: string,
  ) {
    this.store = new AttachmentStore(join(dir, 'attachments'), fs);
  }

  static async open(options: OutboxOptions): Promise<Result<Outbox, OutboxError>> {
    const { dir, kioskId, keyProvider, clock = { now: () => Date.now() }, log = silentLogger, fs = nodeFs, checkOnOpen = true } = options;
    const key = await keyProvider.load();
    if (!key.ok) return key;
    let db: Db | undefined;
    try {
      await fs.mkdir(dir, 0o700);
      db = await openDb(join(dir, 'outbox.db'));
      await migrate(db);
      const outbox = new Outbox(db, key.value, kioskId, clock, log, fs, dir);
      await outbox.store.init();
      if (checkOnOpen) outbox.startupIntegrity = await outbox.checkIntegrity();
      const resumed = await db.get<{ n: number }>(`SELECT count(*) AS n FROM dossiers WHERE state = 'uploading'`);
      if (resumed && resumed.n > 0) log.info('outbox', 'resuming dossiers that were uploading', { count: resumed.n });
      return ok(outbox);
    } catch (e) {
      await db?.close().catch(() => undefined);
      return err(ioError('opening the outbox', e));
    }
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  // ─── intake ────────────────────────────────────────────────────────────────

  async enqueue(input: EnqueueInput): Promise<Result<EnqueueReceipt, OutboxError>> {
    const { procedureCode, channel, assistedBy, submission, attachments } = input;
    if (!Array.isArray(attachments) || attachments.some((a) => !Buffer.isBuffer(a?.bytes))) {
      return err(outboxError('InvalidDossier', 'every attachment needs its bytes as a Buffer', [{ path: 'attachments', rule: 'bytes must be a Buffer' }]));
    }
    const id = randomUUID();
    const now = this.clock.now();
    const submittedAt = new Date(now).toISOString();
    const declare = (sha256: (i: number) => string) =>
      attachments.map((a, i) => ({ componentId: a.componentId, fileName: a.fileName, mediaType: a.mediaType, size: a.bytes.length, sha256: sha256(i) }));
    // the top-level fields are authoritative; a draft that says otherwise is a caller bug
    const draft = (declarations: ReturnType<typeof declare>, localCode: string) => ({
      ...submission,
      procedureCode,
      channel,
      ...(assistedBy === undefined ? {} : { assistedBy }),
      localCode,
      submittedAt,
      attachments: declarations,
    });
    const parsed = DossierSubmission.safeParse(draft(declare(() => '0'.repeat(64)), 'pending'));
    if (!parsed.success) return err(outboxError('InvalidDossier', 'the dossier does not match the city contract', zodIssues(parsed.error.issues)));
    if (channel === 'kiosk-assisted' && !assistedBy) return err(outboxError('InvalidDossier', 'an assisted dossier names its officer', [{ path: 'assistedBy', rule: 'is required in assisted mode' }]));
    if (submission.procedureCode !== procedureCode || submission.channel !== channel) {
      return err(outboxError('InvalidDossier', 'procedureCode/channel differ between the input and its submission', [{ path: 'submission', rule: 'must agree with procedureCode and channel' }]));
    }

    // 1. seal every page into the pack: each page's ciphertext goes to the thread pool as one
    // gather write the moment it is sealed, at a place known beforehand, and its plaintext's
    // sha256 (declared to the city; with the GCM header, part of the pack's name) is taken in
    // the same pass as its encryption, slice by slice while in cache: the page is read once.
    // Nothing here waits on the disk: I/O failures come out of `durable` below.
    let pending: PendingPack | undefined;
    let ref: string | null = null;
    let durable: Promise<void> = Promise.resolve();
    const places = packPlaces(attachments.map((a) => a.bytes.length));
    let declarations: ReturnType<typeof declare>;
    try {
      const items: PackItemDigest[] = [];
      if (attachments.length > 0) {
        pending = await this.store.begin();
        for (const [seq, a] of attachments.entries()) {
          const plain = createHash('sha256');
          const { header, body } = sealParts(this.key, a.bytes, { kind: 'attachment', dossierId: id, seq, componentId: a.componentId }, plain);
          pending.write(places[seq]!, [header, ...body]);
          items.push({ header, plainSha256: plain.digest('hex') });
        }
        ({ ref, durable } = pending.finish(items));
      }
      declarations = declare((i) => items[i]!.plainSha256);
    } catch (e) {
      await pending?.abort();
      const error = ioError('writing attachments', e);
      this.log.error('outbox', 'enqueue failed writing attachments', { kind: error.kind, detail: error.message });
      return err(error);
    }
    // which step failed decides the error's wording (and the log line), as before
    const packFailure = durable.then(ignore, (e: unknown) => ({ error: e }));

    // 2. one transaction: local code, row, attachment rows, counters. Its statements run while
    // the pack is still being written and fdatasync'ed (they only touch sqlite's cache); COMMIT,
    // the only step that makes the row durable, waits for the pack and its name to be on the
    // medium: a committed row always finds its file. A pack that fails rolls the row back.
    try {
      const localCode = await this.db.transaction(async (tx) => {
        const code = await allocateLocalCode(tx, this.kioskId, now);
        const payload = seal(this.key, Buffer.from(JSON.stringify(draft(declarations, code)), 'utf8'), { kind: 'payload', dossierId: id });
        await tx.run(
          `INSERT INTO dossiers (id, local_code, kiosk_id, site_id, procedure_code, channel, state, next_attempt_at, created_at, updated_at,
             submitted_at, attachment_count, attachment_bytes, payload_enc)
           VALUES (?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?)`,
          [id, code, this.kioskId, parsed.data.siteId, procedureCode, channel, now, now, now, submittedAt, declarations.length, declarations.reduce((s, d) => s + d.size, 0), payload],
        );
        if (declarations.length > 0) {
          // one statement for all rows: each statement is a round trip through sqlite3's queue
          await tx.run(
            `INSERT INTO attachments (dossier_id, seq, component_id, media_type, size, sha256, storage_ref, storage_offset, storage_length)
             VALUES ${declarations.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
            declarations.flatMap((d, seq) => [id, seq, d.componentId, d.mediaType, d.size, d.sha256, ref, places[seq]?.offset ?? null, places[seq]?.length ?? null]),
          );
        }
        await this.bump(tx, now, procedureCode, channel, 'submitted');
        await this.event(tx, id, now, 'submitted', code);
        await durable;
        return code;
      });
      this.log.info('outbox', 'dossier accepted', { id, localCode, procedureCode, attachments: declarations.length });
      return ok({ id, localCode, submittedAt });
    } catch (e) {
      const failed = await packFailure;
      await pending?.abort();
      const error = failed ? ioError('writing attachments', failed.error) : ioError('committing the dossier', e);
      this.log.error('outbox', failed ? 'enqueue failed writing attachments' : 'enqueue failed committing', { kind: error.kind, detail: error.message });
      return err(error);
    }
  }

  // ─── reading ───────────────────────────────────────────────────────────────

  async get(id: string): Promise<Result<DossierRecord, OutboxError>> {
    const row = await this.db.get<DossierRow>(`SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE id = ?`, [id]);
    if (!row) return err(outboxError('NotFound', `no dossier ${id}`));
    return ok(toRecord(row, await this.attachmentRows(id)));
  }

  async findByLocalCode(localCode: string): Promise<Result<DossierRecord, OutboxError>> {
    const row = await this.db.get<{ id: string }>(`SELECT id FROM dossiers WHERE local_code = ?`, [localCode]);
    return row ? this.get(row.id) : err(outboxError('NotFound', `no dossier ${localCode}`));
  }

  async list(states: readonly DossierState[] = dossierStates): Promise<DossierRecord[]> {
    return this.records(`SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE state IN (${states.map(() => '?').join(',')}) ORDER BY created_at`, [...states]);
  }

  /** The decrypted submission, as it will be sent to the city. */
  async readSubmission(id: string): Promise<Result<DossierSubmission, OutboxError>> {
    const row = await this.db.get<{ payload_enc: Buffer | null }>(`SELECT payload_enc FROM dossiers WHERE id = ?`, [id]);
    if (!row) return err(outboxError('NotFound', `no dossier ${id}`));
    if (!row.payload_enc) return err(outboxError('InvalidState', `dossier ${id} has been purged`));
    const plain = unseal(this.key, row.payload_enc, { kind: 'payload', dossierId: id });
    if (!plain) return err(outboxError('Tampered', `the sealed payload of ${id} fails authentication`));
    const parsed = DossierSubmission.safeParse(JSON.parse(plain.toString('utf8')));
    return parsed.success ? ok(parsed.data) : err(outboxError('Tampered', `the payload of ${id} is not a dossier`));
  }

  /** An attachment's plaintext, after checking the file's hash, its GCM tag and the declared sha256. */
  async readAttachment(id: string, seq: number): Promise<Result<Buffer, OutboxError>> {
    const a = await this.db.get<AttachmentRow>(`SELECT * FROM attachments WHERE dossier_id = ? AND seq = ?`, [id, seq]);
    if (!a) return err(outboxError('NotFound', `no attachment ${seq} of ${id}`));
    if (!a.storage_ref) return err(outboxError('InvalidState', `attachment ${seq} of ${id} has been purged`));
    let read;
    try {
      read = await this.store.readRange(a.storage_ref, { offset: a.storage_offset ?? 0, length: a.storage_length ?? 0 });
    } catch (e) {
      return err(ioError(`reading attachment ${seq} of ${id}`, e));
    }
    if (!read.ok) {
      return read.problem === 'missing'
        ? err(outboxError('OutboxIo', `attachment ${seq} of ${id}: file ${a.storage_ref} is missing`))
        : err(outboxError('Tampered', `attachment ${seq} of ${id}: file ${a.storage_ref} is truncated`));
    }
    const plain = unseal(this.key, read.sealed, { kind: 'attachment', dossierId: id, seq, componentId: a.component_id });
    if (!plain || sha256Hex(plain) !== a.sha256) return err(outboxError('Tampered', `attachment ${seq} of ${id} fails authentication`));
    return ok(plain);
  }

  async counts(): Promise<QueueCounts> {
    const rows = await this.db.all<{ state: DossierState; n: number }>(`SELECT state, count(*) AS n FROM dossiers GROUP BY state`);
    const counts = Object.fromEntries(dossierStates.map((s) => [s, 0])) as Record<DossierState, number>;
    for (const r of rows) counts[r.state] = r.n;
    const oldest = await this.db.get<{ at: number | null }>(`SELECT min(created_at) AS at FROM dossiers WHERE state IN ('submitted', 'uploading')`);
    return { counts, oldestPendingAt: oldest?.at == null ? null : new Date(oldest.at).toISOString() };
  }

  async dailyCounts(): Promise<DailyCount[]> {
    const rows = await this.db.all<{ day: string; procedure_code: string; channel: string; state: string; count: number }>(
      `SELECT day, procedure_code, channel, state, count FROM daily_counts ORDER BY day, procedure_code, channel, state`,
    );
    return rows.map((r) => ({ day: r.day, procedureCode: r.procedure_code, channel: r.channel, state: r.state, count: r.count }));
  }

  async events(dossierId?: string): Promise<OutboxEvent[]> {
    const rows = await this.db.all<{ id: number; dossier_id: string | null; at: number; kind: string; detail: string | null }>(
      dossierId === undefined ? `SELECT * FROM events ORDER BY id` : `SELECT * FROM events WHERE dossier_id = ? ORDER BY id`,
      dossierId === undefined ? [] : [dossierId],
    );
    return rows.map((r) => ({ id: r.id, dossierId: r.dossier_id, at: r.at, kind: r.kind, detail: r.detail }));
  }

  // ─── transitions (the forwarder's side) ────────────────────────────────────

  /** Dossiers whose next try is due, oldest first. */
  async due(limit: number): Promise<DossierRecord[]> {
    return this.records(
      `SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE state IN ('submitted', 'uploading') AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at LIMIT ?`,
      [this.clock.now(), limit],
    );
  }

  /** The earliest next_attempt_at of a sendable dossier (for the forwarder's timer). */
  async nextDueAt(): Promise<number | null> {
    const row = await this.db.get<{ at: number | null }>(`SELECT min(next_attempt_at) AS at FROM dossiers WHERE state IN ('submitted', 'uploading')`);
    return row?.at ?? null;
  }

  async beginUpload(id: string): Promise<Result<void, OutboxError>> {
    return this.transition(id, ['submitted', 'uploading'], 'uploading', `state = 'uploading'`, []);
  }

  async setCityDossierId(id: string, cityDossierId: string): Promise<Result<void, OutboxError>> {
    return this.update(id, `city_dossier_id = ?`, [cityDossierId], SENDING);
  }

  async saveUploadUrl(id: string, seq: number, uploadUrl: string): Promise<void> {
    await this.db.run(`UPDATE attachments SET upload_url = ? WHERE dossier_id = ? AND seq = ?`, [uploadUrl, id, seq]);
  }

  /** The city says it lacks these (sha256): send them again from scratch. */
  async markNotUploaded(id: string, sha256s: readonly string[]): Promise<number> {
    if (sha256s.length === 0) return 0;
    const info = await this.db.run(`UPDATE attachments SET uploaded = 0, upload_url = NULL WHERE dossier_id = ? AND sha256 IN (${sha256s.map(() => '?').join(',')})`, [
      id,
      ...sha256s,
    ]);
    return info.changes;
  }

  /** After a 422 `missing`: the next submit goes out under a fresh Idempotency-Key. */
  async nextSubmitRound(id: string): Promise<void> {
    await this.db.run(`UPDATE dossiers SET submit_round = submit_round + 1 WHERE id = ?`, [id]);
  }

  async markDelivered(id: string, status: DossierStatus): Promise<Result<void, OutboxError>> {
    const now = this.clock.now();
    return this.transition(
      id,
      SENDING,
      'delivered',
      `state = 'delivered', delivered_at = ?, status_synced_at = ?, official_code = ?, city_status_code = ?, city_status_text = ?, city_status_at = ?,
       appointment_date = ?, last_error = NULL, city_dossier_id = coalesce(city_dossier_id, ?)`,
      [now, now, status.dossierCode ?? null, status.statusCode, status.statusText, status.updatedAt, status.appointmentDate ?? null, status.dossierId],
      status.dossierCode ?? undefined,
    );
  }

  /**
   * A failed try: counts it, schedules the next one, and moves the dossier to `dead` once
   * permanent refusals reach `maxRejections`. Returns the resulting state.
   */
  async recordFailure(
    id: string,
    failure: { error: string; permanent: boolean; nextAttemptAt: number; maxRejections: number },
  ): Promise<Result<DossierState, OutboxError>> {
    const now = this.clock.now();
    try {
      return await this.db.transaction(async (tx) => {
        const row = await tx.get<{ state: DossierState; rejections: number; procedure_code: string; channel: string }>(
          `SELECT state, rejections, procedure_code, channel FROM dossiers WHERE id = ?`,
          [id],
        );
        if (!row) return err(outboxError('NotFound', `no dossier ${id}`));
        if (!SENDING.includes(row.state)) return err(outboxError('InvalidState', `dossier ${id} is ${row.state}`));
        const rejections = row.rejections + (failure.permanent ? 1 : 0);
        const state: DossierState = rejections >= failure.maxRejections ? 'dead' : row.state;
        await tx.run(`UPDATE dossiers SET attempts = attempts + 1, rejections = ?, state = ?, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?`, [
          rejections,
          state,
          failure.nextAttemptAt,
          failure.error,
          now,
          id,
        ]);
        await this.event(tx, id, now, state === 'dead' ? 'dead' : 'failure', failure.error);
        if (state === 'dead') await this.bump(tx, now, row.procedure_code, row.channel, 'dead');
        return ok(state);
      });
    } catch (e) {
      return err(ioError('recording a failure', e));
    }
  }

  /** Straight to `dead`: the dossier cannot be sent as it is (e.g. a broken file). */
  async markDead(id: string, reason: string): Promise<Result<void, OutboxError>> {
    return this.transition(id, SENDING, 'dead', `state = 'dead', last_error = ?`, [reason], reason);
  }

  /** A technician's retry of a dead dossier: back to `submitted`, counters reset, due now. */
  async retry(id: string): Promise<Result<void, OutboxError>> {
    return this.transition(id, ['dead'], 'submitted', `state = 'submitted', attempts = 0, rejections = 0, next_attempt_at = ?`, [this.clock.now()], 'retry');
  }

  async statusDue(intervalMs: number, limit: number): Promise<DossierRecord[]> {
    return this.records(
      `SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE state IN ('delivered', 'tracked') AND official_code IS NOT NULL
         AND coalesce(status_synced_at, 0) <= ? ORDER BY coalesce(status_synced_at, 0) LIMIT ?`,
      [this.clock.now() - intervalMs, limit],
    );
  }

  /** A status the city reported: stored, and the dossier is `tracked`. */
  async updateStatus(id: string, status: DossierStatus): Promise<Result<void, OutboxError>> {
    return this.transition(
      id,
      ['delivered', 'tracked'],
      'tracked',
      `state = 'tracked', status_synced_at = ?, city_status_code = ?, city_status_text = ?, city_status_at = ?, appointment_date = coalesce(?, appointment_date)`,
      [this.clock.now(), status.statusCode, status.statusText, status.updatedAt, status.appointmentDate ?? null],
      `status ${status.statusCode}`,
    );
  }

  /** A status check that failed: try again after the interval rather than every pass. */
  async noteStatusChecked(id: string): Promise<void> {
    await this.db.run(`UPDATE dossiers SET status_synced_at = ? WHERE id = ?`, [this.clock.now(), id]);
  }

  /** Delivered dossiers whose retention window has passed. */
  async purgeDue(retentionMs: number, limit: number): Promise<string[]> {
    const rows = await this.db.all<{ id: string }>(
      `SELECT id FROM dossiers WHERE state IN ('delivered', 'tracked') AND delivered_at <= ? ORDER BY delivered_at LIMIT ?`,
      [this.clock.now() - retentionMs, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Deletes the PII of a delivered dossier: files unlinked (directory fsync'ed) first, then
   * in one transaction the sealed payload nulled (secure_delete zeroes its pages) and the row
   * marked purged. A crash in between leaves a delivered row whose purge simply runs again.
   */
  async purge(id: string): Promise<Result<void, OutboxError>> {
    const row = await this.db.get<{ state: DossierState }>(`SELECT state FROM dossiers WHERE id = ?`, [id]);
    if (!row) return err(outboxError('NotFound', `no dossier ${id}`));
    if (row.state !== 'delivered' && row.state !== 'tracked') return err(outboxError('InvalidState', `dossier ${id} is ${row.state}; only delivered dossiers are purged`));
    const refs = [...new Set((await this.attachmentRows(id)).flatMap((a) => (a.storage_ref ? [a.storage_ref] : [])))];
    try {
      await this.store.remove(refs);
      const now = this.clock.now();
      await this.db.transaction(async (tx) => {
        const d = await tx.get<{ procedure_code: string; channel: string }>(`SELECT procedure_code, channel FROM dossiers WHERE id = ?`, [id]);
        await tx.run(`UPDATE attachments SET storage_ref = NULL, upload_url = NULL WHERE dossier_id = ?`, [id]);
        await tx.run(`UPDATE dossiers SET state = 'purged', payload_enc = NULL, purged_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
        await this.event(tx, id, now, 'purged', null);
        if (d) await this.bump(tx, now, d.procedure_code, d.channel, 'purged');
      });
      return ok(undefined);
    } catch (e) {
      return err(ioError(`purging ${id}`, e));
    }
  }

  // ─── integrity ─────────────────────────────────────────────────────────────

  /**
   * Compares attachments/ with the rows: files no row names, rows whose file is gone or no
   * longer hashes to its name. Nothing broken is ever sent: a dossier still sending with a
   * broken file goes to `dead` with the reason. Orphans are reported, not deleted.
   */
  async checkIntegrity(): Promise<IntegrityReport> {
    const listing = await this.store.list();
    const rows = await this.db.all<AttachmentRow & { state: DossierState; local_code: string }>(
      `SELECT a.*, d.state, d.local_code FROM attachments a JOIN dossiers d ON d.id = a.dossier_id WHERE a.storage_ref IS NOT NULL`,
    );
    const referenced = new Set(rows.map((r) => r.storage_ref));
    const report: IntegrityReport = {
      orphanFiles: listing.refs.filter((ref) => !referenced.has(ref)).sort(),
      missingFiles: [],
      corruptFiles: [],
      removedTemporaries: listing.temporaries.sort(),
      deadened: [],
    };
    // a temporary never had a row: it is the tail of an interrupted enqueue
    await this.store.remove(listing.temporaries);
    const present = new Set(listing.refs);
    const broken = new Map<string, string>();
    // one pack per dossier: check each file once, each item where its row places it
    const files = new Map<string, { dossierId: string; localCode: string; ref: string; items: AttachmentRow[] }>();
    for (const r of rows) {
      const ref = r.storage_ref!;
      const entry = files.get(ref) ?? { dossierId: r.dossier_id, localCode: r.local_code, ref, items: [] };
      entry.items.push(r);
      files.set(ref, entry);
    }
    for (const { items, ...entry } of files.values()) {
      if (!present.has(entry.ref)) {
        report.missingFiles.push(entry);
        broken.set(entry.dossierId, 'attachment file missing');
      } else if (!(await this.packIsWhole(entry.ref, items))) {
        report.corruptFiles.push(entry);
        broken.set(entry.dossierId, 'attachment file corrupt (hash mismatch)');
      }
    }
    for (const [id, reason] of broken) {
      const state = rows.find((r) => r.dossier_id === id)?.state;
      if (state && SENDING.includes(state)) {
        const marked = await this.markDead(id, `AttachmentBroken: ${reason}`);
        if (marked.ok) report.deadened.push(id);
      }
    }
    const problems = report.orphanFiles.length + report.missingFiles.length + report.corruptFiles.length + report.removedTemporaries.length;
    if (problems > 0) {
      this.log.warn('outbox', 'integrity check found problems', {
        orphanFiles: report.orphanFiles,
        missingFiles: report.missingFiles,
        corruptFiles: report.corruptFiles,
        removedTemporaries: report.removedTemporaries,
        deadened: report.deadened,
      });
    }
    return report;
  }

  /**
   * Whether a pack still gives its name (attachment-store.ts `packName`), or, for a pack from
   * before that name, whether it still hashes to it (the sha256 of the whole file).
   */
  private async packIsWhole(ref: string, rows: readonly AttachmentRow[]): Promise<boolean> {
    const read = await this.store.read(ref);
    return read.ok && (this.manifestHolds(ref, read.sealed, rows) || isWholeFileName(ref, read.sealed));
  }

  /** Every item where its row places it decrypts (its GCM tag holds) and hashes to the row's sha256; the items tile the file and give its name. */
  private manifestHolds(ref: string, bytes: Buffer, rows: readonly AttachmentRow[]): boolean {
    const items: PackItemDigest[] = [];
    let end = 0;
    for (const r of [...rows].sort((a, b) => (a.storage_offset ?? 0) - (b.storage_offset ?? 0))) {
      const offset = r.storage_offset ?? 0;
      if (offset !== end) return false;
      end = offset + (r.storage_length ?? 0);
      if (end > bytes.length) return false;
      const sealed = bytes.subarray(offset, end);
      const plain = unseal(this.key, sealed, { kind: 'attachment', dossierId: r.dossier_id, seq: r.seq, componentId: r.component_id });
      if (!plain || sha256Hex(plain) !== r.sha256) return false;
      items.push({ header: sealed.subarray(0, SEALED_HEADER_BYTES), plainSha256: r.sha256 });
    }
    return end === bytes.length && packName(items) === ref;
  }

  // ─── helpers ───────────────────────────────────────────────────────────────

  private async attachmentRows(id: string): Promise<AttachmentRow[]> {
    return this.db.all<AttachmentRow>(`SELECT * FROM attachments WHERE dossier_id = ? ORDER BY seq`, [id]);
  }

  private async records(sql: string, params: (string | number)[]): Promise<DossierRecord[]> {
    const rows = await this.db.all<DossierRow>(sql, params);
    return Promise.all(rows.map(async (r) => toRecord(r, await this.attachmentRows(r.id))));
  }

  private async update(id: string, set: string, params: (string | number | null)[], from: readonly DossierState[]): Promise<Result<void, OutboxError>> {
    try {
      const info = await this.db.run(`UPDATE dossiers SET ${set}, updated_at = ? WHERE id = ? AND state IN (${from.map(() => '?').join(',')})`, [
        ...params,
        this.clock.now(),
        id,
        ...from,
      ]);
      return info.changes === 1 ? ok(undefined) : err(outboxError('InvalidState', `dossier ${id} is not ${from.join('/')}`));
    } catch (e) {
      return err(ioError(`updating ${id}`, e));
    }
  }

  /** A guarded state change with its event (and counter when it is a milestone), in one transaction. */
  private async transition(
    id: string,
    from: readonly DossierState[],
    to: DossierState,
    set: string,
    params: (string | number | null)[],
    detail?: string,
  ): Promise<Result<void, OutboxError>> {
    const now = this.clock.now();
    try {
      return await this.db.transaction(async (tx) => {
        const row = await tx.get<{ state: DossierState; procedure_code: string; channel: string }>(`SELECT state, procedure_code, channel FROM dossiers WHERE id = ?`, [id]);
        if (!row) return err(outboxError('NotFound', `no dossier ${id}`));
        if (!from.includes(row.state)) return err(outboxError('InvalidState', `dossier ${id} is ${row.state}, not ${from.join('/')}`));
        await tx.run(`UPDATE dossiers SET ${set}, updated_at = ? WHERE id = ?`, [...params, now, id]);
        // uploads are recorded here, with the delivery, not one fsync'd write each (see Forwarder)
        if (to === 'delivered') await tx.run(`UPDATE attachments SET uploaded = 1 WHERE dossier_id = ?`, [id]);
        if (row.state !== to) {
          await this.event(tx, id, now, to, detail ?? null);
          if (to === 'delivered' || to === 'dead') await this.bump(tx, now, row.procedure_code, row.channel, to);
        }
        return ok(undefined);
      });
    } catch (e) {
      return err(ioError(`moving ${id} to ${to}`, e));
    }
  }

  private async bump(tx: Sql, now: number, procedureCode: string, channel: string, state: string): Promise<void> {
    await tx.run(
      `INSERT INTO daily_counts (day, procedure_code, channel, state, count) VALUES (?, ?, ?, ?, 1)
       ON CONFLICT (day, procedure_code, channel, state) DO UPDATE SET count = count + 1`,
      [vietnamDay(now), procedureCode, channel, state],
    );
  }

  private async event(tx: Sql, dossierId: string | null, at: number, kind: string, detail: string | null): Promise<void> {
    await tx.run(`INSERT INTO events (dossier_id, at, kind, detail) VALUES (?, ?, ?, ?)`, [dossierId, at, kind, detail]);
  }
}
