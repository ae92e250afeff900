import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKiosk } from '../../../scripts/kiosk-cli.js';
import { applicant, closedPort, startDiagApp, submitDossier, type DiagApp } from '../diagnostics/diag-app.js';

// The CLI beside a running kiosk whose city is unreachable, on the kiosk's own data dir.

const run = async (argv: string[], stdin: string[] = []) => {
  const out: string[] = [];
  const errOut: string[] = [];
  const io = { stdin: Readable.from(stdin), stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => errOut.push(t) } };
  const code = await runKiosk(argv, io);
  return { code, out: out.join(''), err: errOut.join('') };
};

let app: DiagApp;
let pending: string;
let dead: string;
const kiosk = (argv: string[], stdin?: string[]) => run([...argv, '--data-dir', app.dataDir, '--site', app.sitePath], stdin);

beforeAll(async () => {
  const port = await closedPort();
  app = await startDiagApp({ site: (s) => (s.city = { baseUrl: `http://127.0.0.1:${port}/v1`, auth: { type: 'none' }, simulator: false, connectTimeoutSeconds: 1 }) });
  pending = await submitDossier(app);
  dead = await submitDossier(app, '1.004746');
  const d = await app.outbox.findByLocalCode(dead);
  if (!d.ok) throw new Error('no dossier');
  await app.outbox.markDead(d.value.id, 'CityRejected: 422 the city refused it');
});
afterAll(async () => {
  await app?.close();
});

describe('kiosk queue', () => {
  it('status: counts, the oldest pending, and each dead and pending dossier by its code', async () => {
    const r = await kiosk(['queue', 'status']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/dead 1/);
    expect(r.out).toMatch(/^oldest pending: \d+ min old$/m);
    expect(r.out).toMatch(new RegExp(`^dead +${dead} 1\\.004746 after \\d+ tries — CityRejected: 422`, 'm'));
    expect(r.out).toMatch(new RegExp(`^(submitted|uploading) +${pending} 2\\.000635`, 'm'));
    expect(r.out).not.toContain(applicant.idNumber);
  });

  it('retry: a dead dossier goes back to the queue, an unknown code fails, and both are audited', async () => {
    const r = await kiosk(['queue', 'retry', dead]);
    expect(r).toMatchObject({ code: 0, out: expect.stringContaining(`${dead}: dead → submitted`) });
    const d = await app.outbox.findByLocalCode(dead);
    expect(d).toMatchObject({ ok: true, value: { state: expect.stringMatching(/^(submitted|uploading)$/), attempts: 0 } });
    expect((await kiosk(['queue', 'retry', pending])).code).toBe(0);
    expect(await kiosk(['queue', 'retry', 'NOPE01-000000-0001'])).toMatchObject({ code: 1, err: expect.stringContaining('no dossier NOPE01-000000-0001') });
    expect((await kiosk(['queue', 'retry'])).code).toBe(2);
  });

  it('export: the dossiers not yet delivered into an encrypted bundle; unpack opens it with the passphrase', async () => {
    const usb = await mkdtemp(join(tmpdir(), 'kiosk-usb-'));
    expect(await kiosk(['queue', 'export', usb], ['short\n'])).toMatchObject({ code: 2 });
    const r = await kiosk(['queue', 'export', usb], ['correct horse battery\n']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^2 dossiers \(2 attachments, \d+ bytes\) → .*\.kbundle$/m);
    const files = await readdir(usb);
    const bundle = files.find((f) => f.endsWith('.kbundle'));
    const manifest = files.find((f) => f.endsWith('.manifest.json'));
    expect(bundle && manifest).toBeTruthy();
    expect(await readFile(join(usb, manifest ?? ''), 'utf8')).not.toContain(applicant.idNumber);

    const out = await mkdtemp(join(tmpdir(), 'kiosk-unpacked-'));
    expect(await kiosk(['queue', 'unpack', join(usb, bundle ?? ''), out], ['wrong horse battery\n'])).toMatchObject({ code: 1 });
    expect(await kiosk(['queue', 'unpack', join(usb, bundle ?? ''), out], ['correct horse battery\n'])).toMatchObject({ code: 0 });
    const dossier = JSON.parse(await readFile(join(out, pending, 'dossier.json'), 'utf8')) as { submission: { applicant: { idNumber: string } } };
    expect(dossier.submission.applicant.idNumber).toBe(applicant.idNumber);
    expect((await readdir(join(out, pending))).some((f) => f.endsWith('to-khai.pdf'))).toBe(true);
  });
});

describe('kiosk stats and kiosk audit', () => {
  it('stats --month prints the summary, --csv the report; a bad month is a usage error', async () => {
    const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
    const summary = await kiosk(['stats', '--month', month]);
    expect(summary.code).toBe(0);
    expect(summary.out).toMatch(/^dossiers 2: self-service 2, assisted 0$/m);
    const csv = await kiosk(['stats', '--month', month, '--csv']);
    expect(csv.code).toBe(0);
    expect(csv.out.split('\r\n')).toContain(`${month},2.000635,Cấp bản sao trích lục hộ tịch,1,1,0,0`);
    expect((await kiosk(['stats', '--month', '2026-13'])).code).toBe(2);
    expect((await kiosk(['stats'])).code).toBe(2);
  });

  it('audit --since lists the actions from that day on, oldest first; without --since it is a usage error', async () => {
    const r = await kiosk(['audit', '--since', '2000-01-01']);
    expect(r.code).toBe(0);
    const rows = r.out.split('\n').filter(Boolean);
    expect(rows.some((l) => /cli:\S+ \(technician\) {2}cli\.queue\.retry \S+ {2}ok/.test(l))).toBe(true);
    expect(rows.some((l) => /cli\.queue\.export .* {2}ok {2}2 dossiers/.test(l))).toBe(true);
    expect((await kiosk(['audit', '--since', '2999-01-01'])).out).toBe('');
    expect((await kiosk(['audit'])).code).toBe(2);
  });
});
