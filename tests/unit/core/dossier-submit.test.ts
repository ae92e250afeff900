import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveredCode } from '../../helpers/journey-app.js';
import { startTestApp, OFFICER_PIN } from '../../helpers/test-app.js';

type App = Awaited<ReturnType<typeof startTestApp>>;
let app: App;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const applicant = { idNumber: '001090123456', fullName: 'Nguyễn Văn An', dateOfBirth: '1990-01-01', sex: 'male' as const, address: 'Số 12 phố Hàng Bạc, Hà Nội', identitySource: 'qr' as const };
const dossier = (sessionId: string, components = ['to-khai']) => ({
  sessionId,
  procedureCode: '1.000894',
  applicant,
  form: { ngayDangKy: '2026-11-24' },
  delivery: { method: 'counter' as const },
  consent: { version: 'consent-2026-01', purposes: ['xu-ly-ho-so'], givenAt: '2026-11-24T08:00:00+07:00' },
  components,
});

const startWithPages = async (pages: number) => {
  const s = await app.core.dispatch('session.start', { locale: 'vi' });
  if (!s.ok) throw new Error('session.start failed');
  const { sessionId } = s.value as { sessionId: string };
  const scanned = await app.core.dispatch('scan.pages', { sessionId, componentId: 'to-khai', source: 'feeder', maxPages: pages });
  if (!scanned.ok) throw new Error('scan failed');
  return sessionId;
};

describe('dossier.submit: the outbox keeps it, the forwarder delivers it to the city once', () => {
  it('a scanned dossier gets a local code at once and reaches the city simulator exactly once', async () => {
    const sessionId = await startWithPages(2);
    const r = await app.core.dispatch('dossier.submit', dossier(sessionId));
    expect(r).toMatchObject({ ok: true, value: { localCode: expect.stringMatching(/^TEST01-\d{6}-\d{4}$/) } });
    if (!r.ok) return;
    const { localCode } = r.value as { localCode: string };
    const sim = app.city.simulator;
    if (!sim) throw new Error('the test site runs a city simulator');
    await expect.poll(async () => (await sim.records()).dossiers.find((d) => d.localCode === localCode)?.officialCode ?? null, { timeout: 15_000 }).toMatch(/^000\.00\.01\.H26-\d{6}-\d{4}$/);
    const recorded = (await sim.records()).dossiers.find((d) => d.localCode === localCode);
    expect(recorded).toMatchObject({ createCount: 1, procedureCode: '1.000894' });
    expect(recorded?.attachments).toEqual([expect.objectContaining({ complete: true })]);
    await expect.poll(async () => (await app.outbox.findByLocalCode(localCode)).ok && (await app.outbox.findByLocalCode(localCode) as { value: { state: string } }).value.state).toBe('delivered');
    const counts = await app.core.dispatch('queue.counts', {});
    expect(counts).toMatchObject({ ok: true, value: { counts: { delivered: expect.any(Number) } } });
    await app.core.dispatch('session.end', { sessionId, reason: 'completed' });
  });

  it('a component without pages is refused as InvalidDossier, and nothing is kept', async () => {
    const sessionId = await startWithPages(1);
    const before = await app.outbox.counts();
    const r = await app.core.dispatch('dossier.submit', dossier(sessionId, ['to-khai', 'giay-xac-nhan']));
    expect(r).toMatchObject({ ok: false, error: { kind: 'InvalidDossier', issues: [{ path: 'components.giay-xac-nhan' }] } });
    expect(await app.outbox.counts()).toEqual(before);
    await app.core.dispatch('session.end', { sessionId, reason: 'user' });
  });

  it('an applicant that breaks the contract is refused before anything is written', async () => {
    const sessionId = await startWithPages(1);
    const bad = { ...dossier(sessionId), applicant: { ...applicant, idNumber: '12345' } };
    expect(await app.core.dispatch('dossier.submit', bad)).toMatchObject({ ok: false, error: { kind: 'InvalidArguments', issues: [{ path: 'applicant.idNumber' }] } });
    await app.core.dispatch('session.end', { sessionId, reason: 'user' });
  });

  it('in assisted mode the dossier carries channel kiosk-assisted and the officer', async () => {
    await app.core.dispatch('auth.unlock', { role: 'officer', pin: OFFICER_PIN });
    const sessionId = await startWithPages(1);
    const r = await app.core.dispatch('dossier.submit', dossier(sessionId));
    if (!r.ok) throw new Error(r.error.message);
    const kept = await app.outbox.findByLocalCode((r.value as { localCode: string }).localCode);
    expect(kept).toMatchObject({ ok: true, value: { channel: 'kiosk-assisted' } });
    if (kept.ok) expect(await app.outbox.readSubmission(kept.value.id)).toMatchObject({ ok: true, value: { channel: 'kiosk-assisted', assistedBy: 'officer-test' } });
    // and so it reaches the city: the one-stop office sees who helped
    const localCode = (r.value as { localCode: string }).localCode;
    const official = await deliveredCode(app, localCode);
    const atCity = (await app.city.simulator!.records()).dossiers.find((d) => d.localCode === localCode);
    expect(atCity).toMatchObject({ officialCode: official, channel: 'kiosk-assisted', assistedBy: 'officer-test' });
    await app.core.dispatch('auth.lock', {});
    await app.core.dispatch('session.end', { sessionId, reason: 'completed' });
  });
});
