import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DossierStatus } from '../../../common/city/city-contract.js';
import { outboxFixture, sampleInput, type OutboxFixture } from '../../helpers/outbox-fixtures.js';

let fx: OutboxFixture;
beforeEach(async () => {
  fx = await outboxFixture();
});
afterEach(() => fx.cleanup());

const status: DossierStatus = {
  dossierId: 'city-1',
  dossierCode: '000.00.01.H26-261124-0042',
  localCode: 'x',
  statusCode: 1,
  statusText: 'Mới đăng ký',
  updatedAt: '2026-11-24T08:05:00Z',
};

describe('dossier states', () => {
  it('submitted → uploading → delivered → tracked → purged, with events and anonymous counts', async () => {
    const outbox = await fx.open();
    const r = await outbox.enqueue(sampleInput(1));
    if (!r.ok) throw new Error('enqueue');
    const id = r.value.id;
    expect((await outbox.beginUpload(id)).ok).toBe(true);
    // delivered is only reachable from a sending state, purge only from delivered/tracked
    expect((await outbox.purge(id)).ok).toBe(false);
    expect((await outbox.markDelivered(id, status)).ok).toBe(true);
    expect((await outbox.markDelivered(id, status)).ok).toBe(false);
    expect((await outbox.updateStatus(id, { ...status, statusCode: 4, statusText: 'Đang xử lý', appointmentDate: '2026-12-01' })).ok).toBe(true);
    const tracked = await outbox.get(id);
    expect(tracked.ok && tracked.value).toMatchObject({ state: 'tracked', officialCode: status.dossierCode, cityStatus: { code: 4, appointmentDate: '2026-12-01' } });
    expect((await outbox.purge(id)).ok).toBe(true);

    expect((await outbox.events(id)).map((e) => e.kind)).toEqual(['submitted', 'uploading', 'delivered', 'tracked', 'purged']);
    expect((await outbox.counts()).counts).toMatchObject({ purged: 1, submitted: 0, tracked: 0 });
    const daily = await outbox.dailyCounts();
    expect(daily.map((d) => `${d.state}:${d.count}`).sort()).toEqual(['delivered:1', 'purged:1', 'submitted:1']);
    expect(daily[0]).toMatchObject({ day: '261124', procedureCode: '1.000894', channel: 'kiosk' });
    await outbox.close();
  });

  it('goes to dead after N permanent refusals, stays visible, and retry(id) brings it back', async () => {
    const outbox = await fx.open();
    const r = await outbox.enqueue(sampleInput(0));
    if (!r.ok) throw new Error('enqueue');
    const id = r.value.id;
    await outbox.beginUpload(id);
    const fail = (permanent: boolean) => outbox.recordFailure(id, { error: 'CityRejected 400: bad', permanent, nextAttemptAt: fx.clock.now() + 1000, maxRejections: 2 });
    expect(await fail(false)).toEqual({ ok: true, value: 'uploading' });
    expect(await fail(true)).toEqual({ ok: true, value: 'uploading' });
    expect(await fail(true)).toEqual({ ok: true, value: 'dead' });
    expect((await outbox.counts()).counts.dead).toBe(1);
    expect(await outbox.due(10)).toEqual([]);
    // a dead dossier refuses further sending transitions
    expect((await outbox.beginUpload(id)).ok).toBe(false);

    expect((await outbox.retry(id)).ok).toBe(true);
    const back = await outbox.get(id);
    expect(back.ok && back.value).toMatchObject({ state: 'submitted', attempts: 0, rejections: 0, lastError: 'CityRejected 400: bad' });
    expect((await outbox.due(10)).map((d) => d.id)).toEqual([id]);
    expect((await outbox.retry(id)).ok).toBe(false);
    await outbox.close();
  });
});
