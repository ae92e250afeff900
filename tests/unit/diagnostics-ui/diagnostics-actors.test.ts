import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createKioskClient } from '../../../common/kiosk-api/client.js';
import { kioskError } from '../../../common/errors.js';
import type { KioskMethod } from '../../../common/kiosk-api/methods.js';
import { err, ok } from '../../../common/result.js';
import { diagnosticsActors } from '../../../renderer/diagnostics/diagnostics-actors.js';
import { diagnosticsMachine } from '../../../renderer/diagnostics/diagnostics-machine.js';
import { FakeCore } from '../renderer/fake-core.js';
import { diagDevices, diagInput, pending, queueItems, queueSummary } from './diag-fixture.js';

const start = (core: FakeCore) => {
  const actor = createActor(diagnosticsMachine.provide({ actors: diagnosticsActors(createKioskClient(core)) }), { input: diagInput() });
  actor.start();
  const settle = () => waitFor(actor, (s) => !s.hasTag('loading') && !s.hasTag('busy'), { timeout: 2000 });
  return { actor, settle };
};

const answer = (core: FakeCore, method: KioskMethod, value: unknown) => {
  core.extra[method] = async () => ok(value);
};

describe('diagnostics over the KioskApi', () => {
  it('calls the diag.* methods with the contract’s arguments', async () => {
    const core = new FakeCore();
    answer(core, 'diag.devices', diagDevices);
    answer(core, 'diag.queueSummary', queueSummary);
    answer(core, 'diag.queueList', { items: queueItems, total: 3 });
    answer(core, 'diag.queueRetry', { id: pending.id, localCode: pending.localCode, previousState: 'submitted', state: 'submitted' });
    const { actor, settle } = start(core);
    await settle();
    expect(core.callsOf('diag.devices')).toEqual([{}]);
    actor.send({ type: 'diag.tab.queue' });
    await settle();
    actor.send({ type: 'diag.queue.retry', ref: pending.id });
    await settle();
    expect(core.callsOf('diag.queueSummary')).toEqual([{}, {}]);
    expect(core.callsOf('diag.queueList')).toEqual([{ limit: 100 }, { limit: 100 }]);
    expect(core.callsOf('diag.queueRetry')).toEqual([{ ref: pending.id }]);
    expect(actor.getSnapshot().context.retried?.localCode).toBe(pending.localCode);
  });

  it('turns the core’s refusal into a failure the screen shows', async () => {
    const core = new FakeCore();
    core.extra['diag.devices'] = async () => err(kioskError('NotAuthorized', 'diag.devices needs an unlocked technician'));
    const { actor, settle } = start(core);
    await settle();
    expect(actor.getSnapshot().context.failure).toEqual({ action: 'diag.devices', error: { kind: 'NotAuthorized', message: 'diag.devices needs an unlocked technician' } });
    // what the root passed in still shows
    expect(actor.getSnapshot().context.devices).toEqual(diagInput().devices);
  });

  it('a method the core does not have yet is a failure, not a crash', async () => {
    const { actor, settle } = start(new FakeCore());
    await settle();
    actor.send({ type: 'diag.tab.system' });
    await settle();
    expect(actor.getSnapshot().context.failure?.error.kind).toBe('UnknownMethod');
  });
});
