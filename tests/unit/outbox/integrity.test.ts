import { randomBytes } from 'node:crypto';
import { readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
});
