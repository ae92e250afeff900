import { randomBytes } from 'node:crypto';
import { mkdtemp, open, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundleWriter, openBundle } from '../../../main/diagnostics/bundle.js';

const write = async (records: { meta: Record<string, unknown>; data?: Buffer }[], pass = 'correct horse battery') => {
  const file = join(await mkdtemp(join(tmpdir(), 'kiosk-bundle-')), 'b.kbundle');
  const h = await open(file, 'w');
  const w = await BundleWriter.create(h, pass);
  for (const r of records) await w.add(r.meta, r.data);
  await w.finish();
  await h.close();
  return file;
};

describe('the encrypted export bundle', () => {
  it('round-trips records and attachments across several chunks, and nothing is readable without the passphrase', async () => {
    const big = randomBytes(2.5 * 1024 * 1024);
    const file = await write([
      { meta: { type: 'dossier', idNumber: '001090123456' } },
      { meta: { type: 'attachment', size: big.length }, data: big },
      { meta: { type: 'end' } },
    ]);
    const raw = await readFile(file);
    expect(raw.includes(Buffer.from('001090123456'))).toBe(false);
    const r = await openBundle(file, 'correct horse battery');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.records.map((x) => x.meta.type)).toEqual(['dossier', 'attachment', 'end']);
    expect(r.records[0]?.meta.idNumber).toBe('001090123456');
    expect(r.records[1]?.data?.equals(big)).toBe(true);
  });

  it('refuses a wrong passphrase, a cut-off file, a dropped chunk and a changed header', async () => {
    const file = await write([{ meta: { type: 'attachment', size: 1_500_000 }, data: randomBytes(1_500_000) }]);
    expect(await openBundle(file, 'wrong horse battery')).toMatchObject({ ok: false, error: { kind: 'WrongPassphraseOrDamaged' } });
    const raw = await readFile(file);
    const hEnd = 12 + raw.readUInt32BE(8);
    const firstLen = raw.readUInt32BE(hEnd);
    const firstEnd = hEnd + 4 + firstLen + 16;

    const cut = join(tmpdir(), `cut-${Date.now()}.kbundle`);
    await writeFile(cut, raw.subarray(0, firstEnd));
    // the first chunk alone does not carry the last-chunk flag: truncation is caught
    expect(await openBundle(cut, 'correct horse battery')).toMatchObject({ ok: false });

    // the second chunk moved up to first place: its nonce says it is chunk 1, not 0
    await writeFile(cut, Buffer.concat([raw.subarray(0, hEnd), raw.subarray(firstEnd)]));
    expect(await openBundle(cut, 'correct horse battery')).toMatchObject({ ok: false, error: { kind: 'WrongPassphraseOrDamaged' } });

    const tampered = Buffer.from(raw);
    tampered[hEnd - 3] = tampered[hEnd - 3] === 0x31 ? 0x32 : 0x31;
    await writeFile(cut, tampered);
    expect(await openBundle(cut, 'correct horse battery')).toMatchObject({ ok: false });

    await writeFile(cut, Buffer.from('not a bundle at all'));
    expect(await openBundle(cut, 'correct horse battery')).toMatchObject({ ok: false, error: { kind: 'NotABundle' } });
  });
});
