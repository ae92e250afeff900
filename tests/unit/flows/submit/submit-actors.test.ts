import { describe, expect, it, vi } from 'vitest';
import { createActor, waitFor, type AnyActorRef } from 'xstate';
import { kioskError } from '../../../../common/errors.js';
import { createKioskClient } from '../../../../common/kiosk-api/client.js';
import { err, ok } from '../../../../common/result.js';
import { submitActors } from '../../../../renderer/flows/submit/submit-actors.js';
import { submitMachine } from '../../../../renderer/flows/submit/submit-machine.js';
import { FakeCore } from '../../renderer/fake-core.js';
import { copyOfExtract, devicesUp, flowInput, identity, qrPayload, sessionId, stepLog, stubRating, stubReceipt, stubScan } from './submit-fixtures.js';

// The real actors over the in-memory core: each is one KioskApi call with the right arguments,
// and a refusal reaches the machine as the KioskError it is.

const boot = (core: FakeCore) => {
  const log = stepLog();
  core.extra['devices.status'] = async () => ok(devicesUp);
  const machine = submitMachine.provide({
    actors: { ...submitActors(createKioskClient(core)), scanStep: stubScan(log) as never, receiptStep: stubReceipt(log) as never, ratingStep: stubRating(log) as never },
  });
  const actor = createActor(machine, { input: flowInput({ procedureCode: copyOfExtract.code }) });
  actor.start();
  return { actor, log, until: (p: (s: ReturnType<typeof actor.getSnapshot>) => boolean) => waitFor(actor, p, { timeout: 2000 }) };
};

describe('submit flow actors', () => {
  it('reads a wedge QR through identity.fromQr, marks steps, and submits through dossier.submit', async () => {
    const core = new FakeCore();
    core.extra['session.step'] = async () => ok({});
    core.extra['identity.fromQr'] = async () => ok(identity);
    core.extra['dossier.submit'] = async () => ok({ localCode: 'KT01-260105-0001', submittedAt: '2026-01-05T02:10:00.000Z', appointmentDate: null, trackingQr: 'KT01-260105-0001' });
    const { actor, until } = boot(core);
    await until((s) => s.matches({ draft: 'identifying' }));

    actor.send({ type: 'submit.wedgeScan', text: qrPayload });
    await until((s) => s.matches({ draft: 'form' }));
    expect(core.callsOf('identity.fromQr')).toEqual([{ sessionId, payload: qrPayload }]);

    actor.send({ type: 'submit.contactField', field: 'phone', value: '0912345678' });
    actor.send({ type: 'submit.next' });
    (actor.getSnapshot().children.scan as AnyActorRef | undefined)?.send({ type: 'test.done', pages: [] });
    actor.send({ type: 'submit.next' });
    for (const purpose of ['giai-quyet-ho-so', 'lien-he-ve-ho-so']) actor.send({ type: 'submit.consentToggle', purpose });
    actor.send({ type: 'submit.consentGive', at: '2026-01-05T02:09:00.000Z' });
    actor.send({ type: 'submit.confirm' });
    await until((s) => s.matches('receipt'));

    expect(core.callsOf('dossier.submit')).toEqual([
      expect.objectContaining({ sessionId, procedureCode: copyOfExtract.code, delivery: { method: 'counter' }, components: [], form: {} }),
    ]);
    // one after the other: the later ones are still on their way
    await vi.waitFor(() => expect(core.callsOf('session.step')).toHaveLength(8));
    expect(core.callsOf('session.step').map((a) => (a as { step: string }).step)).toEqual([
      'submit.devices',
      'submit.identify',
      'submit.form',
      'submit.scan',
      'submit.delivery',
      'submit.consent',
      'submit.review',
      'submit.receipt',
    ]);
  });

  it('keeps going when statistics cannot be recorded, and words a refused QR', async () => {
    const core = new FakeCore();
    core.extra['session.step'] = async () => err(kioskError('SessionNotFound', 'gone'));
    core.extra['identity.fromQr'] = async () => err(kioskError('InvalidIdPayload', 'bad date', { issues: [{ path: 'dateOfBirth', rule: 'badDate' }] }));
    const { actor, until } = boot(core);
    await until((s) => s.matches({ draft: 'identifying' }));
    actor.send({ type: 'submit.wedgeScan', text: 'garbage|garbage' });
    await until((s) => s.matches({ draft: { identifying: 'waiting' } }) && s.context.idProblem !== null);
    expect(actor.getSnapshot().context.idProblem).toEqual({ kind: 'rule', field: 'dateOfBirth', rule: 'badDate' });
    expect(actor.getSnapshot().status).toBe('active');
  });

  it('brings a dossier.submit refusal to the retry screen', async () => {
    const core = new FakeCore();
    core.extra['session.step'] = async () => ok({});
    core.extra['dossier.submit'] = async () => err(kioskError('DiskFull', 'no room'));
    const { actor, until } = boot(core);
    await until((s) => s.matches({ draft: 'identifying' }));
    actor.send({ type: 'core.readerRead', sessionId, read: { kind: 'identity', identity } });
    actor.send({ type: 'submit.contactField', field: 'phone', value: '0912345678' });
    actor.send({ type: 'submit.next' });
    (actor.getSnapshot().children.scan as AnyActorRef | undefined)?.send({ type: 'test.done', pages: [] });
    actor.send({ type: 'submit.next' });
    for (const purpose of ['giai-quyet-ho-so', 'lien-he-ve-ho-so']) actor.send({ type: 'submit.consentToggle', purpose });
    actor.send({ type: 'submit.consentGive', at: '2026-01-05T02:09:00.000Z' });
    actor.send({ type: 'submit.confirm' });
    await until((s) => s.matches({ draft: { submitting: 'failed' } }));
    expect(actor.getSnapshot().context.submitError?.kind).toBe('DiskFull');
  });
});
