import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundle } from '../../../main/diagnostics/bundle.js';
import { localExportDir } from '../../../main/diagnostics/export-targets.js';
import { runKiosk } from '../../../scripts/kiosk-cli.js';
import { applicant, piiNeedles, startDiagApp, type DiagApp } from './diag-app.js';

// After residents' journeys and a technician's whole diagnostics session, the bytes of every
// log file, every export outside the encrypted bundle, the statistics and audit files and
// every statistics output hold no ID number, name or address in clear.

const QR = `${applicant.idNumber}|${applicant.oldIdNumber}|${applicant.fullName}|01011990|Nam|${applicant.address}|15042021`;
const MANUAL = {
  idNumber: '079301004512',
  fullName: 'Trần Thị Bích Ngọc',
  dateOfBirth: '2001-02-28',
  sex: 'female' as const,
  address: '45 Lê Lợi, Phường Sài Gòn',
  issueDate: '2021-08-10',
};
const needles = [...piiNeedles, MANUAL.idNumber, MANUAL.fullName, 'Bích Ngọc', '45 Lê Lợi', QR];

const filesUnder = async (dir: string): Promise<string[]> => {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
};

/** each needle as UTF-8 bytes, and in NFD too (a decomposed ‘ễ’ is the same name) */
const leaks = (bytes: Buffer): string[] =>
  needles.filter((n) => bytes.includes(Buffer.from(n, 'utf8')) || bytes.includes(Buffer.from(n.normalize('NFD'), 'utf8')));

const cli = async (argv: string[]) => {
  const out: string[] = [];
  const code = await runKiosk(argv, { stdin: Readable.from([]), stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => out.push(t) } });
  return { code, out: out.join('') };
};

