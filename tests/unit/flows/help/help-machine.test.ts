import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { FlowInput } from '../../../../renderer/flows/flow-types.js';
import { helpMachine } from '../../../../renderer/flows/help/help-machine.js';
import { createKioskClient } from '../../../../common/kiosk-api/client.js';
import { ok } from '../../../../common/result.js';
import { helpActors } from '../../../../renderer/flows/help/help-actors.js';
import { FakeCore } from '../../renderer/fake-core.js';
import { flowInput, marriage, sessionId, stepRecorder } from '../guide/guide-fixture.js';

const start = (input: FlowInput = flowInput()) => {
  const steps = stepRecorder();
  const actor = createActor(helpMachine.provide({ actors: { 'session.step': steps.actor } }), { input });
  actor.start();
  return { actor, steps: steps.steps };
};

describe('help flow', () => {
  it('opens on the topics without a procedure and marks the help step', async () => {
    const { actor, steps } = start();
    expect(actor.getSnapshot().value).toBe('topics');
    await Promise.resolve();
    expect(steps).toEqual([{ sessionId, step: 'help' }]);
  });

  it('picks a procedure, shows its answers, and comes back to the topics, then home', () => {
    const { actor } = start();
    actor.send({ type: 'help.procedure', procedureCode: marriage.code });
    expect(actor.getSnapshot().value).toBe('procedure');
    expect(actor.getSnapshot().context.procedureCode).toBe(marriage.code);
    actor.send({ type: 'help.back' });
    expect(actor.getSnapshot().value).toBe('topics');
    expect(actor.getSnapshot().context.procedureCode).toBeNull();
    actor.send({ type: 'help.back' });
    expect(actor.getSnapshot().output).toEqual({ next: 'home' });
  });

  it('ignores a procedure the catalog does not have', () => {
    const { actor } = start();
    actor.send({ type: 'help.procedure', procedureCode: '9.999999' });
    expect(actor.getSnapshot().value).toBe('topics');
  });

  it('opens on the answers of a procedure it was handed, and hands it on to the guide', () => {
    const { actor } = start(flowInput({ procedureCode: marriage.code }));
    expect(actor.getSnapshot().value).toBe('procedure');
    expect(actor.getSnapshot().context.procedureCode).toBe(marriage.code);
    actor.send({ type: 'help.guide' });
    expect(actor.getSnapshot().output).toEqual({ next: 'flow', choice: 'guide', procedureCode: marriage.code });
  });

  it('starts on the topics when handed a code it does not know', () => {
    expect(start(flowInput({ procedureCode: '9.999999' })).actor.getSnapshot().value).toBe('topics');
  });

  it('goes home from the answers', () => {
    const { actor } = start(flowInput({ procedureCode: marriage.code }));
    actor.send({ type: 'help.home' });
    expect(actor.getSnapshot().output).toEqual({ next: 'home' });
  });

  it('marks the step through the KioskApi with the real actors, and a failing mark changes nothing', async () => {
    const core = new FakeCore();
    core.extra['session.step'] = async () => ok({});
    const actor = createActor(helpMachine.provide({ actors: helpActors(createKioskClient(core)) }), { input: flowInput() });
    actor.start();
    await new Promise((r) => setTimeout(r, 0));
    expect(core.callsOf('session.step')).toEqual([{ sessionId, step: 'help' }]);

    // FakeCore answers UnknownMethod without an `extra`: the resident never sees it
    const bare = new FakeCore();
    const again = createActor(helpMachine.provide({ actors: helpActors(createKioskClient(bare)) }), { input: flowInput() });
    again.start();
    await new Promise((r) => setTimeout(r, 0));
    expect(again.getSnapshot().value).toBe('topics');
    expect(again.getSnapshot().status).toBe('active');
  });
});
