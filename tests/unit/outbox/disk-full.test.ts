import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canMountTmpfs, childScript, runChild } from '../../helpers/outbox-child.js';
import { faultyFs, type FaultPoint } from '../../helpers/outbox-faulty-fs.js';
import { outboxFixture, sampleInput, type OutboxFixture } from '../../helpers/outbox-fixtures.js';

let fx: OutboxFixture;
beforeEach(async () => {
  fx = await outboxFixture();
});
afterEach(() => fx.cleanup());

describe('disk full (injected ENOSPC)', () => {
  const cases: [FaultPoint, number][] = [
    ['create', 1],
    ['write', 2],
    ['datasync', 1],
    ['syncDir', 1],
  ];
  it.each(cases)('ENOSPC on %s #%i → DiskFull, no row, no stray file; works again once space returns', async (point, nth) => {
    const fs = faultyFs();
    const outbox = await fx.open({ fs });
    fs.fillUpAt(point, nth);
    const r = await outbox.enqueue(sampleInput(3));
    expect(r.ok ? 'accepted' : r.error.kind).toBe('DiskFull');
    expect(fs.failures).toBeGreaterThanOrEqual(1);
    expect((await outbox.counts()).counts.submitted).toBe(0);
    expect(await readdir(join(fx.dir, 'data', 'attachments'))).toEqual([]);

    fs.spaceReturns();
    const again = await outbox.enqueue(sampleInput(3));
    // the failed try consumed no receipt number
    expect(again.ok && again.value.localCode).toBe('K0007-261124-0001');
    expect((await outbox.checkIntegrity()).orphanFiles).toEqual([]);
    await outbox.close();
  });
});

describe('process boundary', () => {
  it('a dossier whose enqueue resolved survives kill -9 of the process', async () => {
    const script = await childScript();
    const dir = join(fx.dir, 'killed');
    const keyPath = join(fx.dir, 'keys', 'outbox.key');
    const run = await runChild(process.execPath, [script, JSON.stringify({ mode: 'kill', dir, keyPath, count: 3 })]);
    expect(run.signal).toBe('SIGKILL');
    const receipts = run.lines as { id: string; localCode: string }[];
    // the child runs on the real clock: today's date, sequence 1..3
    expect(receipts.map((r) => r.localCode.replace(/-\d{6}-/, '-D-'))).toEqual(['K0007-D-0001', 'K0007-D-0002', 'K0007-D-0003']);
    const { Outbox } = await import('../../../main/outbox/outbox.js');
    const { fileKeyProvider } = await import('../../../main/outbox/key-provider.js');
    const reopened = await Outbox.open({ dir, kioskId: 'K0007', keyProvider: fileKeyProvider(keyPath) });
    if (!reopened.ok) throw new Error(reopened.error.message);
    for (const r of receipts) {
      const sub = await reopened.value.readSubmission(r.id);
      expect(sub.ok && sub.value.localCode).toBe(r.localCode);
      expect((await reopened.value.readAttachment(r.id, 1)).ok).toBe(true);
    }
    expect(reopened.value.startupIntegrity?.orphanFiles).toEqual([]);
    await reopened.value.close();
  });

  const tmpfs = canMountTmpfs();
  it.skipIf(!tmpfs)('a real 2 MB tmpfs fills up: DiskFull, nothing corrupt, and enqueue works again once space is freed', async () => {
    const script = await childScript();
    const mount = await mkdtemp(join(tmpdir(), 'outbox-tmpfs-'));
    try {
      const args = JSON.stringify({ mode: 'tmpfs', dir: mount, keyPath: join(mount, 'outbox.key'), ballastBytes: 600 * 1024, pageBytes: 100 * 1024 });
      const run = await runChild('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=2m tmpfs "$1" && exec "$2" "$3" "$4"', 'sh', mount, process.execPath, script, args]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const out = run.lines[0] as {
        accepted: number;
        errors: string[];
        countsFull: number;
        afterOk: boolean;
        reopened: number;
        readable: number;
        whileFull: { orphanFiles: string[]; removedTemporaries: string[] };
        integrity: { orphanFiles: string[]; missingFiles: unknown[]; corruptFiles: unknown[] };
      };
      expect(out.errors).toEqual(['DiskFull', 'DiskFull']);
      expect(out.accepted - 1).toBe(out.countsFull);
      expect(out.accepted).toBeGreaterThan(1);
      expect(out.whileFull.orphanFiles).toEqual([]);
      expect(out.afterOk).toBe(true);
      expect(out.reopened).toBe(out.accepted);
      expect(out.readable).toBe(out.accepted);
      expect(out.integrity).toMatchObject({ orphanFiles: [], missingFiles: [], corruptFiles: [] });
    } finally {
      await rm(mount, { recursive: true, force: true });
    }
  });
});
