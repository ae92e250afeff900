import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../common/kiosk-api/events.js';
import { startBrowserHost, type BrowserHost } from '../../../main/browser-host/server.js';
import { silentLogger } from '../../../main/log/logger.js';
import { realPrinterSite, simCall, startHostedJourneyApp } from '../../helpers/sim-control-http.js';
import { dossierArgs, startSession, type JourneyApp } from '../../helpers/journey-app.js';

// /__sim/ on the browser host: the e2e tests' hand on the simulated devices, behind the
// launch token, and absent when the site has real devices.

const call = simCall;

describe('sim control on a site of simulators', () => {
  let app: JourneyApp;
  let host: BrowserHost;
  let close = async () => {};
  const events: KioskEvent[] = [];
  beforeAll(async () => {
    ({ app, host, close } = await startHostedJourneyApp({}, events));
  });
  afterAll(() => close());
  const reads = () => events.flatMap((e) => (e.type === 'reader.read' ? [e.read] : []));

  it.each([
    ['no token', { token: null }, 401],
    ['a wrong token', { token: 'x'.repeat(43) }, 401],
    ['a token of another length', { token: 'short' }, 401],
    ['a foreign Origin', { headers: { Origin: 'http://evil.example' } }, 403],
    ['a rebinding Host', { headers: { Host: 'evil.example' } }, 403],
  ] as const)('refuses %s', async (_name, opts, status) => {
    const before = reads().length;
    const r = await call(host, 'POST', '/__sim/id-reader', { ...opts, body: { sample: 0 } });
    expect(r.status).toBe(status);
    expect(r.json()).toEqual({ error: expect.any(String) });
    await startSession(app);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads().length).toBe(before);
  });

  it('lists what it can drive', async () => {
    const r = await call(host, 'GET', '/__sim/');
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({
      idReader: { samples: expect.arrayContaining([{ index: 0, expect: 'valid', why: expect.any(String) }]) },
      printer: expect.objectContaining({ paper: 'ok', online: true }),
      scanner: { feederSheets: 10 },
    });
  });

  it('presents a sample card, a raw payload, a receipt code and garbage through the simulated reader', async () => {
    const sessionId = await startSession(app);
    events.length = 0;
    for (const body of [{ sample: 1 }, { payload: '001090123456||Nguyễn Văn An|01011990|Nam|Hà Nội|15042021' }, { trackingCode: 'TEST01-261124-0009' }, { garbage: true }]) {
      const before = reads().length;
      expect((await call(host, 'POST', '/__sim/id-reader', { body })).json()).toEqual({ presented: true });
      await expect.poll(() => reads().length).toBe(before + 1);
    }
    expect(reads()).toEqual([
      { kind: 'identity', identity: expect.objectContaining({ idNumber: '079301004512' }) },
      { kind: 'identity', identity: expect.objectContaining({ idNumber: '001090123456' }) },
      { kind: 'trackingCode', code: 'TEST01-261124-0009' },
      { kind: 'invalid', field: 'payload', rule: 'unreadable' },
    ]);
    expect(events.filter((e) => e.type === 'reader.read').every((e) => e.type === 'reader.read' && e.sessionId === sessionId)).toBe(true);
    expect((await call(host, 'POST', '/__sim/id-reader', { body: { sample: 999 } })).status).toBe(400);
    expect((await call(host, 'POST', '/__sim/id-reader', { body: { sample: 0, payload: 'x' } })).status).toBe(400);
  });

  it('runs the printer out of paper and back; the receipts it printed can be read', async () => {
    const sessionId = await startSession(app);
    const r = await app.core.dispatch('dossier.submit', dossierArgs(sessionId, '2.000635'));
    if (!r.ok) throw new Error(r.error.message);
    const { localCode } = r.value as { localCode: string };
    expect((await call(host, 'POST', '/__sim/printer', { body: { paper: 'out' } })).json()).toMatchObject({ paper: 'out' });
    expect(await app.core.dispatch('receipt.print', { sessionId, localCode })).toMatchObject({ ok: false, error: { kind: 'PaperOut' } });
    expect((await call(host, 'POST', '/__sim/printer', { body: { paper: 'ok' } })).json()).toMatchObject({ paper: 'ok' });
    expect(await app.core.dispatch('receipt.print', { sessionId, localCode })).toMatchObject({ ok: true });
    const printed = (await call(host, 'GET', '/__sim/printer/receipts')).json<{ text: string }[]>();
    expect(printed.at(-1)?.text).toContain(`[QR ${localCode}]`);
    expect((await call(host, 'POST', '/__sim/printer', { body: { paper: 'empty' } })).status).toBe(400);
  });

  it('empties the scanner feeder: a feeder scan then says FeederEmpty', async () => {
    const sessionId = await startSession(app);
    expect((await call(host, 'POST', '/__sim/scanner', { body: { feederSheets: 0 } })).json()).toEqual({ feederSheets: 0 });
    expect(await app.core.dispatch('scan.pages', { sessionId, componentId: 'to-khai', source: 'feeder' })).toMatchObject({ ok: false, error: { kind: 'FeederEmpty' } });
    await call(host, 'POST', '/__sim/scanner', { body: { feederSheets: 10 } });
    expect(await app.core.dispatch('scan.pages', { sessionId, componentId: 'to-khai', source: 'feeder', maxPages: 1 })).toMatchObject({ ok: true });
  });

  it('takes the scanner away and brings it back: the device status says so at once', async () => {
    const scannerState = () => app.devices.manager.statuses().find((d) => d.id === 'scanner')?.state;
    events.length = 0;
    await call(host, 'POST', '/__sim/scanner', { body: { fault: 'absent' } });
    expect(scannerState()).toBe('noDevice');
    await call(host, 'POST', '/__sim/scanner', { body: { fault: null } });
    expect(scannerState()).toBe('online');
    const pushed = events.flatMap((e) => (e.type === 'device.status' ? [e.devices.find((d) => d.id === 'scanner')?.state] : []));
    expect(pushed).toEqual(['noDevice', 'online']);
  });

  it('answers 404 for what it does not know and 405 for a wrong method', async () => {
    expect((await call(host, 'POST', '/__sim/coffee', { body: {} })).status).toBe(404);
    expect((await call(host, 'GET', '/__sim/printer')).status).toBe(405);
  });
});

describe('sim control is off unless every device is a simulator', () => {
  let app: JourneyApp;
  let host: BrowserHost;
  let rendererDir: string;
  let close = async () => {};
  beforeAll(async () => {
    ({ app, host, rendererDir, close } = await startHostedJourneyApp({ site: realPrinterSite }));
  });
  afterAll(() => close());

  it('has nothing to drive, even with the token', async () => {
    expect(app.sim).toBeNull();
    for (const [method, path] of [['GET', '/__sim/'], ['POST', '/__sim/id-reader'], ['POST', '/__sim/printer']] as const) {
      const r = await call(host, method, path, method === 'POST' ? { body: { sample: 0 } } : {});
      expect(r.status, `${method} ${path}`).toBe(404);
    }
  });

  it('a host started without simulators says the same', async () => {
    const plain = await startBrowserHost({ core: app.core, log: silentLogger, rendererDir });
    try {
      expect((await call(plain, 'GET', '/__sim/')).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
