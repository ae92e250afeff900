import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { kioskMethods, type KioskMethod } from '../../../common/kiosk-api/methods.js';
import { openBundle } from '../../../main/diagnostics/bundle.js';
import { localExportDir } from '../../../main/diagnostics/export-targets.js';
import { RESTART_EXIT_CODE } from '../../../main/diagnostics/shell-control.js';
import { applicant, closedPort, startDiagApp, submitDossier, type DiagApp } from './diag-app.js';

const diagMethods = kioskMethods.filter((m): m is Extract<KioskMethod, `diag.${string}`> => m.startsWith('diag.'));

/** the smallest valid arguments of each diag method, so a refusal is about the role, not the args */
const minimalArgs: Record<(typeof diagMethods)[number], unknown> = {
  'diag.devices': {},
  'diag.printTest': {},
  'diag.scanTest': {},
  'diag.cardTest': { payload: 'x' },
  'diag.queueSummary': {},
  'diag.queueList': {},
  'diag.queueRetry': { ref: 'KIOSK01-000000-0001' },
  'diag.exportTargets': {},
  'diag.queueExport': { refs: ['KIOSK01-000000-0001'], dir: '/tmp', passphrase: 'correct horse battery' },
  'diag.network': {},
  'diag.config': {},
  'diag.configReload': {},
  'diag.logs': {},
  'diag.logsExport': { dir: '/tmp' },
  'diag.system': {},
  'diag.restart': {},
  'diag.exitKiosk': {},
  'diag.stats': {},
  'diag.statsMonthly': { month: '2026-11' },
  'diag.audit': {},
};

