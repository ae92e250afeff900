import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../main/db/sqlite-db.js';
import type { Logger } from '../../../main/log/logger.js';
import { outboxFixture, resident, sampleInput, type OutboxFixture } from '../../helpers/outbox-fixtures.js';

let fx: OutboxFixture;
beforeEach(async () => {
  fx = await outboxFixture();
});
afterEach(() => fx.cleanup());

const recordingLog = () => {
  const lines: string[] = [];
  const rec = (level: string) => (component: string, message: string, fields?: Record<string, unknown>) => lines.push(JSON.stringify({ level, component, message, ...fields }));
  const log: Logger = { debug: rec('debug'), info: rec('info'), warn: rec('warn'), error: rec('error') };
  return { log, lines };
};

describe('integrity check at open', () => {
  it('reports a file without a row, a row without its file, a corrupt file and a half-written temp; never sends the broken', async () => {
    let outbox = await fx.open();
    const ok = await outbox.enqueue(sampleInput(1));
    const missing = await outbox.enqueue(sampleInput(2));
    const corrupt = await outbox.enqueue(sampleInput(1));
    if (!ok.ok || !missing.ok || !corrupt.ok) throw new Error('enqueue');
    const refOf = async (id: string, seq: number) => {
      const r = await outbox.get(id);
      if (!r.ok) throw new Error('get');
      return r.value.attachments[seq]!.storageRef!;
    };
    const missingRef = await refOf(missing.value.id, 1);
    const corruptRef = await refOf(corrupt.value.id, 0);
    await outbox.close();

    const dir = join(fx.dir, 'data', 'attachments');
    const orphan = randomBytes(32).toString('hex');
    await writeFile(join(dir, orphan), randomBytes(100));
    await writeFile(join(dir, '.tmp-0123456789abcdef'), randomBytes(10));
    await unlink(join(dir, missingRef));
    const bytes = await readFile(join(dir, corruptRef));
    bytes[20]! ^= 0x10;
    await writeFile(join(dir, corruptRef), bytes);

    const { log, lines } = recordingLog();
    outbox = await fx.open({ log });
    const report = outbox.startupIntegrity!;
    expect(report.orphanFiles).toEqual([orphan]);
    expect(report.missingFiles).toEqual([{ dossierId: missing.value.id, localCode: missing.value.localCode, ref: missingRef }]);
    expect(report.corruptFiles).toEqual([{ dossierId: corrupt.value.id, localCode: corrupt.value.localCode, ref: corruptRef }]);
    expect(report.removedTemporaries).toEqual(['.tmp-0123456789abcdef']);
    expect(report.deadened.sort()).toEqual([missing.value.id, corrupt.value.id].sort());

    // the orphan is reported, not deleted and not used; the healthy dossier is still due
    expect(await readdir(dir)).toContain(orphan);
    expect((await outbox.due(10)).map((d) => d.id)).toEqual([ok.value.id]);
    const dead = await outbox.get(missing.value.id);
    expect(dead.ok && dead.value.lastError).toBe('AttachmentBroken: attachment file missing');

    const warned = lines.filter((l) => l.includes('integrity check found problems'));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain(orphan);
    for (const l of lines) expect(l).not.toContain(resident.idNumber);

    // checked on demand too; a second run finds only what is still there
    const again = await outbox.checkIntegrity();
    expect(again.removedTemporaries).toEqual([]);
    expect(again.orphanFiles).toEqual([orphan]);
    await outbox.close();
  });

  it('finds any damage to a pack by decrypting it: a flipped ciphertext byte, a cut or a grown file; a pack named the older way still passes', async () => {
    let outbox = await fx.open();
    const dossiers = [];
    for (let i = 0; i < 4; i++) {
      const r = await outbox.enqueue(sampleInput(2, 8192));
      if (!r.ok) throw new Error('enqueue');
      const rec = await outbox.get(r.value.id);
      if (!rec.ok) throw new Error('get');
      dossiers.push({ id: r.value.id, ref: rec.value.attachments[0]!.storageRef! });
    }
    await outbox.close();
    const dir = join(fx.dir, 'data', 'attachments');
    const [flipped, cut, grown, older] = dossiers as [(typeof dossiers)[0], (typeof dossiers)[0], (typeof dossiers)[0], (typeof dossiers)[0]];
    // deep in the second page's ciphertext: no header byte, so only the GCM tag can tell
    const f = await readFile(join(dir, flipped.ref));
    f[f.length - 100]! ^= 0x01;
    await writeFile(join(dir, flipped.ref), f);
    const c = await readFile(join(dir, cut.ref));
    await writeFile(join(dir, cut.ref), c.subarray(0, c.length - 1));
    await writeFile(join(dir, grown.ref), Buffer.concat([await readFile(join(dir, grown.ref)), Buffer.from([0])]));
    // a pack from before the manifest name: the sha256 of the whole file
    const oldName = createHash('sha256').update(await readFile(join(dir, older.ref))).digest('hex');
    await rename(join(dir, older.ref), join(dir, oldName));
    const db = await openDb(join(fx.dir, 'data', 'outbox.db'));
    await db.run(`UPDATE attachments SET storage_ref = ? WHERE storage_ref = ?`, [oldName, older.ref]);
    await db.close();

    outbox = await fx.open();
    const report = outbox.startupIntegrity!;
    expect(report.corruptFiles.map((e) => e.dossierId).sort()).toEqual([flipped.id, cut.id, grown.id].sort());
    expect(report.deadened.sort()).toEqual([flipped.id, cut.id, grown.id].sort());
    expect(report.orphanFiles).toEqual([]);
    expect(report.missingFiles).toEqual([]);
    expect((await outbox.due(10)).map((d) => d.id)).toEqual([older.id]);
    const page = await outbox.readAttachment(older.id, 1);
    expect(page.ok).toBe(true);
    await outbox.close();
  });
});
