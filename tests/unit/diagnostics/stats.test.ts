import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../common/domain/device-status.js';
import { JourneyJournal } from '../../../main/core/journey-journal.js';
import { silentLogger } from '../../../main/log/logger.js';
import { buildMonthlyReport } from '../../../main/stats/monthly-report.js';
import { deviceFaultsFrom, StatsRecorder } from '../../../main/stats/stats-recorder.js';
import { StatsStore } from '../../../main/stats/stats-store.js';

const at = (iso: string) => Date.parse(iso);
const setup = async () => {
  const store = new StatsStore(join(await mkdtemp(join(tmpdir(), 'kiosk-stats-')), 'stats.db'));
  const recorder = new StatsRecorder(store, silentLogger);
  const journal = new JourneyJournal();
  journal.on((e) => recorder.record(e));
  return { store, recorder, journal };
};

describe('anonymous statistics from the journey journal', () => {
  it('counts sessions, submissions per procedure, assisted vs self-service, identity sources, ratings and abandonment per step', async () => {
    const { store, recorder, journal } = await setup();
    const t = at('2026-11-10T03:00:00Z');
    // a resident who submits by QR, then rates
    journal.emit({ type: 'session.started', sessionId: 's1', at: t });
    for (const step of ['home', 'submit.identify', 'submit.form', 'submit.review'] as const) journal.emit({ type: 'session.step', sessionId: 's1', step, at: t });
    journal.emit({ type: 'identity.captured', sessionId: 's1', source: 'qr', at: t });
    journal.emit({ type: 'dossier.submitted', sessionId: 's1', procedureCode: '2.000635', assisted: false, at: t });
    journal.emit({ type: 'rating.given', level: 1, at: t });
    journal.emit({ type: 'session.ended', sessionId: 's1', reason: 'timeout', at: t });
    // an assisted one, typed by hand
    journal.emit({ type: 'session.started', sessionId: 's2', at: t });
    journal.emit({ type: 'identity.captured', sessionId: 's2', source: 'manual', at: t });
    journal.emit({ type: 'dossier.submitted', sessionId: 's2', procedureCode: '2.000635', assisted: true, at: t });
    journal.emit({ type: 'session.ended', sessionId: 's2', reason: 'completed', at: t });
    // one who gives up at the form, one who walks away at the scan (no session.started seen)
    journal.emit({ type: 'session.started', sessionId: 's3', at: t });
    journal.emit({ type: 'session.step', sessionId: 's3', step: 'submit.identify', at: t });
    journal.emit({ type: 'session.step', sessionId: 's3', step: 'submit.form', at: t });
    journal.emit({ type: 'session.ended', sessionId: 's3', reason: 'user', at: t });
    journal.emit({ type: 'session.step', sessionId: 's4', step: 'submit.scan', at: t });
    journal.emit({ type: 'session.ended', sessionId: 's4', reason: 'timeout', at: t });
    // a tracking visit that ends as it should is not an abandonment
    journal.emit({ type: 'session.step', sessionId: 's5', step: 'track', at: t });
    journal.emit({ type: 'session.ended', sessionId: 's5', reason: 'completed', at: t });
    journal.emit({ type: 'device.error', device: 'printer', kind: 'PaperOut', at: t });
    // next month: not in November's figures
    journal.emit({ type: 'dossier.submitted', sessionId: 's6', procedureCode: '1.000894', assisted: false, at: at('2026-11-30T17:30:00Z') });
    await recorder.flush();

    const s = await store.summary('2026-11-01', '2026-11-30');
    expect(s).toMatchObject({
      sessions: 5,
      sessionEnds: { timeout: 2, completed: 2, user: 1 },
      submissions: [{ procedureCode: '2.000635', selfService: 1, assisted: 1 }],
      identitySource: { qr: 1, manual: 1, chip: 0 },
      satisfaction: { '1': 1, '2': 0, '3': 0 },
      assisted: 1,
      selfService: 1,
      deviceErrors: [{ device: 'printer', kind: 'PaperOut', count: 1 }],
    });
    expect(s.steps).toEqual(
      expect.arrayContaining([
        { step: 'submit.form', reached: 2, abandoned: 1 },
        { step: 'submit.scan', reached: 1, abandoned: 1 },
        { step: 'submit.review', reached: 1, abandoned: 0 },
        { step: 'track', reached: 1, abandoned: 0 },
      ]),
    );
    // 17:30 UTC on 30 November is 1 December in Vietnam
    expect((await store.summary('2026-12-01', '2026-12-01')).submissions).toEqual([{ procedureCode: '1.000894', selfService: 1, assisted: 0 }]);
    await store.close();
  });

  it('counts device faults as the device manager sees them, not the state at start', async () => {
    const { store, recorder } = await setup();
    const st = (state: DeviceStatus['state'], extra: Partial<DeviceStatus> = {}): DeviceStatus => ({ id: 'printer', state, implementation: 'real', since: '', ...extra });
    const scanner: DeviceStatus = { id: 'scanner', state: 'offline', implementation: 'real', since: '' };
    const seen: string[] = [];
    const watch = deviceFaultsFrom([st('online', { media: 'ok' }), scanner], (device, kind) => {
      seen.push(`${device}:${kind}`);
      recorder.fault(device, kind, at('2026-11-10T03:00:00Z'));
    });
    watch([st('online', { media: 'ok' }), scanner]);
    watch([st('userError', { media: 'out', lastError: 'PaperOut: printer is out of paper' }), scanner]);
    watch([st('userError', { media: 'out', lastError: 'PaperOut: printer is out of paper' }), scanner]);
    watch([st('online', { media: 'ok' }), { ...scanner, state: 'hardwareError', lastError: 'scanimage timed out' }]);
    expect(seen).toEqual(['printer:PaperOut', 'scanner:hardwareError']);
    await recorder.flush();
    expect((await store.summary('2026-11-01', '2026-11-30')).deviceFaults).toEqual([
      { device: 'printer', kind: 'PaperOut', count: 1 },
      { device: 'scanner', kind: 'hardwareError', count: 1 },
    ]);
    await store.close();
  });
});

