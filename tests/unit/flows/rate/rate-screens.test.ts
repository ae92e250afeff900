import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor, type ActorRefFrom } from 'xstate';
import { kioskError } from '../../../../common/errors.js';
import type { JourneyStep, TrackResult } from '../../../../common/kiosk-api/journey-contract.js';
import { RateFlow } from '../../../../renderer/flows/rate/RateFlow.js';
import { rateMachine, type TrackDossierInput } from '../../../../renderer/flows/rate/rate-machine.js';
import { RatingStep } from '../../../../renderer/flows/rate/RatingStep.js';
import { ratingMachine, type SubmitRatingInput } from '../../../../renderer/flows/rate/rating-machine.js';
import { t, type MessageKey, type MessageParams } from '../../../../renderer/i18n/index.js';
import { initialContext } from '../../../../renderer/machines/root-machine.js';
import { FakeRatings, flowInput, sessionId } from './rate-fixture.js';

const props = (locale: 'vi' | 'en' = 'vi') => ({
  context: { ...initialContext(), locale },
  send: () => undefined,
  tr: (key: MessageKey, params?: MessageParams) => t(locale, key, params),
});

const startRate = () => {
  const core = new FakeRatings();
  const actor = createActor(
    rateMachine.provide({
      actors: {
        trackDossier: fromPromise<TrackResult, TrackDossierInput>(({ input }) => core.track(input)),
        markStep: fromPromise<void, { sessionId: string; step: JourneyStep }>(async () => undefined),
        ratingStep: ratingMachine.provide({ actors: core.ratingActors() }),
      },
    }),
    { input: flowInput() },
  );
  actor.start();
  const render = (locale: 'vi' | 'en' = 'vi') => renderToStaticMarkup(createElement(RateFlow, { actor, ...props(locale) }));
  return { actor, render };
};

describe('rate flow screens', () => {
  it('asks for the code with a labelled field and an on-screen keyboard', () => {
    const page = startRate().render();
    expect(page).toContain('data-screen="rate.code"');
    expect(page.match(/<h1/g)).toHaveLength(1);
    expect(page).toContain(`<label class="field__label" for="rate-code">${t('vi', 'rate.code.label')}</label>`);
    expect(page).toContain('class="osk"');
  });

  it('says clearly when no dossier has that code', async () => {
    const { actor, render } = startRate();
    actor.send({ type: 'rate.setCode', code: 'KT01-260105-9999' });
    actor.send({ type: 'rate.check' });
    await waitFor(actor, (s) => s.context.error !== null, { timeout: 1000 });
    expect(render()).toContain(t('vi', 'rate.code.notFound', { code: 'KT01-260105-9999' }));
  });

  it('shows the rating as rate.rating with the procedure, then the flow’s thanks', async () => {
    const { actor, render } = startRate();
    actor.send({ type: 'core.readerRead', sessionId, read: { kind: 'trackingCode', code: 'KT01-260105-0007' } });
    await waitFor(actor, (s) => s.matches('rating'), { timeout: 1000 });
    const page = render();
    expect(page).toContain('data-screen="rate.rating"');
    expect(page).toContain('Đăng ký kết hôn');
    for (const level of [1, 2, 3] as const) expect(page).toContain(`>${t('vi', `rating.level.${level}`)}</span>`);

    const rating = actor.getSnapshot().children.rating as ActorRefFrom<typeof ratingMachine>;
    rating.send({ type: 'rating.choose', level: 2 });
    rating.send({ type: 'rating.send' });
    await waitFor(actor, (s) => s.matches('thanks'), { timeout: 1000 });
    const thanks = render('en');
    expect(thanks).toContain('data-screen="rate.thanks"');
    expect(thanks).toContain(t('en', 'rate.thanks.body', { code: 'KT01-260105-0007' }));
  });
});

describe('rating step screen', () => {
  const startRating = () => {
    const core = new FakeRatings();
    const actor = createActor(ratingMachine.provide({ actors: core.ratingActors() }), { input: { sessionId, code: 'KT01-260105-0007' } });
    actor.start();
    const render = () => renderToStaticMarkup(createElement(RatingStep, { actor, ...props() }));
    return { actor, core, render };
  };

  it('offers three big choices, the chosen one pressed, and Send only once one is chosen', () => {
    const { actor, render } = startRating();
    let page = render();
    expect(page).toContain('data-screen="submit.rating"');
    expect(page).toContain('aria-pressed="false" data-level="1"');
    expect(page).toMatch(/disabled="">Gửi đánh giá<\/button>/);
    actor.send({ type: 'rating.choose', level: 1 });
    page = render();
    expect(page).toContain('aria-pressed="true" data-level="1"');
    expect(page).not.toMatch(/disabled="">Gửi đánh giá<\/button>/);
  });

  it('counts the comment’s characters and says when it was cut', () => {
    const { actor, render } = startRating();
    actor.send({ type: 'rating.comment', text: 'a'.repeat(600) });
    const page = render();
    expect(page).toContain(t('vi', 'rating.comment.count', { count: 500, max: 500 }));
    expect(page).toContain(t('vi', 'rating.comment.cut', { max: 500 }));
  });

  it('says sending failed, with the reason, and offers to send again', async () => {
    const { actor, core, render } = startRating();
    core.faults.push('TransportClosed');
    actor.send({ type: 'rating.choose', level: 3 });
    actor.send({ type: 'rating.send' });
    await waitFor(actor, (s) => s.matches('failed'), { timeout: 1000 });
    const page = render();
    expect(page).toContain(t('vi', 'rating.failed'));
    expect(page).toContain(t('vi', 'error.TransportClosed'));
    expect(page).toContain(`>${t('vi', 'rating.retry')}</button>`);
  });

  it('offers Skip, not Retry, when the core says sending again will not help', async () => {
    const actor = createActor(
      ratingMachine.provide({
        actors: {
          submitRating: fromPromise<{ kept: true }, SubmitRatingInput>(async () => {
            throw kioskError('Internal', 'refused for good', { retryable: false });
          }),
        },
      }),
      { input: { sessionId, code: 'KT01-260105-0007' } },
    );
    actor.start();
    actor.send({ type: 'rating.choose', level: 3 });
    actor.send({ type: 'rating.send' });
    await waitFor(actor, (s) => s.matches('failed'), { timeout: 1000 });
    const page = renderToStaticMarkup(createElement(RatingStep, { actor, ...props() }));
    expect(page).toContain(t('vi', 'error.Internal'));
    expect(page).not.toContain(`>${t('vi', 'rating.retry')}</button>`);
    expect(page).toContain(`>${t('vi', 'rating.skip')}</button>`);
  });
});
