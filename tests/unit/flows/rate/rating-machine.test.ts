import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock, waitFor, type SnapshotFrom } from 'xstate';
import type { RatingLevel } from '../../../../common/kiosk-api/journey-contract.js';
import { commentMaxLength, fitComment, ratingMachine, thanksMs, type RatingInput } from '../../../../renderer/flows/rate/rating-machine.js';
import { FakeRatings, sessionId } from './rate-fixture.js';

const code = 'KT01-260105-0007';

const start = (input: Partial<RatingInput> = {}, clock?: SimulatedClock) => {
  const core = new FakeRatings();
  const actor = createActor(ratingMachine.provide({ actors: core.ratingActors() }), { input: { sessionId, code, ...input }, ...(clock ? { clock } : {}) });
  actor.start();
  const until = (state: Parameters<SnapshotFrom<typeof ratingMachine>['matches']>[0]) => waitFor(actor, (s) => s.matches(state), { timeout: 1000 });
  return { actor, core, until };
};

describe('rating step', () => {
  it.each<[RatingLevel, string]>([
    [1, 'Rất hài lòng'],
    [2, 'Hài lòng'],
    [3, 'Không hài lòng'],
  ])('sends level %i (%s) for the dossier, thanks, then finishes rated', async (level) => {
    const { actor, core, until } = start();
    expect(actor.getSnapshot().value).toBe('choosing');
    actor.send({ type: 'rating.choose', level });
    actor.send({ type: 'rating.send' });
    expect(actor.getSnapshot().value).toBe('sending');
    await until('thanks');
    expect(core.kept).toEqual([{ sessionId, code, level }]);
    actor.send({ type: 'rating.continue' });
    expect(actor.getSnapshot().output).toEqual({ rated: true });
  });

  it('lets the resident change their mind before sending', async () => {
    const { actor, core, until } = start();
    actor.send({ type: 'rating.choose', level: 3 });
    actor.send({ type: 'rating.choose', level: 1 });
    actor.send({ type: 'rating.send' });
    await until('thanks');
    expect(core.kept[0]?.level).toBe(1);
  });

  it('sends nothing before a level is chosen', () => {
    const { actor } = start();
    expect(actor.getSnapshot().can({ type: 'rating.send' })).toBe(false);
    actor.send({ type: 'rating.send' });
    expect(actor.getSnapshot().value).toBe('choosing');
  });

  it('sends the comment trimmed, and none when it is blank', async () => {
    const first = start();
    first.actor.send({ type: 'rating.choose', level: 2 });
    first.actor.send({ type: 'rating.comment', text: '  Cán bộ hướng dẫn nhiệt tình.  ' });
    first.actor.send({ type: 'rating.send' });
    await first.until('thanks');
    expect(first.core.kept[0]).toEqual({ sessionId, code, level: 2, comment: 'Cán bộ hướng dẫn nhiệt tình.' });

    const second = start();
    second.actor.send({ type: 'rating.choose', level: 2 });
    second.actor.send({ type: 'rating.comment', text: '   ' });
    second.actor.send({ type: 'rating.send' });
    await second.until('thanks');
    expect(second.core.kept[0]).not.toHaveProperty('comment');
  });

  it('keeps a comment within 500 characters, in NFC, and says when it cut one', () => {
    const { actor } = start();
    actor.send({ type: 'rating.comment', text: 'ô'.repeat(commentMaxLength + 40) });
    expect(actor.getSnapshot().context.comment).toHaveLength(500);
    expect(actor.getSnapshot().context.commentCut).toBe(true);
    actor.send({ type: 'rating.comment', text: 'Tốt' });
    expect(actor.getSnapshot().context.commentCut).toBe(false);
    // "ố" typed as o + circumflex + acute comes out as the one precomposed letter
    actor.send({ type: 'rating.comment', text: 'To\u0302\u0301t' });
    expect(actor.getSnapshot().context.comment).toBe('Tốt');
    // exactly 500 decomposed letters still fit once composed
    expect(fitComment('e\u0302'.repeat(500))).toEqual({ comment: 'ê'.repeat(500), cut: false });
    // a cut never splits a surrogate pair
    expect(fitComment(`${'a'.repeat(499)}😀`)).toEqual({ comment: 'a'.repeat(499), cut: true });
  });

  it('says why sending failed, and sends again on retry', async () => {
    const { actor, core, until } = start();
    core.faults.push('DiskFull');
    actor.send({ type: 'rating.choose', level: 1 });
    actor.send({ type: 'rating.send' });
    await until('failed');
    expect(actor.getSnapshot().context.error?.kind).toBe('DiskFull');
    actor.send({ type: 'rating.retry' });
    await until('thanks');
    expect(actor.getSnapshot().context.error).toBeNull();
    expect(core.kept).toHaveLength(1);
  });

  it('can skip after a failure, or pick another level and send again', async () => {
    const first = start();
    first.core.faults.push('TransportClosed');
    first.actor.send({ type: 'rating.choose', level: 1 });
    first.actor.send({ type: 'rating.send' });
    await first.until('failed');
    first.actor.send({ type: 'rating.skip' });
    expect(first.actor.getSnapshot().output).toEqual({ rated: false });

    const second = start();
    second.core.faults.push('Internal');
    second.actor.send({ type: 'rating.choose', level: 1 });
    second.actor.send({ type: 'rating.send' });
    await second.until('failed');
    second.actor.send({ type: 'rating.choose', level: 2 });
    expect(second.actor.getSnapshot().value).toBe('choosing');
    second.actor.send({ type: 'rating.send' });
    await second.until('thanks');
    expect(second.core.kept[0]?.level).toBe(2);
  });

  it('Skip: not rated, nothing sent', () => {
    const { actor, core } = start();
    actor.send({ type: 'rating.skip' });
    expect(actor.getSnapshot().output).toEqual({ rated: false });
    expect(core.kept).toEqual([]);
  });

  it('the thanks moves on by itself', async () => {
    const clock = new SimulatedClock();
    const { actor, until } = start({}, clock);
    actor.send({ type: 'rating.choose', level: 2 });
    actor.send({ type: 'rating.send' });
    await until('thanks');
    clock.increment(thanksMs - 1);
    expect(actor.getSnapshot().value).toBe('thanks');
    clock.increment(1);
    expect(actor.getSnapshot().output).toEqual({ rated: true });
  });

  it('without its own thanks (the rate flow), finishes as soon as the rating is kept', async () => {
    const { actor } = start({ showThanks: false });
    actor.send({ type: 'rating.choose', level: 1 });
    actor.send({ type: 'rating.send' });
    await waitFor(actor, (s) => s.status === 'done', { timeout: 1000 });
    expect(actor.getSnapshot().output).toEqual({ rated: true });
  });
});
