import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackResult } from '../../../common/kiosk-api/journey-contract.js';
import { createCityClient } from '../../../main/city/city-client.js';
import type { CitySimulator } from '../../../main/city-sim/server.js';
import { deliveredCode, dossierArgs, startJourneyApp, startSession, type JourneyApp } from '../../helpers/journey-app.js';

// dossier.track by local or official code, with the city simulator up, down and hanging.

let app: JourneyApp;
let city: CitySimulator;
let sessionId: string;
let localCode: string;
let officialCode: string;

const track = async (code: string) => app.core.dispatch('dossier.track', { sessionId, code });
const tracked = async (code: string): Promise<TrackResult> => {
  const r = await track(code);
  if (!r.ok) throw new Error(`track failed: ${r.error.kind}`);
  return r.value as TrackResult;
};

beforeAll(async () => {
  app = await startJourneyApp();
  city = app.city.simulator!;
  sessionId = await startSession(app);
  const r = await app.core.dispatch('dossier.submit', dossierArgs(sessionId, '1.004837'));
  if (!r.ok) throw new Error(r.error.message);
  localCode = (r.value as { localCode: string }).localCode;
  // the forwarder delivers it; the official code comes back with the delivery
  officialCode = await deliveredCode(app, localCode);
});
afterAll(async () => {
  await app?.close();
});

describe('dossier.track with the city up', () => {
  it('by local code: what the kiosk holds, the receipt appointment, and the city status now', async () => {
    const before = Date.now();
    const t = await tracked(localCode);
    expect(t).toMatchObject({
      localCode,
      officialCode,
      procedureCode: '1.004837',
      submittedAt: expect.any(String),
      appointmentDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      city: { statusCode: 1, statusText: 'Mới đăng ký', appointmentDate: expect.any(String), updatedAt: expect.any(String) },
      cityReachable: true,
    });
    expect(['delivered', 'tracked']).toContain(t.localState);
    expect(Date.parse(t.lastCheckedAt!)).toBeGreaterThanOrEqual(before - 1000);
    // what the city said is kept where the forwarder's status sync keeps it
    const kept = await app.outbox.findByLocalCode(localCode);
    expect(kept).toMatchObject({ ok: true, value: { state: 'tracked', cityStatus: { code: 1 } } });
  });

  it('by official code, in any case: the same dossier', async () => {
    const t = await tracked(officialCode.toLowerCase());
    expect(t).toMatchObject({ localCode, officialCode, procedureCode: '1.004837', cityReachable: true, city: { statusCode: 1 } });
  });

  it('an official code of a dossier this kiosk never held: the city answers, the kiosk remembers', async () => {
    // another kiosk files a dossier straight with the city
    const other = createCityClient({ baseUrl: city.url, kioskId: 'OTHER01', auth: { type: 'none' }, connectTimeoutMs: 2000, idleTimeoutMs: 5000 });
    const created = await other.createDossier('other-1', {
      localCode: 'OTHER01-261124-0001',
      procedureCode: '2.000635',
      siteId: 'other',
      submittedAt: new Date().toISOString(),
      channel: 'kiosk',
      applicant: { idNumber: '079301004512', fullName: 'Trần Thị Bích Ngọc', dateOfBirth: '2001-02-28', sex: 'female' },
      form: {},
      delivery: { method: 'counter' },
      consent: { version: '2026-01-01', purposes: ['giai-quyet-ho-so'], givenAt: new Date().toISOString() },
      attachments: [],
    });
    if (!created.ok) throw new Error(created.error.message);
    const submitted = await other.submitDossier('other-1:submit', created.value.dossierId);
    other.close();
    if (!submitted.ok) throw new Error(submitted.error.message);
    const foreign = submitted.value.dossierCode!;

    expect(await tracked(foreign)).toMatchObject({ localCode: 'OTHER01-261124-0001', officialCode: foreign, localState: null, procedureCode: null, city: { statusCode: 1 }, cityReachable: true });

    city.faults.setOffline(true);
    try {
      const t = await tracked(foreign);
      expect(t).toMatchObject({ officialCode: foreign, localState: null, cityReachable: false, city: { statusCode: 1 } });
      expect(t.lastCheckedAt).not.toBeNull();
    } finally {
      city.faults.setOffline(false);
    }
  });

  it('unknown everywhere: DossierNotFound', async () => {
    expect(await track('000.00.01.H26-200101-9999')).toMatchObject({ ok: false, error: { kind: 'DossierNotFound' } });
    // this kiosk's own shape of code, never issued
    expect(await track('TEST01-200101-9999')).toMatchObject({ ok: false, error: { kind: 'DossierNotFound' } });
    expect(await track('abc')).toMatchObject({ ok: false, error: { kind: 'DossierNotFound' } });
  });
});

describe('dossier.track with the city down', () => {
  it('unreachable: cityReachable false, the last known status and when it was heard', async () => {
    await tracked(localCode);
    city.faults.setOffline(true);
    try {
      // the last status heard, by this lookup or by the forwarder's status sync meanwhile: what
      // the outbox kept once the city went away (comparing with the lookup above raced the sync)
      const kept = await app.outbox.findByLocalCode(localCode);
      if (!kept.ok || !kept.value.cityStatus || kept.value.statusSyncedAt === null) throw new Error('no city status kept');
      const last = kept.value.cityStatus;
      const t = await tracked(localCode);
      expect(t).toMatchObject({ localCode, officialCode, cityReachable: false, city: { statusCode: last.code, statusText: last.text, updatedAt: last.at } });
      expect(t.lastCheckedAt).toBe(new Date(kept.value.statusSyncedAt).toISOString());
      expect(t.localState).toBe('tracked');
    } finally {
      city.faults.setOffline(false);
    }
  });

  it('a city that does not answer: the resident waits a few seconds at most', async () => {
    city.faults.set({ routes: { getStatus: { rate: 1, kinds: ['hang'] } } });
    try {
      const started = Date.now();
      const t = await tracked(officialCode);
      expect(Date.now() - started).toBeLessThan(6_000);
      expect(t).toMatchObject({ cityReachable: false, city: { statusCode: 1 } });
    } finally {
      city.faults.clear();
    }
  });

  it('a session that is over cannot track', async () => {
    const ended = await startSession(app);
    await app.core.dispatch('session.end', { sessionId: ended, reason: 'user' });
    expect(await app.core.dispatch('dossier.track', { sessionId: ended, code: localCode })).toMatchObject({ ok: false, error: { kind: 'SessionNotFound' } });
    sessionId = await startSession(app);
  });
});
