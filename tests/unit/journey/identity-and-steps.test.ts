import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JourneyEvent } from '../../../main/core/journey-journal.js';
import { startJourneyApp, startSession, type JourneyApp } from '../../helpers/journey-app.js';

// identity.fromQr / identity.fromManual / session.step / catalog.get through the real core.

let app: JourneyApp;
const CARD = '001090123456|123456789|Nguyễn Văn An|01011990|Nam|Số 12 phố Hàng Bạc, Phường Hoàn Kiếm, Hà Nội|15042021';
const manual = {
  idNumber: '079301004512',
  fullName: 'Trần Thị Bích Ngọc',
  dateOfBirth: '2001-02-28',
  sex: 'female' as const,
  address: '45 Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh',
  issueDate: '2021-06-01',
};

beforeAll(async () => {
  // a site that offers two procedures: the catalog has more
  app = await startJourneyApp({ site: (s) => ({ ...s, procedures: { enabled: ['2.000635', '1.004837'] } }) });
});
afterAll(async () => {
  await app?.close();
});

describe('catalog.get', () => {
  it("returns the site's catalog: only the procedures the site enables, in its order", async () => {
    const r = await app.core.dispatch('catalog.get', {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const codes = (r.value as { procedures: { code: string }[] }).procedures.map((p) => p.code);
    expect(codes).toEqual(['2.000635', '1.004837']);
  });
});

describe('identity.fromQr and identity.fromManual', () => {
  it('a CCCD QR payload becomes the identity (source qr)', async () => {
    const sessionId = await startSession(app);
    expect(await app.core.dispatch('identity.fromQr', { sessionId, payload: CARD })).toEqual({
      ok: true,
      value: expect.objectContaining({ idNumber: '001090123456', oldIdNumber: '123456789', fullName: 'Nguyễn Văn An', dateOfBirth: '1990-01-01', sex: 'male', source: 'qr' }),
    });
  });

  it('a refused payload is InvalidIdPayload naming the field and the rule, and no value of it', async () => {
    const sessionId = await startSession(app);
    const r = await app.core.dispatch('identity.fromQr', { sessionId, payload: CARD.replace('01011990', '01011991') });
    expect(r).toEqual({ ok: false, error: { kind: 'InvalidIdPayload', message: expect.any(String), issues: [{ path: 'idNumber', rule: 'yearMismatch' }] } });
    if (!r.ok) expect(r.error.message).not.toMatch(/001090123456|Nguyễn/);
    expect(await app.core.dispatch('identity.fromQr', { sessionId, payload: 'KIOSK01-261124-0001' })).toMatchObject({
      ok: false,
      error: { kind: 'InvalidIdPayload', issues: [{ path: 'payload', rule: 'fieldCount' }] },
    });
  });

  it('manual entry gets the same validation (source manual)', async () => {
    const sessionId = await startSession(app);
    expect(await app.core.dispatch('identity.fromManual', { sessionId, fields: manual })).toMatchObject({ ok: true, value: { idNumber: '079301004512', source: 'manual' } });
    expect(await app.core.dispatch('identity.fromManual', { sessionId, fields: { ...manual, dateOfBirth: '2001-02-29' } })).toMatchObject({
      ok: false,
      error: { kind: 'InvalidIdPayload', issues: [{ path: 'dateOfBirth', rule: 'badDate' }] },
    });
    expect(await app.core.dispatch('identity.fromManual', { sessionId, fields: { ...manual, issueDate: '2099-01-01' } })).toMatchObject({
      ok: false,
      error: { kind: 'InvalidIdPayload', issues: [{ path: 'issueDate', rule: 'issueInFuture' }] },
    });
  });

  it('both need the live session', async () => {
    const sessionId = await startSession(app);
    await app.core.dispatch('session.end', { sessionId, reason: 'user' });
    expect(await app.core.dispatch('identity.fromQr', { sessionId, payload: CARD })).toMatchObject({ ok: false, error: { kind: 'SessionNotFound' } });
    expect(await app.core.dispatch('identity.fromManual', { sessionId, fields: manual })).toMatchObject({ ok: false, error: { kind: 'SessionNotFound' } });
  });
});

describe('the journey journal (anonymous statistics)', () => {
  it('identity.captured carries the source, session.step the step, and neither any PII', async () => {
    const j: JourneyEvent[] = [];
    const off = app.journal.on((e) => j.push(e));
    const sessionId = await startSession(app);
    await app.core.dispatch('identity.fromQr', { sessionId, payload: CARD });
    await app.core.dispatch('identity.fromManual', { sessionId, fields: manual });
    await app.core.dispatch('identity.fromQr', { sessionId, payload: 'not a card' });
    expect(await app.core.dispatch('session.step', { sessionId, step: 'submit.identify' })).toEqual({ ok: true, value: {} });
    // (the session's own start and end are the session manager's events, not these)
    expect(j.filter((e) => e.type === 'identity.captured' || e.type === 'session.step')).toEqual([
      { type: 'identity.captured', sessionId, source: 'qr', at: expect.any(Number) },
      { type: 'identity.captured', sessionId, source: 'manual', at: expect.any(Number) },
      { type: 'session.step', sessionId, step: 'submit.identify', at: expect.any(Number) },
    ]);
    expect(JSON.stringify(j)).not.toMatch(/001090123456|079301004512|Nguyễn|Trần|Lê Lợi/);
    off();
  });

  it('session.step refuses a step outside the contract and a session that is over', async () => {
    const sessionId = await startSession(app);
    expect(await app.core.dispatch('session.step', { sessionId, step: 'submit.nowhere' })).toMatchObject({ ok: false, error: { kind: 'InvalidArguments' } });
    await app.core.dispatch('session.end', { sessionId, reason: 'user' });
    expect(await app.core.dispatch('session.step', { sessionId, step: 'home' })).toMatchObject({ ok: false, error: { kind: 'SessionNotFound' } });
  });
});
