import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import type { CitizenIdentity } from '../../../../common/domain/citizen-identity.js';
import { kioskError } from '../../../../common/errors.js';
import type { TrackResult } from '../../../../common/kiosk-api/journey-contract.js';
import type { FlowInput } from '../../../../renderer/flows/flow-types.js';
import { trackMachine } from '../../../../renderer/flows/track/track-machine.js';
import { cityView } from '../../../../renderer/flows/track/track-wording.js';
import { flowInput, sessionId, stepRecorder } from '../guide/guide-fixture.js';
import { cityDown, localCode, officialCode, scriptedTrack, tracked } from './track-fixture.js';

type Answer = (code: string) => TrackResult | Promise<TrackResult>;

const start = (answers: Answer[] = [() => tracked], input: FlowInput = flowInput()) => {
  const steps = stepRecorder();
  const track = scriptedTrack(answers);
  const actor = createActor(trackMachine.provide({ actors: { 'session.step': steps.actor, 'dossier.track': track.actor } }), { input });
  actor.start();
  const until = (state: string) => waitFor(actor, (s) => s.value === state || s.status === 'done', { timeout: 2000 });
  return { actor, steps: steps.steps, calls: track.calls, until };
};

const identity = { idNumber: '001090000001' } as unknown as CitizenIdentity;

describe('track flow: looking up', () => {
  it('opens on the code screen and marks the track step', async () => {
    const { actor, steps } = start();
    expect(actor.getSnapshot().value).toBe('code');
    await Promise.resolve();
    expect(steps).toEqual([{ sessionId, step: 'track' }]);
  });

  it('looks up a typed code (tidied to upper case) and shows the result', async () => {
    const { actor, calls, until } = start();
    actor.send({ type: 'track.type', code: ' kiosk01-261124-0001 ' });
    expect(actor.getSnapshot().context.code).toBe(localCode);
    actor.send({ type: 'track.check' });
    expect(actor.getSnapshot().value).toBe('checking');
    await until('result');
    expect(calls).toEqual([{ sessionId, code: localCode }]);
    expect(actor.getSnapshot().context.result).toEqual(tracked);
    expect(actor.getSnapshot().context.checkedCode).toBe(localCode);
  });

  it('takes an official code with dots', async () => {
    const { actor, calls, until } = start();
    actor.send({ type: 'track.type', code: officialCode.toLowerCase() });
    actor.send({ type: 'track.check' });
    await until('result');
    expect(calls[0]?.code).toBe(officialCode);
  });

  it('does not look up a code too short to be one', () => {
    const { actor, calls } = start();
    actor.send({ type: 'track.type', code: 'K1' });
    expect(actor.getSnapshot().can({ type: 'track.check' })).toBe(false);
    actor.send({ type: 'track.check' });
    expect(actor.getSnapshot().value).toBe('code');
    expect(calls).toEqual([]);
  });

  it('looks up the code the reader read off the receipt QR', async () => {
    const { actor, calls, until } = start();
    actor.send({ type: 'core.readerRead', sessionId, read: { kind: 'trackingCode', code: localCode } });
    expect(actor.getSnapshot().value).toBe('checking');
    await until('result');
    expect(calls).toEqual([{ sessionId, code: localCode }]);
  });

  it('hints that a scanned CCCD is an ID card, not a receipt, and looks nothing up', () => {
    const { actor, calls } = start();
    actor.send({ type: 'core.readerRead', sessionId, read: { kind: 'identity', identity } });
    expect(actor.getSnapshot().value).toBe('code');
    expect(actor.getSnapshot().context.hint).toBe('idCard');
    expect(calls).toEqual([]);
    // typing puts the hint away
    actor.send({ type: 'track.type', code: 'K' });
    expect(actor.getSnapshot().context.hint).toBeNull();
  });

  it('hints that an unreadable code could not be read', () => {
    const { actor } = start();
    actor.send({ type: 'core.readerRead', sessionId, read: { kind: 'invalid', field: 'payload', rule: 'garbage' } });
    expect(actor.getSnapshot().context.hint).toBe('unreadable');
    actor.send({ type: 'core.readerRead', sessionId, read: { kind: 'trackingCode', code: 'https://example.test/?x=1' } });
    expect(actor.getSnapshot().value).toBe('code');
    expect(actor.getSnapshot().context.hint).toBe('unreadable');
  });

  it("ignores a read meant for another session", () => {
    const { actor, calls } = start();
    actor.send({ type: 'core.readerRead', sessionId: 'session-999999999999', read: { kind: 'trackingCode', code: localCode } });
    expect(actor.getSnapshot().value).toBe('code');
    expect(calls).toEqual([]);
  });

  it('drops reads while a lookup runs', async () => {
    let release: (r: TrackResult) => void = () => undefined;
    const slow = () => new Promise<TrackResult>((resolve) => (release = resolve));
    const { actor, calls, until } = start([slow]);
    actor.send({ type: 'core.readerRead', sessionId, read: { kind: 'trackingCode', code: localCode } });
    await Promise.resolve();
    actor.send({ type: 'core.readerRead', sessionId, read: { kind: 'trackingCode', code: officialCode } });
    actor.send({ type: 'core.readerRead', sessionId, read: { kind: 'identity', identity } });
    expect(actor.getSnapshot().value).toBe('checking');
    release(tracked);
    await until('result');
    expect(calls).toHaveLength(1);
  });

  it('starts a new lookup when another receipt is scanned on the result', async () => {
    const { actor, calls, until } = start();
    actor.send({ type: 'core.readerRead', sessionId, read: { kind: 'trackingCode', code: localCode } });
    await until('result');
    actor.send({ type: 'core.readerRead', sessionId, read: { kind: 'trackingCode', code: officialCode } });
    await until('result');
    expect(calls.map((c) => c.code)).toEqual([localCode, officialCode]);
    expect(actor.getSnapshot().context.checkedCode).toBe(officialCode);
  });

  it('looks up a code it was handed straight away', async () => {
    const { actor, calls, until } = start(undefined, flowInput({ code: localCode }));
    expect(actor.getSnapshot().value).toBe('checking');
    await until('result');
    expect(calls).toEqual([{ sessionId, code: localCode }]);
  });
});

