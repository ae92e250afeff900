import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { kioskError, type KioskError } from '../../../../common/errors.js';
import { TrackFlow } from '../../../../renderer/flows/track/TrackFlow.js';
import { trackMachine } from '../../../../renderer/flows/track/track-machine.js';
import { t, type MessageKey, type MessageParams } from '../../../../renderer/i18n/index.js';
import { initialContext } from '../../../../renderer/machines/root-machine.js';
import { flowInput, stepRecorder } from '../guide/guide-fixture.js';
import { localCode, scriptedTrack } from './track-fixture.js';

// The track screens that end a lookup without a result: each says what to do and offers a
// way back; Retry only where trying again can help.

/** a lookup of `localCode` that fails with `error` */
const failedLookup = async (error: KioskError) => {
  const track = scriptedTrack([
    () => {
      throw error;
    },
  ]);
  const actor = createActor(trackMachine.provide({ actors: { 'session.step': stepRecorder().actor, 'dossier.track': track.actor } }), { input: flowInput() });
  actor.start();
  actor.send({ type: 'track.type', code: localCode });
  actor.send({ type: 'track.check' });
  await waitFor(actor, (s) => s.matches('notFound') || s.matches('failed'), { timeout: 1000 });
  const render = (locale: 'vi' | 'en' = 'vi') =>
    renderToStaticMarkup(
      createElement(TrackFlow, {
        actor,
        context: { ...initialContext(), locale },
        send: () => undefined,
        tr: (key: MessageKey, params?: MessageParams) => t(locale, key, params),
      }),
    );
  return { actor, render };
};

const button = (locale: 'vi' | 'en', key: MessageKey) => `>${t(locale, key)}</button>`;

describe('track screens: no result', () => {
  it('not found: what to check, and Back, Edit the code and Home', async () => {
    const { actor, render } = await failedLookup(kioskError('DossierNotFound', 'no such code'));
    const page = render();
    expect(page).toContain('data-screen="track.notFound"');
    expect(page).toContain(t('vi', 'track.notFound.lead', { code: localCode }));
    for (const key of ['common.back', 'track.notFound.edit', 'track.home'] as const) expect(page).toContain(button('vi', key));
    expect(render('en')).toContain(button('en', 'common.back'));
    // Back keeps the code for a correction
    actor.send({ type: 'track.back' });
    expect(actor.getSnapshot().matches('code')).toBe(true);
    expect(actor.getSnapshot().context.code).toBe(localCode);
  });

  it('a lookup that failed: the reason in Vietnamese, Retry, Back, Edit and Home', async () => {
    const { render } = await failedLookup(kioskError('Internal', 'database busy', { retryable: true }));
    const page = render();
    expect(page).toContain('data-screen="track.failed"');
    expect(page).toContain('data-error="Internal"');
    expect(page).toContain(t('vi', 'error.Internal'));
    for (const key of ['track.failed.retry', 'common.back', 'track.notFound.edit', 'track.home'] as const) expect(page).toContain(button('vi', key));
  });

  it('no Retry when the core says trying again will not help', async () => {
    const { render } = await failedLookup(kioskError('Internal', 'refused for good', { retryable: false }));
    const page = render();
    expect(page).not.toContain(button('vi', 'track.failed.retry'));
    expect(page).toContain(button('vi', 'common.back'));
  });
});