describe('diagnostics with the city unreachable: queue, export, devices, audit', () => {
  let app: DiagApp;
  beforeAll(async () => {
    const port = await closedPort();
    app = await startDiagApp({ site: (s) => (s.city = { baseUrl: `http://127.0.0.1:${port}/v1`, auth: { type: 'none' }, simulator: false, connectTimeoutSeconds: 1 }) });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses every diag method without a technician, and with an officer, writing the refused actions to the audit', async () => {
    expect(diagMethods.length).toBe(Object.keys(minimalArgs).length);
    for (const m of diagMethods) expect(await app.core.dispatch(m, minimalArgs[m]), m).toMatchObject({ ok: false, error: { kind: 'NotAuthorized' } });
    await app.unlock('officer');
    for (const m of diagMethods) expect(await app.core.dispatch(m, minimalArgs[m]), m).toMatchObject({ ok: false, error: { kind: 'NotAuthorized' } });
    await app.call('auth.lock', {});
    await app.unlock('technician');
    const audit = await app.call('diag.audit', {});
    expect(audit.ok).toBe(true);
    if (!audit.ok) return;
    expect(audit.value).toContainEqual(expect.objectContaining({ operatorId: 'officer-test', role: 'officer', action: 'diag.queueExport', result: 'NotAuthorized' }));
    expect(audit.value).toContainEqual(expect.objectContaining({ operatorId: 'unknown', role: 'unknown', action: 'diag.restart', result: 'NotAuthorized' }));
    // views are not audited: the screens poll them
    expect(audit.value.some((e) => e.action === 'diag.devices')).toBe(false);
  });

  it('shows each device with its status and counters', async () => {
    await app.unlock();
    const r = await app.call('diag.devices', {});
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    expect(r.value.map((d) => d.status.id)).toEqual(['printer', 'scanner', 'idReader']);
    expect(r.value[0]?.counters).toHaveProperty('receiptsPrinted');
  });

  it('prints the Vietnamese test receipt and shows the simulator’s rendering', async () => {
    await app.unlock();
    const r = await app.call('diag.printTest', {});
    expect(r).toMatchObject({ ok: true, value: { bytes: expect.any(Number), preview: { png: expect.stringMatching(/^data:image\/png;base64,/) } } });
    // raster text mode: the words are pixels; the QR the receipt carries is read back
    if (r.ok) expect(r.value.preview?.text).toContain('KIOSK-PRINTER-TEST');
  });

  it('scans a test page and shows it', async () => {
    await app.unlock();
    const r = await app.call('diag.scanTest', {});
    expect(r).toMatchObject({ ok: true, value: { image: expect.stringMatching(/^data:image\/jpeg;base64,/), implementation: 'simulator' } });
    if (r.ok) expect(r.value.widthPx).toBeGreaterThan(0);
  });

  it('reads a card and shows it masked: ID 0010******56, initials only', async () => {
    await app.unlock();
    const r = await app.call('diag.cardTest', { simulate: true, timeoutSeconds: 5 });
    expect(r).toEqual({ ok: true, value: { idNumberMasked: '0010******56', initials: 'N. V. A.', source: 'qr', warnings: [], implementation: 'simulator' } });
    const typed = await app.call('diag.cardTest', { payload: '001090123456|123456789|Nguyễn Văn Anh|01011990|Nam|Số 12 phố Hàng Bạc, Hà Nội|15042021' });
    expect(typed).toMatchObject({ ok: true, value: { idNumberMasked: '0010******56', initials: 'N. V. A.' } });
    const bad = await app.call('diag.cardTest', { payload: '001090123456|123456789|Nguyễn Văn Anh|01011990|Nữ|Hà Nội|15042021' });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'InvalidIdPayload' } });
    if (!bad.ok) expect(bad.error.message).not.toContain('001090123456');
  });

  it('lists the queue with masked applicants, retries a pending dossier now and returns a dead one to the queue', async () => {
    const first = await submitDossier(app);
    const second = await submitDossier(app, '1.004746');
    await app.unlock();
    const summary = await app.call('diag.queueSummary', {});
    expect(summary).toMatchObject({ ok: true, value: { lastDeliveredAt: null, oldestPendingAt: expect.any(String) } });
    if (summary.ok) expect(summary.value.counts.submitted + summary.value.counts.uploading).toBeGreaterThanOrEqual(2);

    const list = await app.call('diag.queueList', { states: ['submitted', 'uploading'] });
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    const item = list.value.items.find((i) => i.localCode === first);
    expect(item).toMatchObject({ procedureCode: '2.000635', assisted: false, applicant: { idNumberMasked: '0010******56', initials: 'N. V. A.' }, nextAttemptAt: expect.any(String) });
    expect(JSON.stringify(list.value)).not.toContain(applicant.idNumber);

    const pending = await app.call('diag.queueRetry', { ref: first });
    expect(pending).toMatchObject({ ok: true, value: { localCode: first, state: expect.stringMatching(/^(submitted|uploading)$/) } });

    const kept = await app.outbox.findByLocalCode(second);
    if (!kept.ok) throw new Error('second dossier missing');
    await app.outbox.markDead(kept.value.id, 'CityRejected: 422 test');
    const revived = await app.call('diag.queueRetry', { ref: second });
    expect(revived).toMatchObject({ ok: true, value: { previousState: 'dead', state: 'submitted' } });
    expect((await app.outbox.findByLocalCode(second)).ok && (await app.outbox.get(kept.value.id))).toMatchObject({ ok: true, value: { state: expect.stringMatching(/^(submitted|uploading)$/), attempts: 0 } });
    expect(await app.call('diag.queueRetry', { ref: 'NOPE01-000000-0001' })).toMatchObject({ ok: false, error: { kind: 'DossierNotFound' } });

    const audit = await app.call('diag.audit', { limit: 20 });
    expect(audit.ok && audit.value).toContainEqual(expect.objectContaining({ operatorId: 'tech-test', role: 'technician', action: 'diag.queueRetry', target: second, result: 'ok' }));
  });

  it('exports chosen dossiers as an encrypted bundle, with a manifest that carries no PII', async () => {
    const code = await submitDossier(app);
    await app.unlock();
    const targets = await app.call('diag.exportTargets', {});
    expect(targets.ok && targets.value).toContainEqual(expect.objectContaining({ path: localExportDir(app.dataDir), removable: false }));

    // only an export folder: not anywhere the kiosk's user may write
    const elsewhere = join(tmpdir());
    expect(await app.call('diag.queueExport', { refs: [code], dir: elsewhere, passphrase: 'correct horse battery' })).toMatchObject({ ok: false, error: { kind: 'ExportFailed' } });

    const dir = join(localExportDir(app.dataDir), 'usb');
    await mkdir(dir, { recursive: true });
    const r = await app.call('diag.queueExport', { refs: [code], dir, passphrase: 'correct horse battery' });
    expect(r).toMatchObject({ ok: true, value: { dossiers: 1, attachments: 1 } });
    if (!r.ok) return;
    const bundle = await readFile(r.value.bundlePath);
    const manifest = await readFile(r.value.manifestPath, 'utf8');
    for (const s of [applicant.idNumber, applicant.fullName, 'Hàng Bạc']) {
      expect(bundle.includes(Buffer.from(s)), s).toBe(false);
      expect(manifest, s).not.toContain(s);
    }
    expect(JSON.parse(manifest)).toMatchObject({ sha256: r.value.sha256, dossiers: [{ localCode: code, procedureCode: '2.000635' }] });

    expect(await openBundle(r.value.bundlePath, 'wrong passphrase!')).toMatchObject({ ok: false, error: { kind: 'WrongPassphraseOrDamaged' } });
    const opened = await openBundle(r.value.bundlePath, 'correct horse battery');
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const dossier = opened.records.find((x) => x.meta.type === 'dossier');
    expect(dossier?.meta).toMatchObject({ record: { localCode: code }, submission: { applicant: { idNumber: applicant.idNumber, fullName: applicant.fullName } } });
    const pdf = opened.records.find((x) => x.meta.type === 'attachment');
    expect(pdf?.data?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // the dossier stays in the queue: the bundle is a copy
    expect(await app.outbox.findByLocalCode(code)).toMatchObject({ ok: true, value: { state: expect.stringMatching(/^(submitted|uploading)$/) } });
  });

  it('reports the city unreachable, with the error', async () => {
    await app.unlock();
    const r = await app.call('diag.network', {});
    expect(r).toMatchObject({ ok: true, value: { reachable: false, latencyMs: null, error: expect.stringMatching(/^City(Unreachable|Timeout)/), auth: 'none' } });
  });

  it('shows disk, memory and uptime; exit-kiosk is not available in the browser host', async () => {
    await app.unlock();
    const r = await app.call('diag.system', {});
    expect(r).toMatchObject({ ok: true, value: { dataDir: app.dataDir, shell: 'browser-host', canExitKiosk: false } });
    if (r.ok) expect(r.value.diskFreeBytes).toBeGreaterThan(0);
    expect(await app.call('diag.exitKiosk', {})).toMatchObject({ ok: false, error: { kind: 'NotAvailable' } });
  });
});