describe('no PII leaves the kiosk in clear', () => {
  let app: DiagApp;
  const outputs: { name: string; text: string }[] = [];
  let bundlePath = '';

  beforeAll(async () => {
    app = await startDiagApp();

    // a resident by QR who submits by post, prints the receipt and rates
    const s1 = await app.call('session.start', { locale: 'vi' });
    if (!s1.ok) throw new Error('session.start');
    const sid = s1.value.sessionId;
    for (const step of ['home', 'submit.devices', 'submit.identify'] as const) await app.call('session.step', { sessionId: sid, step });
    expect(await app.call('identity.fromQr', { sessionId: sid, payload: QR })).toMatchObject({ ok: true });
    // a CCCD whose fields break the rules: refused, and the refusal is logged
    await app.call('identity.fromQr', { sessionId: sid, payload: QR.replace('|Nam|', '|Nữ|') });
    // a careless caller: redaction is the logger's job, not each caller's
    app.log.warn('identity', `card read: ${QR}`, { applicant, delivery: { recipientName: applicant.fullName, address: applicant.address } });
    await app.call('session.step', { sessionId: sid, step: 'submit.scan' });
    expect(await app.call('scan.pages', { sessionId: sid, componentId: 'to-khai', source: 'flatbed' })).toMatchObject({ ok: true });
    const submitted = await app.call('dossier.submit', {
      sessionId: sid,
      procedureCode: '2.000635',
      applicant,
      form: { hoTenCha: 'Nguyễn Văn Bình', ghiChu: `liên hệ ${applicant.phone}` },
      delivery: { method: 'postal', address: applicant.address, recipientName: applicant.fullName, phone: applicant.phone },
      consent: { version: 'consent-2026-01', purposes: ['xu-ly-ho-so'], givenAt: '2026-11-24T08:00:00+07:00' },
      components: ['to-khai'],
    });
    expect(submitted).toMatchObject({ ok: true });
    if (!submitted.ok) return;
    await app.call('receipt.print', { sessionId: sid, localCode: submitted.value.localCode });
    await app.call('session.end', { sessionId: sid, reason: 'completed' });

    // a resident who types the ID by hand, then walks away at the form
    const s2 = await app.call('session.start', { locale: 'vi' });
    if (!s2.ok) throw new Error('session.start');
    await app.call('session.step', { sessionId: s2.value.sessionId, step: 'submit.identify' });
    await app.call('identity.fromManual', { sessionId: s2.value.sessionId, fields: MANUAL });
    await app.call('identity.fromManual', { sessionId: s2.value.sessionId, fields: { ...MANUAL, idNumber: '07930100451' } });
    await app.call('session.step', { sessionId: s2.value.sessionId, step: 'submit.form' });
    await app.call('session.end', { sessionId: s2.value.sessionId, reason: 'user' });

    // the technician's session: every screen and action
    await app.unlock();
    const usb = localExportDir(app.dataDir);
    for (const [m, a] of [
      ['diag.devices', {}],
      ['diag.printTest', {}],
      ['diag.scanTest', {}],
      ['diag.cardTest', { simulate: true, timeoutSeconds: 5 }],
      ['diag.cardTest', { payload: QR }],
      ['diag.cardTest', { payload: QR.replace('|Nam|', '|Nữ|') }],
      ['diag.queueSummary', {}],
      ['diag.queueList', {}],
      ['diag.queueRetry', { ref: submitted.value.localCode }],
      ['diag.network', {}],
      ['diag.config', {}],
      ['diag.configReload', {}],
      ['diag.logs', {}],
      ['diag.system', {}],
      ['diag.stats', {}],
      ['diag.audit', {}],
    ] as const) {
      outputs.push({ name: m, text: JSON.stringify(await app.core.dispatch(m, a)) });
    }
    const exported = await app.call('diag.queueExport', { refs: [submitted.value.localCode], dir: usb, passphrase: 'correct horse battery' });
    expect(exported).toMatchObject({ ok: true });
    if (exported.ok) bundlePath = exported.value.bundlePath;
    outputs.push({ name: 'diag.queueExport', text: JSON.stringify(exported) });
    expect(await app.call('diag.logsExport', { dir: usb })).toMatchObject({ ok: true });
    const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
    const report = await app.call('diag.statsMonthly', { month });
    expect(report).toMatchObject({ ok: true });
    if (report.ok) outputs.push({ name: 'monthly csv', text: report.value.csv }, { name: 'monthly html', text: report.value.html });
    await app.call('auth.lock', {});

    // the CLI's views of the same kiosk
    for (const argv of [
      ['stats', '--month', month, '--csv'],
      ['stats', '--month', month],
      ['audit', '--since', '2000-01-01'],
      ['queue', 'status'],
    ]) {
      const r = await cli([...argv, '--data-dir', app.dataDir, '--site', app.sitePath]);
      expect(r.code, argv.join(' ')).toBe(0);
      outputs.push({ name: `kiosk ${argv.join(' ')}`, text: r.out });
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the journeys were real: the statistics counted them and the bundle holds the dossier', async () => {
    const stats = outputs.find((o) => o.name === 'diag.stats')?.text ?? '';
    expect(JSON.parse(stats)).toMatchObject({ ok: true, value: { identitySource: { qr: 1, manual: 1 }, submissions: [{ procedureCode: '2.000635', selfService: 1 }] } });
    const opened = await openBundle(bundlePath, 'correct horse battery');
    expect(opened.ok && JSON.stringify(opened.records.map((r) => r.meta))).toContain(applicant.idNumber);
  });

  it('no log file, export outside the bundle, statistics or audit file holds an ID number, a name or an address', async () => {
    const files = [
      ...(await filesUnder(join(app.dataDir, 'logs'))),
      ...(await filesUnder(localExportDir(app.dataDir))).filter((f) => !f.endsWith('.kbundle')),
      ...(await filesUnder(join(app.dataDir, 'stats'))),
      ...(await filesUnder(join(app.dataDir, 'audit'))),
    ];
    expect(files.some((f) => f.endsWith('.manifest.json'))).toBe(true);
    expect(files.some((f) => /kiosk\.jsonl$/.test(f))).toBe(true);
    expect(files.some((f) => f.endsWith('audit.db'))).toBe(true);
    let scanned = 0;
    for (const f of files) {
      const bytes = await readFile(f);
      scanned += (await stat(f)).size;
      expect(leaks(bytes), f).toEqual([]);
    }
    expect(scanned).toBeGreaterThan(1000);
  });

  it('no statistics output, report or diagnostics reply holds them either', () => {
    expect(outputs.length).toBeGreaterThan(20);
    for (const o of outputs) expect(leaks(Buffer.from(o.text, 'utf8')), o.name).toEqual([]);
  });

  it('the encrypted bundle itself shows none of it without the passphrase', async () => {
    expect(leaks(await readFile(bundlePath))).toEqual([]);
  });
});
