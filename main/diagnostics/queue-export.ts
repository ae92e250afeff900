import { createHash } from 'node:crypto';
import { open, readFile, rename, rm, stat, statfs } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { kioskError, type KioskError } from '../../common/errors.js';
import type { QueueExportResult } from '../../common/kiosk-api/diagnostics-contract.js';
import { err, ok, type Result } from '../../common/result.js';
import { syncDir } from '../fs/sync-dir.js';
import type { Outbox } from '../outbox/outbox.js';
import type { DossierRecord } from '../outbox/outbox-types.js';
import { BundleWriter } from './bundle.js';

// Selected dossiers, whole (sealed payload decrypted, attachments checked), into one encrypted
// bundle on a USB drive, for the city's IT to import when the kiosk cannot reach the city.
// The dossiers stay in the queue: the bundle is a copy, and the city deduplicates by dossier id
// (the Idempotency-Key) if both arrive. Beside the bundle, a manifest in clear with no PII, so
// the person receiving the drive can check what they got before anyone opens it.

export interface ExportRequest {
  outbox: Pick<Outbox, 'get' | 'findByLocalCode' | 'readSubmission' | 'readAttachment'>;
  refs: readonly string[];
  dir: string;
  passphrase: string;
  kioskId: string;
  siteId: string;
  /** who exported (the audit names them too) */
  operatorId: string;
  now: number;
  /** called per dossier exported, for its trail */
  onExported?: (record: DossierRecord, bundleFile: string) => Promise<void>;
}

const stampOf = (ms: number): string => new Date(ms + 7 * 3600_000).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

/** a dossier that cannot be read whole: the half-written bundle is removed, the reason returned */
class Refusal extends Error {
  constructor(readonly error: KioskError) {
    super(error.message);
  }
}

const ioFailed = (what: string, e: unknown): KioskError => kioskError('ExportFailed', `${what}: ${e instanceof Error ? e.message : String(e)}`);

export const exportDossiers = async (r: ExportRequest): Promise<Result<QueueExportResult, KioskError>> => {
  const records: DossierRecord[] = [];
  for (const ref of new Set(r.refs)) {
    const found = /^[0-9a-f-]{36}$/i.test(ref) ? await r.outbox.get(ref) : await r.outbox.findByLocalCode(ref);
    if (!found.ok) return err(kioskError('DossierNotFound', `no dossier ${ref} in the queue`));
    if (found.value.state === 'purged') return err(kioskError('InvalidState', `dossier ${found.value.localCode} has been purged: nothing left to export`));
    records.push(found.value);
  }

  try {
    if (!(await stat(r.dir)).isDirectory()) return err(kioskError('ExportFailed', `${r.dir} is not a folder`));
  } catch (e) {
    return err(ioFailed(`cannot use ${r.dir}`, e));
  }
  const need = records.reduce((n, d) => n + d.attachments.reduce((m, a) => m + a.size, 0), 0) * 1.05 + 1024 * 1024;
  try {
    const fs = await statfs(r.dir);
    const free = fs.bavail * fs.bsize;
    if (free < need) return err(kioskError('ExportFailed', `${r.dir} has ${Math.floor(free / 1048576)} MiB free; the bundle needs about ${Math.ceil(need / 1048576)} MiB`));
  } catch {
    // no statfs on this file system: the write itself will say if it is full
  }

  const base = `${r.kioskId}-${stampOf(r.now)}`;
  const bundlePath = join(r.dir, `${base}.kbundle`);
  const manifestPath = join(r.dir, `${base}.manifest.json`);
  const partial = join(r.dir, `.${base}.kbundle.partial`);
  let attachments = 0;
  const listed: Record<string, unknown>[] = [];
  try {
    const h = await open(partial, 'wx', 0o600);
    try {
      const w = await BundleWriter.create(h, r.passphrase);
      for (const d of records) {
        const submission = await r.outbox.readSubmission(d.id);
        if (!submission.ok) throw new Refusal(kioskError('OutboxIo', `dossier ${d.localCode}: ${submission.error.kind}: ${submission.error.message}`));
        await w.add({ type: 'dossier', record: d, submission: submission.value });
        for (const a of d.attachments) {
          const bytes = await r.outbox.readAttachment(d.id, a.seq);
          if (!bytes.ok) throw new Refusal(kioskError('OutboxIo', `dossier ${d.localCode}, attachment ${a.seq}: ${bytes.error.kind}: ${bytes.error.message}`));
          await w.add(
            {
              type: 'attachment',
              dossierId: d.id,
              seq: a.seq,
              componentId: a.componentId,
              fileName: submission.value.attachments[a.seq]?.fileName ?? `attachment-${a.seq}`,
              mediaType: a.mediaType,
              sha256: a.sha256,
              size: bytes.value.length,
            },
            bytes.value,
          );
          attachments++;
        }
        listed.push({
          localCode: d.localCode,
          procedureCode: d.procedureCode,
          channel: d.channel,
          state: d.state,
          submittedAt: d.submittedAt,
          attachments: d.attachments.length,
          attachmentBytes: d.attachments.reduce((n, a) => n + a.size, 0),
        });
      }
      await w.add({ type: 'end', dossiers: records.length, attachments });
      await w.finish();
      // the technician pulls the drive out as soon as the screen says done
      await h.sync();
    } finally {
      await h.close();
    }
    await rename(partial, bundlePath);
    await syncDir(r.dir).catch(() => undefined);
  } catch (e) {
    await rm(partial, { force: true }).catch(() => undefined);
    return err(e instanceof Refusal ? e.error : ioFailed(`writing the bundle in ${r.dir}`, e));
  }

  // read back: proves the drive holds what was written, and gives the receiver a checksum
  let sha256: string;
  let bytes: number;
  try {
    const written = await readFile(bundlePath);
    sha256 = createHash('sha256').update(written).digest('hex');
    bytes = written.length;
    const manifest = {
      format: 'kiosk-bundle-manifest',
      version: 1,
      bundle: basename(bundlePath),
      sha256,
      bytes,
      createdAt: new Date(r.now).toISOString(),
      kioskId: r.kioskId,
      siteId: r.siteId,
      exportedBy: r.operatorId,
      encryption: 'AES-256-GCM, key from the passphrase by scrypt (N=65536, r=8, p=1); open with: npm run kiosk -- queue unpack <bundle> <dir>',
      dossiers: listed,
    };
    const m = await open(manifestPath, 'wx', 0o644);
    try {
      await m.writeFile(JSON.stringify(manifest, null, 2) + '\n');
      await m.sync();
    } finally {
      await m.close();
    }
    await syncDir(r.dir).catch(() => undefined);
  } catch (e) {
    return err(ioFailed(`writing the manifest in ${r.dir}`, e));
  }
  for (const d of records) await r.onExported?.(d, basename(bundlePath));
  return ok({ bundlePath, manifestPath, dossiers: records.length, attachments, bytes, sha256 });
};
