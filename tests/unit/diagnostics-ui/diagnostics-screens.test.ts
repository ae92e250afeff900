import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../common/domain/locale.js';
import type { DiagTab } from '../../../renderer/diagnostics/diagnostics-types.js';
import { diagTabs } from '../../../renderer/diagnostics/diagnostics-types.js';
import { t, type MessageKey, type MessageParams } from '../../../renderer/i18n/index.js';
import { initialContext } from '../../../renderer/machines/root-machine.js';
import type { UserEvent } from '../../../renderer/machines/root-types.js';
import { DiagnosticsScreen, type DiagnosticsActor } from '../../../renderer/screens/DiagnosticsScreen.js';
import { testCatalog } from '../renderer/test-catalog.js';
import { testConfig } from '../renderer/fake-core.js';
import { dead, FakeDiagnostics, liveDevices, pending, reloadRefused, startDiagnostics } from './diag-fixture.js';

const render = (actor: DiagnosticsActor | undefined, locale: Locale = 'vi', sent: UserEvent[] = []) =>
  renderToStaticMarkup(
    createElement(DiagnosticsScreen, {
      actor,
      busy: actor === undefined,
      context: { ...initialContext(), config: testConfig, catalog: testCatalog, locale },
      send: (e: UserEvent) => sent.push(e),
      tr: (key: MessageKey, params?: MessageParams) => t(locale, key, params),
    }),
  );

const vi = (key: MessageKey, params?: MessageParams) => t('vi', key, params);
/** text as the markup writes it */
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

const openTab = async (tab: DiagTab, fake = new FakeDiagnostics()) => {
  const k = startDiagnostics(fake);
  await k.settle();
  k.actor.send({ type: `diag.tab.${tab}` });
  await k.settle();
  return k;
};

