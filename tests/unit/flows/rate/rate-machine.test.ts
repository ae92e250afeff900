import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, SimulatedClock, waitFor, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import { createKioskClient } from '../../../../common/kiosk-api/client.js';
import type { JourneyStep, TrackResult } from '../../../../common/kiosk-api/journey-contract.js';
import { kioskError } from '../../../../common/errors.js';
import { err, ok } from '../../../../common/result.js';
import type { FlowInput } from '../../../../renderer/flows/flow-types.js';
import { rateActors } from '../../../../renderer/flows/rate/rate-actors.js';
import { codeLooksValid, normaliseCode, rateMachine, rateThanksMs, type TrackDossierInput } from '../../../../renderer/flows/rate/rate-machine.js';
import { ratingMachine, type SubmitRatingInput } from '../../../../renderer/flows/rate/rating-machine.js';
import { FakeCore } from '../../renderer/fake-core.js';
import { FakeRatings, flowInput, sessionId } from './rate-fixture.js';

const known = 'KT01-260105-0007';

const start = (input: FlowInput = flowInput(), clock?: SimulatedClock) => {
  const core = new FakeRatings();
  const actor = createActor(
    rateMachine.provide({
      actors: {
        trackDossier: fromPromise<TrackResult, TrackDossierInput>(({ input }) => core.track(input)),
        markStep: fromPromise<void, { sessionId: string; step: JourneyStep }>(async ({ input }) => {
          core.steps.push(input);
        }),
        ratingStep: ratingMachine.provide({ actors: core.ratingActors() }),
      },
    }),
    { input, ...(clock ? { clock } : {}) },
  );
  actor.start();
  const until = (state: Parameters<SnapshotFrom<typeof rateMachine>['matches']>[0]) => waitFor(actor, (s) => s.matches(state), { timeout: 1000 });
  const rating = () => actor.getSnapshot().children.rating as ActorRefFrom<typeof ratingMachine>;
  return { actor, core, until, rating };
};

const typeCode = (actor: ReturnType<typeof start>['actor'], code: string) => actor.send({ type: 'rate.setCode', code });

