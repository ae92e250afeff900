import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { kioskError, type KioskError } from '../../../../common/errors.js';
import { DevicesScreen } from '../../../../renderer/flows/submit/screens/DevicesScreen.js';
import { SubmittingScreen } from '../../../../renderer/flows/submit/screens/SubmittingScreen.js';
import { initialSubmitContext, type SubmitEvent } from '../../../../renderer/flows/submit/submit-machine.js';
import { t, type MessageKey, type MessageParams } from '../../../../renderer/i18n/index.js';
import { flowInput, guardianship, scannerDown } from './submit-fixtures.js';

// The submit screens a failure leads to: each has a way back, and Retry only where it helps.

const props = (locale: 'vi' | 'en' = 'vi', over: Partial<ReturnType<typeof initialSubmitContext>> = {}) => {
  const sent: SubmitEvent[] = [];
  return {
    sent,
    props: {
      c: { ...initialSubmitContext(flowInput({ devices: scannerDown })), procedure: guardianship, ...over },
      act: (e: SubmitEvent) => sent.push(e),
      tr: (key: MessageKey, params?: MessageParams) => t(locale, key, params),
      locale,
    },
  };
};

const action = (name: string, locale: 'vi' | 'en', key: MessageKey) => new RegExp(`data-action="${name}"[^>]*>${t(locale, key)}</button>`);

describe('submit screens', () => {
  it('the devices refusal offers Back beside Other procedure and Home, in both languages', () => {
    for (const locale of ['vi', 'en'] as const) {
      const page = renderToStaticMarkup(createElement(DevicesScreen, { ...props(locale).props, checking: false }));
      expect(page).toContain('data-screen="submit.devices"');
      expect(page).toMatch(action('back', locale, 'common.back'));
      expect(page).toMatch(action('otherProcedure', locale, 'submit.devices.otherProcedure'));
      expect(page).toMatch(action('home', locale, 'submit.devices.home'));
    }
    // no Back while the check runs: nothing to go back from yet
    expect(renderToStaticMarkup(createElement(DevicesScreen, { ...props().props, checking: true }))).not.toContain('data-action="back"');
  });

  const failed = (error: KioskError) => renderToStaticMarkup(createElement(SubmittingScreen, { ...props('vi', { submitError: error }).props, failed: true }));

  it('a dossier the outbox could not keep: why, that nothing was kept, and Retry', () => {
    const page = failed(kioskError('OutboxIo', 'write failed', { retryable: true }));
    expect(page).toContain('data-error="OutboxIo"');
    expect(page).toContain(t('vi', 'error.OutboxIo'));
    expect(page).toMatch(action('retry', 'vi', 'submit.submitting.retry'));
    expect(page).toMatch(action('back', 'vi', 'submit.submitting.backToReview'));
    // a kind the core does not qualify: retrying is worth it unless the session is gone
    expect(failed(kioskError('DiskFull', 'no room'))).toMatch(action('retry', 'vi', 'submit.submitting.retry'));
  });

  it('no Retry when the session is gone, or when the core says retrying will not help', () => {
    for (const error of [kioskError('SessionNotFound', 'gone'), kioskError('InvalidDossier', 'refused', { retryable: false })]) {
      const page = failed(error);
      expect(page).not.toContain('data-action="retry"');
      expect(page).toMatch(action('back', 'vi', 'submit.submitting.backToReview'));
    }
  });
});