describe('diagnostics screens', () => {
  it('names each tab’s screen diag.<tab>, with one heading, in both languages, every placeholder filled', async () => {
    for (const tab of diagTabs) {
      const { actor } = await openTab(tab);
      for (const locale of ['vi', 'en'] as const) {
        const page = render(actor, locale);
        expect(page, tab).toContain(`data-screen="diag.${tab}"`);
        expect(page.match(/<h1/g), tab).toHaveLength(1);
        expect(page, tab).toContain(html(t(locale, `diag.tab.${tab}`)));
        expect(page.match(/\{[a-zA-Z]+\}/g), `${tab} ${locale}`).toBeNull();
        expect(page, tab).toContain(`aria-current="page" data-tab="${tab}"`);
      }
    }
  });

  it('says who is signed in, and Exit sends the root’s exit', async () => {
    const { actor } = await openTab('devices');
    const page = render(actor);
    expect(page).toContain(vi('diag.signedIn', { operator: 'tech-01', role: vi('diag.role.technician') }));
    expect(page).toContain(vi('diag.exit'));
    // the button's handler is React's; the root event it sends is typed in DiagnosticsScreen
  });

  it('shows a locking screen once the machine is gone', () => {
    const page = render(undefined);
    expect(page).toContain('data-screen="locking"');
    expect(page).toContain(vi('diag.locking'));
  });

  it('draws the devices live, with their tests and results', async () => {
    const { actor, settle } = await openTab('devices');
    actor.send({ type: 'diag.device.printTest' });
    await settle();
    actor.send({ type: 'diag.device.cardTestSimulated' });
    await settle();
    actor.send({ type: 'core.deviceStatus', devices: liveDevices('userError', 'paper end sensor') });
    const page = render(actor);
    expect(page).toContain('data-device="printer" data-state="userError"');
    expect(page).toContain(vi('diag.state.userError'));
    expect(page).toContain(vi('diag.media.out'));
    expect(page).toContain('paper end sensor');
    expect(page).toContain(vi('diag.print.run'));
    expect(page).toContain(vi('diag.scan.run'));
    expect(page).toContain(vi('diag.card.run'));
    expect(page).toContain(`alt="${vi('diag.print.previewAlt')}"`);
    expect(page).toContain('0010******56');
    expect(page).toContain('N. V. A.');
  });

  it('shows a failure with its call, kind, technician detail and the resident’s words', async () => {
    const fake = new FakeDiagnostics();
    fake.fail('diag.scanTest', 'DeviceOffline', 'scanimage: no SANE devices found');
    const { actor, settle } = await openTab('devices', fake);
    actor.send({ type: 'diag.device.scanTest' });
    await settle();
    const page = render(actor);
    expect(page).toContain('role="alert" data-failure="DeviceOffline" data-action="diag.scanTest"');
    expect(page).toContain(vi('diag.failure.title', { action: 'diag.scanTest' }));
    expect(page).toContain('<code>DeviceOffline</code>');
    expect(page).toContain('scanimage: no SANE devices found');
    expect(page).toContain(vi('error.DeviceOffline'));
    // on the scanner's card, beside the button that failed, and only there
    const at = page.indexOf('data-failure="DeviceOffline"');
    expect(at).toBeGreaterThan(page.indexOf('data-device="scanner"'));
    expect(at).toBeLessThan(page.indexOf('data-device="idReader"'));
    expect(page.match(/data-failure=/g)).toHaveLength(1);
  });

  it('shows a failed load at the top of the tab', async () => {
    const fake = new FakeDiagnostics();
    fake.fail('diag.devices', 'NotAuthorized', 'diag.devices needs an unlocked technician');
    const { actor, settle } = startDiagnostics(fake);
    await settle();
    const page = render(actor);
    expect(page.indexOf('data-failure="NotAuthorized"')).toBeLessThan(page.indexOf('data-device="printer"'));
    expect(page).toContain(vi('error.NotAuthorized'));
  });

  it('draws the queue: counts, the oldest wait in words, masked applicants, and row actions', async () => {
    const { actor } = await openTab('queue');
    actor.send({ type: 'diag.queue.toggle', id: pending.id });
    const page = render(actor);
    expect(page).toContain(vi('diag.queue.oldestAge', { age: '3 giờ 12 phút' }));
    expect(page).toContain(vi('diag.breaker.open'));
    expect(page).toContain('0010******56 · N. V. A.');
    expect(page).toContain(vi('diag.queue.retryNow', { code: pending.localCode }));
    expect(page).toContain(vi('diag.queue.requeue', { code: dead.localCode }));
    expect(page).toContain(vi('diag.queue.select', { code: pending.localCode }));
    expect(page).toContain('Đăng ký kết hôn');
    expect(page).toContain(vi('diag.queue.selected', { count: 1 }));
    expect(page).toContain(`data-dossier="${dead.localCode}" data-state="dead"`);
  });

  it('draws the export form with labelled fields, hidden passphrases, and the mismatch said', async () => {
    const { actor, until } = await openTab('queue');
    actor.send({ type: 'diag.queue.toggle', id: pending.id });
    actor.send({ type: 'diag.queue.export' });
    await until((s) => s.matches({ queue: { export: 'form' } }));
    actor.send({ type: 'diag.export.passphrase', value: 'mat-khau-cua-goi-01' });
    actor.send({ type: 'diag.export.passphraseAgain', value: 'mat-khau-cua-goi-02' });
    actor.send({ type: 'diag.export.start' });
    const page = render(actor);
    expect(page).toContain('data-screen="diag.queue"');
    expect(page).toContain(vi('diag.export.queueTitle', { count: 1 }));
    expect(page).toContain(`<label class="field__label" for="diag-export-folder">${vi('diag.export.folder')}</label>`);
    expect(page).toContain(`<label class="field__label" for="diag-export-passphrase">${vi('diag.export.passphrase')}</label>`);
    // never as text: only inside the password inputs, which draw dots
    expect(page.match(/type="password"/g)).toHaveLength(2);
    expect(page).not.toContain('>mat-khau-cua-goi-01<');
    expect(page).toContain(vi('diag.export.typed', { count: 19 }));
    expect(page).toContain(vi('diag.export.problem.mismatch'));
    expect(page).toContain('/media/kiosk/USB-KT');
    expect(page).toContain(vi('diag.export.start'));
  });

  it('shows what the bundle export wrote', async () => {
    const { actor, until } = await openTab('queue');
    actor.send({ type: 'diag.queue.toggle', id: pending.id });
    actor.send({ type: 'diag.queue.export' });
    await until((s) => s.matches({ queue: { export: 'form' } }));
    actor.send({ type: 'diag.export.passphrase', value: 'mat-khau-cua-goi-01' });
    actor.send({ type: 'diag.export.passphraseAgain', value: 'mat-khau-cua-goi-01' });
    actor.send({ type: 'diag.export.start' });
    await until((s) => s.matches({ queue: { export: 'done' } }));
    const page = render(actor);
    expect(page).toContain('/media/kiosk/USB-KT/KT01-dossiers.kbundle');
    expect(page).toContain('/media/kiosk/USB-KT/KT01-dossiers.manifest.json');
    expect(page).toContain('ab'.repeat(32));
    expect(page).toContain(vi('diag.export.close'));
  });

  it('keeps a refused configuration’s reason and fields on screen', async () => {
    const { actor, settle } = await openTab('config');
    actor.send({ type: 'diag.config.reload' });
    await settle();
    const page = render(actor);
    expect(page).toContain(vi('diag.cfg.refused'));
    expect(page).toContain(reloadRefused.reason ?? '');
    expect(page).toContain('<code>timeouts.idleSeconds</code>');
    expect(page).toContain('must be at least 30');
    expect(page).toContain('data-applied="false" role="alert"');
  });

  it('flags a certificate close to its end in words', async () => {
    const { actor } = await openTab('network');
    const page = render(actor);
    expect(page).toContain(vi('diag.net.down'));
    expect(page).toContain('CityTimeout: no answer in 5 s');
    expect(page).toContain(vi('diag.cert.expiringSoon', { days: 20 }));
    expect(page).toContain('data-certificate="client" data-health="soon"');
    expect(page).toContain(vi('diag.net.check'));
  });

  it('says plainly that kiosk mode cannot be left in the browser host, and confirms a restart', async () => {
    const { actor } = await openTab('system');
    let page = render(actor);
    expect(page).toContain(vi('diag.sys.exitUnavailable', { shell: 'browser-host' }));
    expect(page).toMatch(/disabled="" aria-describedby="diag-exit-unavailable"/);
    actor.send({ type: 'diag.system.restart' });
    page = render(actor);
    expect(page).toContain(vi('diag.sys.restartConfirm'));
    expect(page).toContain(vi('diag.sys.restartYes'));
  });

  it('draws the monthly chart as an image with a text equivalent, and the figures', async () => {
    const { actor } = await openTab('stats');
    const page = render(actor);
    expect(page).toContain('role="img" aria-labelledby="diag-chart-title diag-chart-desc"');
    expect(page).toContain(vi('diag.stats.bar', { procedure: 'Đăng ký kết hôn', self: 6, assisted: 2 }));
    expect(page).toContain(vi('diag.stats.month', { month: 'tháng 1 năm 2026' }));
    expect(page).toContain(vi('diag.stats.percent', { percent: 25 }));
  });

  it('lists the audit trail with who, what and how it ended', async () => {
    const { actor } = await openTab('audit');
    const page = render(actor);
    expect(page).toContain('<code>diag.printTest</code>');
    expect(page).toContain(vi('diag.audit.ok'));
    expect(page).toContain('✗ PinRejected');
    expect(page).toContain(`tech-01 · ${vi('diag.role.technician')}`);
  });

  it('lists log lines with their level in words, and the filters', async () => {
    const { actor } = await openTab('logs');
    const page = render(actor);
    expect(page).toContain('data-level="error"');
    expect(page).toContain(vi('diag.level.error'));
    expect(page).toContain(`<label class="field__label" for="diag-log-component">${vi('diag.logs.component')}</label>`);
    expect(page).toContain('aria-pressed="true"');
  });
});
