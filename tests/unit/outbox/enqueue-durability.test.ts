import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../main/db/sqlite-db.js';
import { outboxFixture, resident, sampleInput, type OutboxFixture } from '../../helpers/outbox-fixtures.js';

let fx: OutboxFixture;
beforeEach(async () => {
  fx = await outboxFixture(Date.parse('2026-11-23T03:00:00Z'));
});
afterEach(() => fx.cleanup());

const dataDir = () => join(fx.dir, 'data');
const attDir = () => join(dataDir(), 'attachments');

describe('enqueue', () => {
  it('writes the row and one sealed pack file for the attachments; after a restart everything decrypts to the input', async () => {
    const input = sampleInput(3);
    let outbox = await fx.open();
    const r = await outbox.enqueue(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.localCode).toBe('K0007-261123-0001');
    expect(r.value.submittedAt).toBe('2026-11-23T03:00:00.000Z');
    const names = await readdir(attDir());
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^[0-9a-f]{64}$/);
    // content-addressed: the name is the sha256 of every item's header (version | iv | GCM tag,
    // which binds its ciphertext) and its plaintext's sha256, items laid end to end in order
    const pack = await readFile(join(attDir(), names[0]!));
    const manifest = createHash('sha256').update('kiosk-outbox/pack/v2\n');
    let at = 0;
    for (const a of input.attachments) {
      manifest.update(pack.subarray(at, at + 29)).update(createHash('sha256').update(a.bytes).digest());
      at += 29 + a.bytes.length;
    }
    expect(at).toBe(pack.length);
    expect(manifest.digest('hex')).toBe(names[0]);
    await outbox.close();

    outbox = await fx.open();
    const rec = await outbox.get(r.value.id);
    expect(rec.ok && rec.value.state).toBe('submitted');
    const sub = await outbox.readSubmission(r.value.id);
    expect(sub.ok).toBe(true);
    if (!sub.ok) return;
    expect(sub.value.applicant).toEqual(input.submission.applicant);
    expect(sub.value.form).toEqual(input.submission.form);
    expect(sub.value.localCode).toBe(r.value.localCode);
    expect(sub.value.attachments.map((a) => a.fileName)).toEqual(['trang-1.pdf', 'trang-2.pdf', 'trang-3.pdf']);
    for (const [seq, a] of input.attachments.entries()) {
      const bytes = await outbox.readAttachment(r.value.id, seq);
      expect(bytes.ok && bytes.value.equals(a.bytes)).toBe(true);
    }
    expect(outbox.startupIntegrity?.orphanFiles).toEqual([]);
    await outbox.close();
  });

  it('refuses a dossier that breaks the contract, writing nothing', async () => {
    const outbox = await fx.open();
    const input = sampleInput(1);
    input.submission.applicant.idNumber = '12345';
    const r = await outbox.enqueue(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('InvalidDossier');
    expect(r.error.issues?.[0]?.path).toBe('applicant.idNumber');
    expect(await readdir(attDir())).toEqual([]);
    expect((await outbox.counts()).counts.submitted).toBe(0);
    await outbox.close();
  });

  it('keeps PII out of the .db, the -wal and the attachment files (ID, name in NFC and NFD, address, phone)', async () => {
    const outbox = await fx.open();
    const input = sampleInput(2);
    // the scans themselves carry the name too: a page's bytes must be sealed like the rest
    input.attachments[0]!.bytes = Buffer.concat([Buffer.from(`Họ và tên: ${resident.fullName} — ${resident.idNumber}`), input.attachments[0]!.bytes]);
    expect((await outbox.enqueue(input)).ok).toBe(true);

    const needles = [resident.idNumber, resident.fullName.normalize('NFC'), resident.fullName.normalize('NFD'), resident.address, resident.phone, resident.email].map((s) =>
      Buffer.from(s, 'utf8'),
    );
    expect(needles[1]!.equals(needles[2]!)).toBe(false);
    const scan = async () => {
      const files = [join(dataDir(), 'outbox.db'), join(dataDir(), 'outbox.db-wal'), ...(await readdir(attDir())).map((n) => join(attDir(), n))];
      let scanned = 0;
      for (const f of files) {
        const bytes = await readFile(f).catch(() => null);
        if (!bytes) continue;
        scanned += bytes.length;
        for (const n of needles) expect(bytes.includes(n), `${n.toString()} found in ${f}`).toBe(false);
      }
      return scanned;
    };
    // before close the dossier lives in the WAL; after close it is checkpointed into the .db
    const walBytes = (await readFile(join(dataDir(), 'outbox.db-wal'))).length;
    expect(walBytes).toBeGreaterThan(0);
    expect(await scan()).toBeGreaterThan(8192);
    await outbox.close();
    await scan();
    // the scanner itself finds the needle when it is there (the test can fail)
    await writeFile(join(attDir(), 'probe'), Buffer.from(resident.fullName.normalize('NFD')));
    await expect(scan()).rejects.toThrow();
  });

  it('a flipped ciphertext byte is a typed Tampered error, not garbage', async () => {
    const outbox = await fx.open();
    const r = await outbox.enqueue(sampleInput(1));
    if (!r.ok) throw new Error('enqueue');
    await outbox.close();

    const db = await openDb(join(dataDir(), 'outbox.db'));
    const row = await db.get<{ payload_enc: Buffer }>(`SELECT payload_enc FROM dossiers`);
    const flipped = Buffer.from(row!.payload_enc);
    flipped[flipped.length - 5]! ^= 0x01;
    await db.run(`UPDATE dossiers SET payload_enc = ?`, [flipped]);
    const att = await db.get<{ storage_ref: string }>(`SELECT storage_ref FROM attachments`);
    await db.close();

    const reopened = await fx.open({ checkOnOpen: false });
    const sub = await reopened.readSubmission(r.value.id);
    expect(sub.ok ? 'decrypted' : sub.error.kind).toBe('Tampered');

    // an attachment file: flip a byte (its hash no longer matches its name)
    const path = join(attDir(), att!.storage_ref);
    const bytes = await readFile(path);
    bytes[40]! ^= 0x80;
    await writeFile(path, bytes);
    const a = await reopened.readAttachment(r.value.id, 0);
    expect(a.ok ? 'decrypted' : a.error.kind).toBe('Tampered');
    await reopened.close();
  });

  it('blobs swapped between rows are refused: the associated data binds each to its dossier', async () => {
    const outbox = await fx.open();
    const one = await outbox.enqueue(sampleInput(1));
    const two = await outbox.enqueue(sampleInput(1));
    const pair = await outbox.enqueue(sampleInput(2));
    if (!one.ok || !two.ok || !pair.ok) throw new Error('enqueue');
    await outbox.close();

    const db = await openDb(join(dataDir(), 'outbox.db'));
    const rows = await db.all<{ id: string; payload_enc: Buffer }>(`SELECT id, payload_enc FROM dossiers ORDER BY local_code`);
    const refs = await db.all<{ dossier_id: string; storage_ref: string }>(`SELECT dossier_id, storage_ref FROM attachments WHERE dossier_id IN (?, ?) ORDER BY dossier_id`, [
      one.value.id,
      two.value.id,
    ]);
    await db.run(`UPDATE dossiers SET payload_enc = ? WHERE id = ?`, [rows[1]!.payload_enc, rows[0]!.id]);
    await db.run(`UPDATE dossiers SET payload_enc = ? WHERE id = ?`, [rows[0]!.payload_enc, rows[1]!.id]);
    // point each attachment row at the other dossier's (intact) file
    await db.run(`UPDATE attachments SET storage_ref = ? WHERE dossier_id = ?`, [refs[1]!.storage_ref, refs[0]!.dossier_id]);
    await db.run(`UPDATE attachments SET storage_ref = ? WHERE dossier_id = ?`, [refs[0]!.storage_ref, refs[1]!.dossier_id]);
    // and within one dossier: page 1's row pointing at page 2's bytes
    const places = await db.all<{ storage_offset: number }>(`SELECT storage_offset FROM attachments WHERE dossier_id = ? ORDER BY seq`, [pair.value.id]);
    await db.run(`UPDATE attachments SET storage_offset = ? WHERE dossier_id = ? AND seq = 0`, [places[1]!.storage_offset, pair.value.id]);
    await db.close();

    const reopened = await fx.open({ checkOnOpen: false });
    for (const id of [one.value.id, two.value.id]) {
      const sub = await reopened.readSubmission(id);
      expect(sub.ok ? 'decrypted' : sub.error.kind).toBe('Tampered');
      const att = await reopened.readAttachment(id, 0);
      expect(att.ok ? 'decrypted' : att.error.kind).toBe('Tampered');
    }
    const moved = await reopened.readAttachment(pair.value.id, 0);
    expect(moved.ok ? 'decrypted' : moved.error.kind).toBe('Tampered');
    expect((await reopened.readAttachment(pair.value.id, 1)).ok).toBe(true);
    await reopened.close();
  });

  it('sets WAL, synchronous=FULL and foreign keys on the connection', async () => {
    const outbox = await fx.open();
    await outbox.close();
    const db = await openDb(join(dataDir(), 'outbox.db'));
    expect(await db.get(`PRAGMA journal_mode`)).toEqual({ journal_mode: 'wal' });
    expect(await db.get(`PRAGMA synchronous`)).toEqual({ synchronous: 2 });
    expect(await db.get(`PRAGMA foreign_keys`)).toEqual({ foreign_keys: 1 });
    await db.close();
  });
});
