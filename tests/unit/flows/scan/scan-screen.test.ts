import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { ErrorKind } from '../../../../common/errors.js';
import type { ComponentPages } from '../../../../common/kiosk-api/contract.js';
import { ScanStep } from '../../../../renderer/flows/scan/ScanStep.js';
import { scanMachine, type RemovePageInput, type ScanPagesInput } from '../../../../renderer/flows/scan/scan-machine.js';
import { t, type MessageKey, type MessageParams } from '../../../../renderer/i18n/index.js';
import { initialContext } from '../../../../renderer/machines/root-machine.js';
import { FakeScanner, type Sheet } from './fake-scanner.js';

const sessionId = 'session-000000000001';
const component = {
  id: 'to-khai',
  name: { vi: 'Tờ khai đăng ký kết hôn', en: 'Marriage registration form' },
  required: true,
  pages: { min: 1, max: 3 },
  note: { vi: 'Theo mẫu của Thông tư 04/2020/TT-BTP', en: 'On the Circular 04/2020 template' },
};

const setUp = () => {
  const scanner = new FakeScanner((componentId, page) => actor.send({ type: 'core.scanPage', sessionId, componentId, page }));
  const actor = createActor(
    scanMachine.provide({
      actors: {
        scanPages: fromPromise<ComponentPages, ScanPagesInput>(({ input }) => scanner.scan(input)),
        removePage: fromPromise<ComponentPages, RemovePageInput>(({ input }) => scanner.removePage(input)),
      },
    }),
    { input: { sessionId, component, pages: [], devices: [] } },
  );
  actor.start();
  const render = (locale: 'vi' | 'en' = 'vi') =>
    renderToStaticMarkup(
      createElement(ScanStep, {
        actor,
        context: { ...initialContext(), locale },
        send: () => undefined,
        tr: (key: MessageKey, params?: MessageParams) => t(locale, key, params),
      }),
    );
  return { actor, scanner, render };
};

const scanned = async (sheets: Sheet[]) => {
  const k = setUp();
  k.scanner.feeder = sheets;
  k.actor.send({ type: 'scan.start' });
  await waitFor(k.actor, (s) => s.matches('ready'), { timeout: 1000 });
  return k;
};

describe('scan step screen', () => {
  it('names the paper, says it is required, how many pages and the note, in one h1 screen', () => {
    const html = setUp().render();
    expect(html).toContain('data-screen="submit.scan"');
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain('Tờ khai đăng ký kết hôn');
    expect(html).toContain(t('vi', 'scan.required'));
    expect(html).toContain(t('vi', 'scan.expected.range', { min: 1, max: 3 }));
    expect(html).toContain('Theo mẫu của Thông tư 04/2020/TT-BTP');
    expect(html).toContain('aria-pressed="true" data-source="feeder"');
    // Done stays off until a page is in
    expect(html).toMatch(/<button type="button" class="button button--primary" disabled="">Xong<\/button>/);
  });

  it('shows numbered thumbnails and says which pages look blank or dark, and what to do', async () => {
    const { render } = await scanned([{}, { blank: true }, { tooDark: true }]);
    const html = render();
    expect(html.match(/<img class="scan__thumb" src="data:image\/jpeg;base64,/g)).toHaveLength(3);
    expect(html).toContain(t('vi', 'scan.page', { index: 3 }));
    expect(html).toContain(t('vi', 'scan.warning.blank', { pages: '2' }));
    expect(html).toContain(t('vi', 'scan.warning.tooDark', { pages: '3' }));
    expect(html).toContain(t('vi', 'scan.page.retake', { index: 2 }));
    expect(html).toContain(t('vi', 'scan.page.remove', { index: 2 }));
  });

  it('asks for the remaining pages when the feeder ran out', async () => {
    const { render } = await scanned([{}]);
    expect(render('en')).toContain(t('en', 'scan.feederEmpty', { count: 1 }));
  });

  it.each<ErrorKind>(['FeederEmpty', 'ScanJam', 'CoverOpen', 'DeviceOffline', 'DeviceTimeout', 'DeviceBusy'])(
    'words %s with what to do, and offers Try again',
    async (kind) => {
      const { actor, scanner, render } = setUp();
      scanner.faults.push(kind);
      actor.send({ type: 'scan.start' });
      await waitFor(actor, (s) => s.matches('failed'), { timeout: 1000 });
      const html = render();
      expect(html).toContain(`data-error="${kind}"`);
      expect(html).toContain(t('vi', `scan.error.${kind}` as MessageKey));
      expect(html).toContain(`>${t('vi', 'scan.retry')}</button>`);
    },
  );

  it('asks the resident to place the page before a retake, and lets them cancel it or go back', async () => {
    const { actor, render } = await scanned([{}, {}]);
    actor.send({ type: 'scan.retake', index: 2 });
    const html = render();
    expect(html).toContain('data-state="placing"');
    expect(html).toContain(t('vi', 'scan.retake.hint', { index: 2 }));
    expect(html).toContain(`>${t('vi', 'scan.cancel')}</button>`);
    expect(html).toContain(`>${t('vi', 'common.back')}</button>`);
    expect(render('en')).toContain(`>${t('en', 'common.back')}</button>`);
  });

  it('says a page could not be removed, and offers to try the removal again', async () => {
    const { actor, scanner, render } = await scanned([{}, {}]);
    scanner.faults.push('Internal');
    actor.send({ type: 'scan.remove', index: 2 });
    await waitFor(actor, (s) => s.matches('failed'), { timeout: 1000 });
    const html = render();
    expect(html).toContain(t('vi', 'scan.error.removeTitle'));
    expect(html).toContain(t('vi', 'error.Internal'));
    expect(html).toContain(`>${t('vi', 'scan.retry')}</button>`);
  });

  it('offers no Try again when the session is gone', async () => {
    const { actor, scanner, render } = setUp();
    scanner.faults.push('SessionNotFound');
    actor.send({ type: 'scan.start' });
    await waitFor(actor, (s) => s.matches('failed'), { timeout: 1000 });
    const html = render();
    expect(html).toContain(t('vi', 'error.SessionNotFound'));
    expect(html).not.toContain(`>${t('vi', 'scan.retry')}</button>`);
    expect(html).toContain(`>${t('vi', 'common.back')}</button>`);
  });
});