describe('diagnostics with the city simulator: network, config, logs, restart, statistics', () => {
  let app: DiagApp;
  beforeAll(async () => {
    app = await startDiagApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('reaches the city and says how fast, and when it last delivered', async () => {
    await submitDossier(app);
    await app.unlock();
    await expect.poll(async () => ((await app.call('diag.queueSummary', {})) as { ok: true; value: { lastDeliveredAt: string | null } }).value.lastDeliveredAt, { timeout: 15_000 }).not.toBeNull();
    const r = await app.call('diag.network', {});
    expect(r).toMatchObject({ ok: true, value: { reachable: true, error: null, latencyMs: expect.any(Number), lastDeliveredAt: expect.any(String), certificates: [] } });
  });

  it('shows the config, refuses an invalid reload with the reason and keeps the running config, then applies a valid one', async () => {
    await app.unlock();
    const before = await app.call('diag.config', {});
    expect(before).toMatchObject({ ok: true, value: { siteId: 'test-fast', kioskId: 'TEST01', appVersion: expect.any(String), shell: 'browser-host' } });
    const good = await readFile(app.sitePath, 'utf8');
    const site = JSON.parse(good) as { kiosk: { id: string }; hotline: { phone: string } };
    await writeFile(app.sitePath, JSON.stringify({ ...site, kiosk: { id: 'bad id!' } }));
    const refused = await app.call('diag.configReload', {});
    expect(refused).toMatchObject({ ok: true, value: { applied: false, reason: expect.stringContaining('kiosk.id'), config: { kioskId: 'TEST01' } } });
    expect(app.config.current.kiosk.id).toBe('TEST01');
    await writeFile(app.sitePath, JSON.stringify({ ...site, hotline: { ...site.hotline, phone: '1900 1234' } }));
    expect(await app.call('diag.configReload', {})).toMatchObject({ ok: true, value: { applied: true, changed: true, restartNeeded: false } });
    expect(app.config.current.hotline.phone).toBe('1900 1234');
    const audit = await app.call('diag.audit', {});
    expect(audit.ok && audit.value.filter((e) => e.action === 'diag.configReload').map((e) => e.result)).toEqual(['ok', 'ConfigInvalid']);
  });

  it('tails the logs with filters and exports them', async () => {
    await app.unlock();
    const tail = await app.call('diag.logs', { component: 'app' });
    expect(tail).toMatchObject({ ok: true, value: { lines: [expect.objectContaining({ component: 'app', message: 'core ready' })] } });
    if (tail.ok) expect(tail.value.components).toContain('dossier');
    const warn = await app.call('diag.logs', { level: 'error' });
    expect(warn.ok && warn.value.lines.every((l) => l.level === 'error')).toBe(true);
    const r = await app.call('diag.logsExport', { dir: localExportDir(app.dataDir) });
    expect(r).toMatchObject({ ok: true, value: { files: [expect.stringMatching(/kiosk\.jsonl$/)] } });
    if (r.ok) expect(await readFile(r.value.files[0] ?? '', 'utf8')).toContain('"core ready"');
  });

  it('statistics and the monthly report come back as CSV and a printable page with a chart', async () => {
    await app.unlock();
    expect(await app.call('diag.stats', {})).toMatchObject({ ok: true, value: { sessions: expect.any(Number) } });
    const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
    const r = await app.call('diag.statsMonthly', { month });
    expect(r).toMatchObject({ ok: true, value: { month } });
    if (!r.ok) return;
    expect(r.value.csv.split('\r\n')[0]).toBe('\uFEFFmonth,procedure_code,procedure_name,online_dossiers,self_service,assisted,delivered_to_city');
    // the dossier delivered above counts in the city's column
    expect(r.value.csv).toMatch(new RegExp(`^${month},2\\.000635,Cấp bản sao trích lục hộ tịch,\\d+,\\d+,\\d+,[1-9]`, 'm'));
    expect(r.value.html).toContain('<svg');
    expect(r.value.html).not.toContain('<script');
  });

  it('restarts by ending the process with the restart exit code once the reply is out', async () => {
    await app.unlock();
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    try {
      const r = await app.call('diag.restart', {});
      expect(r).toEqual({ ok: true, value: { exitCode: RESTART_EXIT_CODE, inMs: expect.any(Number) } });
      expect(exit).not.toHaveBeenCalled();
      await expect.poll(() => exit.mock.calls.length, { timeout: 3000 }).toBe(1);
      expect(exit).toHaveBeenCalledWith(RESTART_EXIT_CODE);
    } finally {
      exit.mockRestore();
    }
    const audit = await app.call('diag.audit', { limit: 5 });
    expect(audit.ok && audit.value[0]).toMatchObject({ action: 'diag.restart', result: 'ok', operatorId: 'tech-test' });
    expect(existsSync(join(app.dataDir, 'audit', 'audit.db'))).toBe(true);
  });
});
