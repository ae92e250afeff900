import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../common/kiosk-api/events.js';
import { receipt, text } from '../../../common/receipt/receipt-doc.js';
import { startTestApp, TECH_PIN } from '../../helpers/test-app.js';

type App = Awaited<ReturnType<typeof startTestApp>>;
let app: App;
const events: KioskEvent[] = [];
beforeAll(async () => {
  app = await startTestApp();
  app.core.onEvent((e) => events.push(e));
});
afterAll(async () => {
  await app?.close();
});

describe('devices in the core (embedded-style site: simulators)', () => {
  it('reports the simulated devices online through the KioskApi', async () => {
    const r = await app.core.dispatch('devices.status', {});
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    expect(r.value).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'printer', state: 'online', implementation: 'simulator', media: 'ok' }),
        expect.objectContaining({ id: 'scanner', state: 'online', implementation: 'simulator' }),
        expect.objectContaining({ id: 'idReader', state: 'online', implementation: 'simulator' }),
      ]),
    );
  });

  it('self-test is for technicians only', async () => {
    expect(await app.core.dispatch('devices.selfTest', { device: 'printer' })).toMatchObject({ ok: false, error: { kind: 'NotAuthorized' } });
    await app.core.dispatch('auth.unlock', { role: 'officer', pin: '135790' });
    expect(await app.core.dispatch('devices.selfTest', { device: 'printer' })).toMatchObject({ ok: false, error: { kind: 'NotAuthorized' } });
    await app.core.dispatch('auth.unlock', { role: 'technician', pin: TECH_PIN });
    expect(await app.core.dispatch('devices.selfTest', { device: 'printer' })).toMatchObject({ ok: true, value: { device: 'printer', passed: true } });
    await app.core.dispatch('auth.lock', {});
  });

  it('paper running out reaches the renderer as a device.status event, and the job fails typed', async () => {
    const printer = app.devices.printer;
    const sim = app.devices.simulators.printer;
    if (!printer || !sim) throw new Error('the test site has a simulated printer');
    sim.setState({ paper: 'out' });
    const r = await printer.print(receipt(text('Biên nhận hồ sơ')));
    expect(r).toMatchObject({ ok: false, error: { kind: 'PaperOut' } });
    const seen = events.filter((e) => e.type === 'device.status');
    expect(seen.at(-1)).toMatchObject({ devices: expect.arrayContaining([expect.objectContaining({ id: 'printer', media: 'out' })]) });
    const ready = app.devices.manager.requiredDevicesReady(['printer', 'scanner']);
    expect(ready).toMatchObject({ ready: false, missing: [expect.objectContaining({ id: 'printer' })] });
    expect(ready.working).toEqual(expect.arrayContaining(['scanner', 'idReader']));
    sim.setState({ paper: 'ok' });
    expect(await printer.print(receipt(text('Biên nhận hồ sơ')))).toMatchObject({ ok: true });
    expect(app.devices.manager.requiredDevicesReady(['printer', 'scanner']).ready).toBe(true);
  });

  it('an ID card presented to the simulated reader is read by the core', async () => {
    const reader = app.devices.idReader;
    const sim = app.devices.simulators.idReader;
    if (!reader || !sim) throw new Error('the test site has a simulated reader');
    const card = new Promise((resolve) => reader.onCard(resolve));
    await sim.present(0);
    expect(await card).toMatchObject({ ok: true, value: { idNumber: '001090123456', fullName: 'Nguyễn Văn An' } });
  });
});