describe('the monthly report', () => {
  it('gives online dossiers per procedure and how many were assisted, as CSV and as a page with a chart', async () => {
    const { store, recorder, journal } = await setup();
    const t = at('2026-11-10T03:00:00Z');
    journal.emit({ type: 'dossier.submitted', sessionId: 'a', procedureCode: '2.000635', assisted: false, at: t });
    journal.emit({ type: 'dossier.submitted', sessionId: 'b', procedureCode: '2.000635', assisted: true, at: t });
    journal.emit({ type: 'dossier.submitted', sessionId: 'c', procedureCode: '1.000894', assisted: false, at: t });
    await recorder.flush();
    const report = buildMonthlyReport({
      month: '2026-11',
      summary: await store.summary('2026-11-01', '2026-11-30'),
      delivered: new Map([['2.000635', 2]]),
      procedureNames: new Map([['2.000635', 'Cấp bản sao trích lục hộ tịch'], ['1.000894', '=HYPERLINK("x")']]),
      siteName: 'Tòa nhà A',
      siteId: 'toa-a',
      kioskId: 'KIOSK01',
      generatedAt: '2026-12-01T00:00:00.000Z',
    });
    expect(report.csv.split('\r\n')).toEqual([
      '\uFEFFmonth,procedure_code,procedure_name,online_dossiers,self_service,assisted,delivered_to_city',
      // a name that would run as a spreadsheet formula is defused
      `2026-11,1.000894,"'=HYPERLINK(""x"")",1,1,0,0`,
      '2026-11,2.000635,Cấp bản sao trích lục hộ tịch,2,1,1,2',
      '2026-11,TOTAL,,3,2,1,2',
      '',
    ]);
    expect(report.html).toMatch(/<svg[^>]*role="img"/);
    expect(report.html).toContain('Cấp bản sao trích lục hộ tịch');
    expect(report.html).not.toContain('=HYPERLINK("x")');
    expect(report.html).not.toMatch(/<script|src=|href=/);
    await store.close();
  });
});