describe('rate flow: the code', () => {
  it('marks the rate step and waits for a code', async () => {
    const { actor, core } = start();
    expect(actor.getSnapshot().value).toBe('entering');
    await Promise.resolve();
    expect(core.steps).toEqual([{ sessionId, step: 'rate' }]);
  });

  it('takes a code as typed, in capitals without spaces, and only a plausible one', () => {
    expect(normaliseCode(' kt01-260105-0007 ')).toBe(known);
    expect(normaliseCode('000.00.01.h26 - 261123 - 0042')).toBe('000.00.01.H26-261123-0042');
    expect(normaliseCode('x'.repeat(80))).toHaveLength(60);
    expect(codeLooksValid('K1')).toBe(false);
    expect(codeLooksValid(known)).toBe(true);

    const { actor } = start();
    typeCode(actor, 'k1');
    expect(actor.getSnapshot().can({ type: 'rate.check' })).toBe(false);
    typeCode(actor, 'kt01-260105-0007');
    expect(actor.getSnapshot().context.code).toBe(known);
    expect(actor.getSnapshot().can({ type: 'rate.check' })).toBe(true);
  });

  it('a code that exists: the rating, then thanks, then home', async () => {
    const { actor, core, until, rating } = start();
    typeCode(actor, known);
    actor.send({ type: 'rate.check' });
    expect(actor.getSnapshot().value).toBe('checking');
    await until('rating');
    expect(core.looked).toEqual([{ sessionId, code: known }]);
    expect(actor.getSnapshot().context.rating?.track.procedureCode).toBe('1.000894');

    rating().send({ type: 'rating.choose', level: 1 });
    rating().send({ type: 'rating.comment', text: 'Nhanh gọn' });
    rating().send({ type: 'rating.send' });
    await until('thanks');
    expect(core.kept).toEqual([{ sessionId, code: known, level: 1, comment: 'Nhanh gọn' }]);
    // the flow marked `rate` once; the rating step marks nothing of its own
    expect(core.steps).toEqual([{ sessionId, step: 'rate' }]);

    actor.send({ type: 'rate.home' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toEqual({ next: 'home' });
  });

  it('a code nobody knows: back to the code with DossierNotFound, cleared when typing again', async () => {
    const { actor, until } = start();
    typeCode(actor, 'KT01-260105-9999');
    actor.send({ type: 'rate.check' });
    await until('entering');
    expect(actor.getSnapshot().context.error?.kind).toBe('DossierNotFound');
    expect(actor.getSnapshot().context.code).toBe('KT01-260105-9999');
    typeCode(actor, 'KT01-260105-000');
    expect(actor.getSnapshot().context.error).toBeNull();
  });

  it('the receipt’s QR at the reader checks that code at once', async () => {
    const { actor, core, until } = start();
    actor.send({ type: 'core.readerRead', sessionId, read: { kind: 'trackingCode', code: known } });
    expect(actor.getSnapshot().value).toBe('checking');
    await until('rating');
    expect(core.looked).toEqual([{ sessionId, code: known }]);
  });

  it('ignores reads of another session; says so when the reader saw an ID card or garbage', () => {
    const { actor } = start();
    actor.send({ type: 'core.readerRead', sessionId: 'session-000000000002', read: { kind: 'trackingCode', code: known } });
    expect(actor.getSnapshot().value).toBe('entering');
    expect(actor.getSnapshot().context.code).toBe('');

    actor.send({ type: 'core.readerRead', sessionId, read: { kind: 'invalid', field: 'payload', rule: 'garbage' } });
    expect(actor.getSnapshot().context.readerNote).toBe('invalid');
    typeCode(actor, 'K');
    expect(actor.getSnapshot().context.readerNote).toBeNull();
  });

  it('a code handed over from another flow is checked straight away', async () => {
    const { actor, core, until } = start(flowInput({ code: known }));
    expect(actor.getSnapshot().value).toBe('checking');
    await until('rating');
    expect(core.looked[0]?.code).toBe(known);
  });

  it('Back from the code goes home', () => {
    const { actor } = start();
    actor.send({ type: 'rate.back' });
    expect(actor.getSnapshot().output).toEqual({ next: 'home' });
  });
});

describe('rate flow: after the rating', () => {
  const rated = async (clock?: SimulatedClock) => {
    const k = start(flowInput({ code: known }), clock);
    await k.until('rating');
    k.rating().send({ type: 'rating.choose', level: 2 });
    k.rating().send({ type: 'rating.send' });
    await k.until('thanks');
    return k;
  };

  it('rates another dossier from the thanks', async () => {
    const { actor } = await rated();
    actor.send({ type: 'rate.another' });
    expect(actor.getSnapshot().value).toBe('entering');
    expect(actor.getSnapshot().context.code).toBe('');
    expect(actor.getSnapshot().context.rating).toBeNull();
  });

  it('goes home by itself after the thanks', async () => {
    const clock = new SimulatedClock();
    const { actor } = await rated(clock);
    clock.increment(rateThanksMs);
    expect(actor.getSnapshot().output).toEqual({ next: 'home' });
  });

  it('skipping the rating goes home without thanks', async () => {
    const { actor, core, until, rating } = start(flowInput({ code: known }));
    await until('rating');
    rating().send({ type: 'rating.skip' });
    expect(actor.getSnapshot().output).toEqual({ next: 'home' });
    expect(core.kept).toEqual([]);
  });
});

describe('rate flow: real actors over the KioskApi', () => {
  it('calls session.step, dossier.track and rating.submit with the contract arguments', async () => {
    const fake = new FakeRatings();
    const core = new FakeCore();
    core.extra['session.step'] = async () => ok({});
    core.extra['dossier.track'] = async (args) => {
      try {
        return ok(await fake.track(args as TrackDossierInput));
      } catch (e) {
        return err(e as never);
      }
    };
    core.extra['rating.submit'] = async (args) => ok(await fake.rate(args as SubmitRatingInput));
    const actor = createActor(rateMachine.provide({ actors: rateActors(createKioskClient(core)) }), { input: flowInput() });
    actor.start();

    actor.send({ type: 'rate.setCode', code: 'nope-1' });
    actor.send({ type: 'rate.check' });
    await waitFor(actor, (s) => s.matches('entering') && s.context.error !== null, { timeout: 1000 });
    expect(actor.getSnapshot().context.error?.kind).toBe('DossierNotFound');

    actor.send({ type: 'rate.setCode', code: known });
    actor.send({ type: 'rate.check' });
    await waitFor(actor, (s) => s.matches('rating'), { timeout: 1000 });
    const rating = actor.getSnapshot().children.rating as ActorRefFrom<typeof ratingMachine>;
    rating.send({ type: 'rating.choose', level: 3 });
    rating.send({ type: 'rating.send' });
    await waitFor(actor, (s) => s.matches('thanks'), { timeout: 1000 });

    expect(core.callsOf('session.step')).toEqual([{ sessionId, step: 'rate' }]);
    expect(core.callsOf('dossier.track')).toEqual([
      { sessionId, code: 'NOPE-1' },
      { sessionId, code: known },
    ]);
    expect(core.callsOf('rating.submit')).toEqual([{ sessionId, code: known, level: 3 }]);
  });

  it('a step mark the core refuses is taken as an error and dropped: the resident goes on', async () => {
    const core = new FakeCore();
    core.extra['session.step'] = async () => err(kioskError('Internal', 'statistics database busy'));
    const errors: string[] = [];
    const actor = createActor(rateMachine.provide({ actors: rateActors(createKioskClient(core)) }), {
      input: flowInput(),
      inspect: (e) => {
        if (e.type === '@xstate.event' && e.event.type.startsWith('xstate.error.actor.') && e.actorRef === actor) errors.push(e.event.type);
      },
    });
    actor.start();
    await waitFor(actor, () => errors.length > 0, { timeout: 1000 });
    expect(errors).toEqual(['xstate.error.actor.0.rate']);
    expect(actor.getSnapshot().status).toBe('active');
    expect(actor.getSnapshot().value).toBe('entering');
  });

  it('a rating step that throws is not swallowed: the error goes up to the root (which goes home)', async () => {
    const core = new FakeRatings();
    const actor = createActor(
      rateMachine.provide({
        actors: {
          trackDossier: fromPromise<TrackResult, TrackDossierInput>(({ input }) => core.track(input)),
          markStep: fromPromise<void, { sessionId: string; step: JourneyStep }>(async () => undefined),
          ratingStep: fromPromise<never>(async () => {
            throw new Error('a defect in the rating step');
          }) as never,
        },
      }),
      { input: flowInput() },
    );
    const failed = new Promise<unknown>((resolve) => actor.subscribe({ error: resolve }));
    actor.start();
    typeCode(actor, known);
    actor.send({ type: 'rate.check' });
    expect(await failed).toEqual(new Error('a defect in the rating step'));
    expect(actor.getSnapshot().status).toBe('error');
  });

  it('a failed step mark never stops the resident', async () => {
    const core = new FakeCore();
    core.extra['session.step'] = async () => {
      throw new Error('socket closed');
    };
    const actor = createActor(rateMachine.provide({ actors: rateActors(createKioskClient(core)) }), { input: flowInput() });
    actor.start();
    await new Promise((r) => setTimeout(r, 10));
    expect(actor.getSnapshot().status).toBe('active');
    expect(actor.getSnapshot().value).toBe('entering');
  });
});