describe('track flow: answers', () => {
  it('says when neither the kiosk nor the city knows the code, and keeps the code to correct', async () => {
    const { actor, until } = start([
      () => {
        throw kioskError('DossierNotFound', 'no such code');
      },
    ]);
    actor.send({ type: 'track.type', code: 'KIOSK01-261124-0009' });
    actor.send({ type: 'track.check' });
    await until('notFound');
    expect(actor.getSnapshot().value).toBe('notFound');
    expect(actor.getSnapshot().context.error?.kind).toBe('DossierNotFound');
    actor.send({ type: 'track.edit' });
    expect(actor.getSnapshot().value).toBe('code');
    expect(actor.getSnapshot().context.code).toBe('KIOSK01-261124-0009');
  });

  it('shows the last known status and its time when the city cannot be reached', async () => {
    const { actor, until } = start([() => cityDown]);
    actor.send({ type: 'track.type', code: localCode });
    actor.send({ type: 'track.check' });
    await until('result');
    const result = actor.getSnapshot().context.result;
    expect(result?.cityReachable).toBe(false);
    expect(result && cityView(result)).toEqual({ kind: 'lastKnown', status: cityDown.city, asOf: '2026-11-25T08:30:00.000Z' });
  });

  it('offers to try again after another failure, and the retry can succeed', async () => {
    const { actor, calls, until } = start([
      () => {
        throw kioskError('TransportClosed', 'core went away');
      },
      () => tracked,
    ]);
    actor.send({ type: 'track.type', code: localCode });
    actor.send({ type: 'track.check' });
    await until('failed');
    expect(actor.getSnapshot().context.error?.kind).toBe('TransportClosed');
    actor.send({ type: 'track.retry' });
    await until('result');
    expect(calls).toHaveLength(2);
    expect(actor.getSnapshot().context.error).toBeNull();
  });

  it('words a thrown non-kiosk error as Internal', async () => {
    const { actor, until } = start([
      () => {
        throw new Error('boom');
      },
    ]);
    actor.send({ type: 'track.type', code: localCode });
    actor.send({ type: 'track.check' });
    await until('failed');
    expect(actor.getSnapshot().context.error?.kind).toBe('Internal');
  });

  it('hands the looked-up code to the rate flow', async () => {
    const { actor, until } = start();
    actor.send({ type: 'track.type', code: officialCode });
    actor.send({ type: 'track.check' });
    await until('result');
    actor.send({ type: 'track.rate' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toEqual({ next: 'flow', choice: 'rate', code: officialCode });
  });

  it('tracks another dossier from a clean code screen', async () => {
    const { actor, until } = start();
    actor.send({ type: 'track.type', code: localCode });
    actor.send({ type: 'track.check' });
    await until('result');
    actor.send({ type: 'track.another' });
    expect(actor.getSnapshot().value).toBe('code');
    expect(actor.getSnapshot().context).toMatchObject({ code: '', checkedCode: null, result: null, hint: null });
  });

  it('goes home from the code screen (Back) and from the result (Home)', async () => {
    const first = start();
    first.actor.send({ type: 'track.back' });
    expect(first.actor.getSnapshot().output).toEqual({ next: 'home' });

    const second = start();
    second.actor.send({ type: 'track.type', code: localCode });
    second.actor.send({ type: 'track.check' });
    await second.until('result');
    second.actor.send({ type: 'track.home' });
    expect(second.actor.getSnapshot().output).toEqual({ next: 'home' });
  });
});
