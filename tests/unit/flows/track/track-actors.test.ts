import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createKioskClient } from '../../../../common/kiosk-api/client.js';
import { kioskError } from '../../../../common/errors.js';
import { err, ok } from '../../../../common/result.js';
import { trackActors } from '../../../../renderer/flows/track/track-actors.js';
import { trackMachine } from '../../../../renderer/flows/track/track-machine.js';
import { FakeCore } from '../../renderer/fake-core.js';
import { flowInput, sessionId } from '../guide/guide-fixture.js';
import { cityDown, localCode } from './track-fixture.js';

const run = async (core: FakeCore) => {
  const actor = createActor(trackMachine.provide({ actors: trackActors(createKioskClient(core)) }), { input: flowInput() });
  actor.start();
  actor.send({ type: 'track.type', code: localCode });
  actor.send({ type: 'track.check' });
  await waitFor(actor, (s) => !s.matches('checking'), { timeout: 2000 });
  return actor;
};

describe('track flow over the KioskApi', () => {
  it('calls dossier.track with the session and the code, and marks the step', async () => {
    const core = new FakeCore();
    core.extra['dossier.track'] = async () => ok(cityDown);
    core.extra['session.step'] = async () => ok({});
    const actor = await run(core);
    expect(actor.getSnapshot().value).toBe('result');
    expect(actor.getSnapshot().context.result).toEqual(cityDown);
    expect(core.callsOf('dossier.track')).toEqual([{ sessionId, code: localCode }]);
    expect(core.callsOf('session.step')).toEqual([{ sessionId, step: 'track' }]);
  });

  it("turns the core's DossierNotFound into the not-found screen", async () => {
    const core = new FakeCore();
    core.extra['dossier.track'] = async () => err(kioskError('DossierNotFound', 'unknown code'));
    expect((await run(core)).getSnapshot().value).toBe('notFound');
  });

  it('turns any other error into the failed screen with its kind', async () => {
    const core = new FakeCore();
    core.extra['dossier.track'] = async () => err(kioskError('SessionNotFound', 'gone'));
    const actor = await run(core);
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.error?.kind).toBe('SessionNotFound');
  });
});
