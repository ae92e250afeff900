import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../common/kiosk-api/events.js';
import type { BrowserHost } from '../../../main/browser-host/server.js';
import { realPrinterSite, simCall, startHostedJourneyApp } from '../../helpers/sim-control-http.js';
import { dossierArgs, startSession, type JourneyApp } from '../../helpers/journey-app.js';

// /__sim/api-faults and the printer's immediate status, over the browser host's real HTTP
// server and a real core: the next calls of a KioskApi method answer the injected error.

const call = simCall;

describe('API faults through sim control', () => {
  let app: JourneyApp;
  let host: BrowserHost;
  let close = async () => {};
  const events: KioskEvent[] = [];
  beforeAll(async () => {
    ({ app, host, close } = await startHostedJourneyApp({}, events));
  });
  afterAll(() => close());
  beforeEach(async () => {
    await call(host, 'DELETE', '/__sim/api-faults');
  });
  const track = (sessionId: string) => app.core.dispatch('dossier.track', { sessionId, code: 'TEST01-200101-9999' });

  it('answers the next `times` calls of the method with the typed error, then runs it again', async () => {
    const sessionId = await startSession(app);
    const r = await call(host, 'POST', '/__sim/api-faults', { body: { method: 'dossier.track', kind: 'Internal', times: 2, retryable: true } });
    expect(r.status).toBe(200);
    expect(r.json()).toEqual([{ method: 'dossier.track', kind: 'Internal', remaining: 2, retryable: true }]);
    for (let i = 0; i < 2; i++) expect(await track(sessionId)).toEqual({ ok: false, error: { kind: 'Internal', message: expect.any(String), retryable: true } });
    // the fault is spent: the lookup runs and says what it really found
    expect(await track(sessionId)).toMatchObject({ ok: false, error: { kind: 'DossierNotFound' } });
    expect((await call(host, 'GET', '/__sim/api-faults')).json()).toEqual([]);
  });

  it('takes faults of one method oldest first, one per call, and leaves other methods alone', async () => {
    const sessionId = await startSession(app);
    await call(host, 'POST', '/__sim/api-faults', { body: { method: 'dossier.submit', kind: 'OutboxIo' } });
    await call(host, 'POST', '/__sim/api-faults', { body: { method: 'rating.submit', kind: 'Internal' } });
    const listed = await call(host, 'POST', '/__sim/api-faults', { body: { method: 'dossier.submit', kind: 'DiskFull', retryable: false } });
    expect(listed.json()).toEqual([
      { method: 'dossier.submit', kind: 'OutboxIo', remaining: 1 },
      { method: 'rating.submit', kind: 'Internal', remaining: 1 },
      { method: 'dossier.submit', kind: 'DiskFull', remaining: 1, retryable: false },
    ]);
    expect(await app.core.dispatch('devices.status', {})).toMatchObject({ ok: true });
    const args = dossierArgs(sessionId, '2.000635');
    expect(await app.core.dispatch('dossier.submit', args)).toMatchObject({ ok: false, error: { kind: 'OutboxIo' } });
    const second = await app.core.dispatch('dossier.submit', args);
    expect(second).toMatchObject({ ok: false, error: { kind: 'DiskFull', retryable: false } });
    expect(await app.core.dispatch('dossier.submit', args)).toMatchObject({ ok: true, value: { localCode: expect.any(String) } });
    expect((await call(host, 'GET', '/__sim/api-faults')).json()).toEqual([{ method: 'rating.submit', kind: 'Internal', remaining: 1 }]);
  });

  it('a call refused for its arguments does not spend a fault', async () => {
    const sessionId = await startSession(app);
    await call(host, 'POST', '/__sim/api-faults', { body: { method: 'dossier.track', kind: 'DeviceTimeout' } });
    expect(await app.core.dispatch('dossier.track', { sessionId, code: '' })).toMatchObject({ ok: false, error: { kind: 'InvalidArguments' } });
    expect(await track(sessionId)).toMatchObject({ ok: false, error: { kind: 'DeviceTimeout' } });
  });

  it('DELETE clears every pending fault', async () => {
    const sessionId = await startSession(app);
    await call(host, 'POST', '/__sim/api-faults', { body: { method: 'dossier.track', kind: 'Internal', times: 100 } });
    const cleared = await call(host, 'DELETE', '/__sim/api-faults');
    expect(cleared.status).toBe(200);
    expect(cleared.json()).toEqual([]);
    expect(await track(sessionId)).toMatchObject({ ok: false, error: { kind: 'DossierNotFound' } });
  });

  it.each([
    ['an unknown method', { method: 'dossier.burn', kind: 'Internal' }],
    ['an unknown kind', { method: 'dossier.track', kind: 'Gremlins' }],
    ['times 0', { method: 'dossier.track', kind: 'Internal', times: 0 }],
    ['times over 100', { method: 'dossier.track', kind: 'Internal', times: 101 }],
    ['a field it does not know', { method: 'dossier.track', kind: 'Internal', delayMs: 5 }],
    ['no method', { kind: 'Internal' }],
  ])('refuses %s with 400 and keeps nothing', async (_name, body) => {
    const r = await call(host, 'POST', '/__sim/api-faults', { body });
    expect(r.status).toBe(400);
    expect(r.json()).toEqual({ error: expect.any(String) });
    expect((await call(host, 'GET', '/__sim/api-faults')).json()).toEqual([]);
  });

  it.each([
    ['no token', { token: null }, 401],
    ['a wrong token', { token: 'x'.repeat(43) }, 401],
    ['a foreign Origin', { headers: { Origin: 'http://evil.example' } }, 403],
    ['a rebinding Host', { headers: { Host: 'evil.example' } }, 403],
  ] as const)('refuses %s, for POST, GET and DELETE alike', async (_name, opts, status) => {
    await call(host, 'POST', '/__sim/api-faults', { body: { method: 'dossier.track', kind: 'Internal' } });
    expect((await call(host, 'POST', '/__sim/api-faults', { ...opts, body: { method: 'dossier.track', kind: 'Internal' } })).status).toBe(status);
    expect((await call(host, 'GET', '/__sim/api-faults', opts)).status).toBe(status);
    expect((await call(host, 'DELETE', '/__sim/api-faults', opts)).status).toBe(status);
    // the one fault set with the token is still the only one
    expect((await call(host, 'GET', '/__sim/api-faults')).json()).toEqual([{ method: 'dossier.track', kind: 'Internal', remaining: 1 }]);
  });

  it('answers 405 for another verb', async () => {
    expect((await call(host, 'PUT', '/__sim/api-faults', { body: {} })).status).toBe(405);
  });

  it('a paper change on the printer is pushed at once, not at the next status poll', async () => {
    const printerIn = (e: KioskEvent) => (e.type === 'device.status' ? e.devices.find((d) => d.id === 'printer') : undefined);
    events.length = 0;
    await call(host, 'POST', '/__sim/printer', { body: { paper: 'out' } });
    // pushed before the answer came back: the idle poll is 10 s away
    expect(events.map(printerIn).at(-1)).toMatchObject({ state: 'userError', media: 'out' });
    expect(app.devices.manager.statuses().find((d) => d.id === 'printer')).toMatchObject({ media: 'out' });
    events.length = 0;
    await call(host, 'POST', '/__sim/printer', { body: { paper: 'ok' } });
    expect(events.map(printerIn).at(-1)).toMatchObject({ state: 'online', media: 'ok' });
    // nothing changed: the statuses are still pushed, once
    events.length = 0;
    await call(host, 'POST', '/__sim/printer', { body: { paper: 'ok' } });
    expect(events.filter((e) => e.type === 'device.status')).toHaveLength(1);
  });
});

describe('API faults do not exist without sim control', () => {
  let app: JourneyApp;
  let host: BrowserHost;
  let close = async () => {};
  beforeAll(async () => {
    ({ app, host, close } = await startHostedJourneyApp({ site: realPrinterSite }));
  });
  afterAll(() => close());

  it('has no route, even with the token, and the calls run', async () => {
    expect(app.sim).toBeNull();
    expect((await call(host, 'POST', '/__sim/api-faults', { body: { method: 'dossier.track', kind: 'Internal' } })).status).toBe(404);
    expect((await call(host, 'GET', '/__sim/api-faults')).status).toBe(404);
    const sessionId = await startSession(app);
    expect(await app.core.dispatch('dossier.track', { sessionId, code: 'TEST01-200101-9999' })).toMatchObject({ ok: false, error: { kind: 'DossierNotFound' } });
  });
});
