import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { logsRefreshMs, queueListLimit } from '../../../renderer/diagnostics/diagnostics-machine.js';
import { dead, delivered, diagDevices, FakeDiagnostics, liveDevices, noCounts, pending, reloadRefused, startDiagnostics, usbDrive } from './diag-fixture.js';

describe('diagnostics machine: tabs', () => {
  it('opens on the devices tab with the live statuses and the counters', async () => {
    const { actor, fake, settle } = startDiagnostics();
    expect(actor.getSnapshot().matches({ devices: 'loading' })).toBe(true);
    await settle();
    const c = actor.getSnapshot().context;
    expect(actor.getSnapshot().matches({ devices: 'idle' })).toBe(true);
    expect(fake.callsOf('diag.devices')).toHaveLength(1);
    expect(c.devices).toEqual(diagDevices.map((d) => d.status));
    expect(c.counters.printer).toEqual({ receipts: 12, errors: 1 });
    expect(c.failure).toBeNull();
  });

  it('loads each tab’s data when the tab opens', async () => {
    const { actor, fake, settle } = startDiagnostics();
    await settle();
    const expectations: [Parameters<typeof actor.send>[0], string[], string][] = [
      [{ type: 'diag.tab.queue' }, ['diag.queueSummary', 'diag.queueList'], 'queue'],
      [{ type: 'diag.tab.network' }, ['diag.network'], 'network'],
      [{ type: 'diag.tab.config' }, ['diag.config'], 'config'],
      [{ type: 'diag.tab.logs' }, ['diag.logs'], 'logs'],
      [{ type: 'diag.tab.system' }, ['diag.system'], 'system'],
      [{ type: 'diag.tab.stats' }, ['diag.stats', 'diag.statsMonthly'], 'stats'],
      [{ type: 'diag.tab.audit' }, ['diag.audit'], 'audit'],
    ];
    for (const [event, methods, tab] of expectations) {
      const before = fake.calls.length;
      actor.send(event);
      await settle();
      expect(actor.getSnapshot().matches({ [tab]: 'idle' }), tab).toBe(true);
      expect(fake.calls.slice(before).map((c) => c.method), tab).toEqual(methods);
    }
    const c = actor.getSnapshot().context;
    expect(c.queueItems).toHaveLength(3);
    expect(c.queueSummary?.breaker).toBe('open');
    expect(c.network?.reachable).toBe(false);
    expect(c.config?.kioskId).toBe('KT01');
    expect(c.logs).toHaveLength(2);
    expect(c.system?.canExitKiosk).toBe(false);
    expect(c.month).toBe('2026-01');
    expect(c.monthly?.month).toBe('2026-01');
    expect(c.audit).toHaveLength(2);
    expect(fake.callsOf('diag.queueList')).toEqual([{ limit: queueListLimit }]);
    expect(fake.callsOf('diag.statsMonthly')).toEqual([{ month: '2026-01' }]);
    expect(fake.callsOf('diag.audit')).toEqual([{ limit: 200 }]);
  });

  it('refresh asks again (network: check now)', async () => {
    const { actor, fake, settle } = startDiagnostics();
    await settle();
    actor.send({ type: 'diag.tab.network' });
    await settle();
    actor.send({ type: 'diag.refresh' });
    await settle();
    expect(fake.callsOf('diag.network')).toHaveLength(2);
  });

  it('shows a failed load with its method and kind, and clears it when it works again', async () => {
    const fake = new FakeDiagnostics();
    fake.fail('diag.network', 'TransportClosed', 'socket closed');
    const { actor, settle } = startDiagnostics(fake);
    await settle();
    actor.send({ type: 'diag.tab.network' });
    await settle();
    expect(actor.getSnapshot().matches({ network: 'idle' })).toBe(true);
    expect(actor.getSnapshot().context.failure).toEqual({ action: 'diag.network', error: { kind: 'TransportClosed', message: 'socket closed' } });
    actor.send({ type: 'diag.refresh' });
    await settle();
    expect(actor.getSnapshot().context.failure).toBeNull();
    expect(actor.getSnapshot().context.network?.baseUrl).toContain('motcua');
  });

  it('a tab’s failure does not follow the technician to another tab', async () => {
    const fake = new FakeDiagnostics();
    fake.fail('diag.audit', 'NotAuthorized');
    const { actor, settle } = startDiagnostics(fake);
    await settle();
    actor.send({ type: 'diag.tab.audit' });
    await settle();
    expect(actor.getSnapshot().context.failure?.error.kind).toBe('NotAuthorized');
    actor.send({ type: 'diag.tab.config' });
    await settle();
    expect(actor.getSnapshot().context.failure).toBeNull();
  });

  it('keeps the technician on the tab while an action runs, then lets go', async () => {
    const fake = new FakeDiagnostics();
    const { actor, settle, until } = startDiagnostics(fake);
    await settle();
    const release = fake.hold('diag.printTest');
    actor.send({ type: 'diag.device.printTest' });
    expect(actor.getSnapshot().matches({ devices: 'printing' })).toBe(true);
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    actor.send({ type: 'diag.tab.queue' });
    actor.send({ type: 'diag.refresh' });
    expect(actor.getSnapshot().matches({ devices: 'printing' })).toBe(true);
    release();
    await until((s) => s.context.printResult !== null);
    await settle();
    actor.send({ type: 'diag.tab.queue' });
    expect(actor.getSnapshot().matches('queue')).toBe(true);
  });
});

describe('diagnostics machine: devices', () => {
  it('follows live device events on any tab', async () => {
    const { actor, settle } = startDiagnostics();
    await settle();
    actor.send({ type: 'core.deviceStatus', devices: liveDevices('userError', 'paper out') });
    expect(actor.getSnapshot().context.devices).toEqual(liveDevices('userError', 'paper out'));
    actor.send({ type: 'diag.tab.logs' });
    await settle();
    actor.send({ type: 'core.deviceStatus', devices: liveDevices('online') });
    expect(actor.getSnapshot().context.devices[0]?.state).toBe('online');
  });

  it('prints a test receipt, keeps the preview and reads the counters again', async () => {
    const { actor, fake, settle } = startDiagnostics();
    await settle();
    actor.send({ type: 'diag.device.printTest' });
    await settle();
    expect(actor.getSnapshot().context.printResult?.preview?.png).toMatch(/^data:image\/png/);
    expect(fake.callsOf('diag.devices')).toHaveLength(2);
  });

  it('says why a test failed: the method, the kind and the detail', async () => {
    const fake = new FakeDiagnostics();
    fake.fail('diag.printTest', 'PaperOut', 'printer reports paper end');
    const { actor, settle } = startDiagnostics(fake);
    await settle();
    actor.send({ type: 'diag.device.printTest' });
    await settle();
    expect(actor.getSnapshot().matches({ devices: 'idle' })).toBe(true);
    expect(actor.getSnapshot().context.failure).toEqual({ action: 'diag.printTest', error: { kind: 'PaperOut', message: 'printer reports paper end' } });
    expect(actor.getSnapshot().context.printResult).toBeNull();
  });

  it('scans a test page with its quality flags', async () => {
    const { actor, fake, settle } = startDiagnostics();
    await settle();
    actor.send({ type: 'diag.device.scanTest' });
    await settle();
    expect(fake.callsOf('diag.scanTest')).toHaveLength(1);
    expect(actor.getSnapshot().context.scanResult?.tooDark).toBe(true);
  });

  it('reads a card three ways: the reader, the simulator, or what a wedge reader typed', async () => {
    const { actor, fake, settle } = startDiagnostics();
    await settle();
    actor.send({ type: 'diag.device.cardTest' });
    expect(actor.getSnapshot().matches({ devices: 'readingCard' })).toBe(true);
    await settle();
    actor.send({ type: 'diag.device.cardTestSimulated' });
    await settle();
    actor.send({ type: 'diag.device.cardPayload', text: '   ' });
    expect(actor.getSnapshot().matches({ devices: 'idle' })).toBe(true);
    actor.send({ type: 'diag.device.cardPayload', text: '001090123456|123456789|Nguyễn Văn An|01011990|Nam|Hà Nội|01012021' });
    await settle();
    expect(fake.callsOf('diag.cardTest')).toEqual([{}, { simulate: true }, { payload: '001090123456|123456789|Nguyễn Văn An|01011990|Nam|Hà Nội|01012021' }]);
    const c = actor.getSnapshot().context;
    expect(c.cardResult?.idNumberMasked).toBe('0010******56');
    // the full card payload is not kept once the core answered
    expect(c.cardPayload).toBeNull();
  });

  it('forgets a typed card payload the core refused', async () => {
    const fake = new FakeDiagnostics();
    fake.fail('diag.cardTest', 'InvalidIdPayload', 'the card could not be read: idNumber must be 12 digits');
    const { actor, settle } = startDiagnostics(fake);
    await settle();
    actor.send({ type: 'diag.device.cardPayload', text: 'garbage-from-the-wedge' });
    await settle();
    expect(actor.getSnapshot().context.cardPayload).toBeNull();
    expect(actor.getSnapshot().context.failure?.error.kind).toBe('InvalidIdPayload');
  });

  it('runs each device’s self-test and keeps its lines by device', async () => {
    const { actor, fake, settle } = startDiagnostics();
    await settle();
    actor.send({ type: 'diag.device.selfTest', device: 'scanner' });
    await settle();
    actor.send({ type: 'diag.device.selfTest', device: 'idReader' });
    await settle();
    expect(fake.callsOf('devices.selfTest')).toEqual([{ device: 'scanner' }, { device: 'idReader' }]);
    expect(actor.getSnapshot().context.selfTests.scanner).toEqual({ device: 'scanner', passed: true, lines: ['port open', 'status ok'] });
    expect(actor.getSnapshot().context.selfTests.printer).toBeUndefined();
  });
});

const onQueue = async (fake = new FakeDiagnostics()) => {
  const k = startDiagnostics(fake);
  await k.settle();
  k.actor.send({ type: 'diag.tab.queue' });
  await k.settle();
  return k;
};

describe('diagnostics machine: queue', () => {
  it('retries a pending dossier now, then reads the queue again', async () => {
    const { actor, fake, settle } = await onQueue();
    actor.send({ type: 'diag.queue.retry', ref: pending.id });
    expect(actor.getSnapshot().matches({ queue: 'retrying' })).toBe(true);
    await settle();
    expect(fake.callsOf('diag.queueRetry')).toEqual([{ ref: pending.id }]);
    expect(actor.getSnapshot().context.retried).toEqual({ id: pending.id, localCode: pending.localCode, previousState: 'submitted', state: 'submitted' });
    expect(fake.callsOf('diag.queueSummary')).toHaveLength(2);
    expect(fake.callsOf('diag.queueList')).toHaveLength(2);
  });

  it('returns a dead dossier to the queue', async () => {
    const { actor, fake, settle } = await onQueue();
    actor.send({ type: 'diag.queue.retry', ref: dead.id });
    await settle();
    expect(fake.callsOf('diag.queueRetry')).toEqual([{ ref: dead.id }]);
    expect(actor.getSnapshot().context.retried?.state).toBe('submitted');
  });

  it('has nothing to retry for a delivered dossier or an unknown one', async () => {
    const { actor, fake } = await onQueue();
    actor.send({ type: 'diag.queue.retry', ref: delivered.id });
    actor.send({ type: 'diag.queue.retry', ref: 'KT01-260105-9999' });
    expect(actor.getSnapshot().matches({ queue: 'idle' })).toBe(true);
    expect(fake.callsOf('diag.queueRetry')).toEqual([]);
  });

  it('shows a refused retry with its kind', async () => {
    const fake = new FakeDiagnostics();
    fake.fail('diag.queueRetry', 'InvalidState', 'dossier KT01-260105-0001 is no longer pending');
    const { actor, settle } = await onQueue(fake);
    actor.send({ type: 'diag.queue.retry', ref: pending.id });
    await settle();
    expect(actor.getSnapshot().matches({ queue: 'idle' })).toBe(true);
    expect(actor.getSnapshot().context.failure).toEqual({ action: 'diag.queueRetry', error: { kind: 'InvalidState', message: 'dossier KT01-260105-0001 is no longer pending' } });
  });

  it('filters the list by state and drops the selection', async () => {
    const { actor, fake, settle } = await onQueue();
    actor.send({ type: 'diag.queue.toggle', id: pending.id });
    actor.send({ type: 'diag.queue.filter', filter: 'dead' });
    await settle();
    expect(fake.callsOf('diag.queueList').at(-1)).toEqual({ states: ['dead'], limit: queueListLimit });
    expect(actor.getSnapshot().context.selected).toEqual([]);
    actor.send({ type: 'diag.queue.filter', filter: 'pending' });
    await settle();
    expect(fake.callsOf('diag.queueList').at(-1)).toEqual({ states: ['submitted', 'uploading'], limit: queueListLimit });
  });

  it('selects one by one, all, or none', async () => {
    const { actor } = await onQueue();
    actor.send({ type: 'diag.queue.toggle', id: dead.id });
    actor.send({ type: 'diag.queue.toggle', id: pending.id });
    expect(actor.getSnapshot().context.selected).toEqual([dead.id, pending.id]);
    actor.send({ type: 'diag.queue.toggle', id: dead.id });
    expect(actor.getSnapshot().context.selected).toEqual([pending.id]);
    actor.send({ type: 'diag.queue.selectAll' });
    expect(actor.getSnapshot().context.selected).toEqual([pending.id, dead.id, delivered.id]);
    actor.send({ type: 'diag.queue.selectNone' });
    expect(actor.getSnapshot().context.selected).toEqual([]);
  });

  it('follows live queue counts', async () => {
    const { actor } = await onQueue();
    const live = { counts: { ...noCounts, submitted: 4 }, oldestPendingAt: '2026-01-05T02:40:00.000Z' };
    actor.send({ type: 'core.queueCounts', queue: live });
    expect(actor.getSnapshot().context.queueCounts).toEqual(live);
  });
});

describe('diagnostics machine: export', () => {
  const openExport = async (fake?: FakeDiagnostics) => {
    const k = await onQueue(fake);
    k.actor.send({ type: 'diag.queue.export' });
    expect(k.actor.getSnapshot().matches('queue'), 'nothing selected: no export').toBe(true);
    expect(k.actor.getSnapshot().matches({ queue: 'idle' })).toBe(true);
    k.actor.send({ type: 'diag.queue.toggle', id: pending.id });
    k.actor.send({ type: 'diag.queue.toggle', id: dead.id });
    k.actor.send({ type: 'diag.queue.export' });
    await k.until((s) => s.matches({ queue: { export: 'form' } }));
    return k;
  };

  it('offers the USB drives, takes the only one, and blocks a passphrase typed differently twice', async () => {
    const { actor, fake } = await openExport();
    expect(fake.callsOf('diag.exportTargets')).toHaveLength(1);
    expect(actor.getSnapshot().context.exportTargets).toEqual([usbDrive]);
    expect(actor.getSnapshot().context.exportDir).toBe(usbDrive.path);

    actor.send({ type: 'diag.export.passphrase', value: 'short' });
    actor.send({ type: 'diag.export.start' });
    expect(actor.getSnapshot().context.exportProblem).toBe('shortPassphrase');

    actor.send({ type: 'diag.export.passphrase', value: 'mat-khau-cua-goi-01' });
    expect(actor.getSnapshot().context.exportProblem, 'typing clears the complaint').toBeNull();
    actor.send({ type: 'diag.export.passphraseAgain', value: 'mat-khau-cua-goi-02' });
    actor.send({ type: 'diag.export.start' });
    expect(actor.getSnapshot().matches({ queue: { export: 'form' } })).toBe(true);
    expect(actor.getSnapshot().context.exportProblem).toBe('mismatch');
    expect(fake.callsOf('diag.queueExport')).toEqual([]);
  });

  it('wants an absolute folder', async () => {
    const fake = new FakeDiagnostics();
    fake.answers['diag.exportTargets'] = () => [];
    const { actor } = await openExport(fake);
    expect(actor.getSnapshot().context.exportDir).toBe('');
    actor.send({ type: 'diag.export.start' });
    expect(actor.getSnapshot().context.exportProblem).toBe('noFolder');
    actor.send({ type: 'diag.export.folder', dir: 'media/usb' });
    actor.send({ type: 'diag.export.start' });
    expect(actor.getSnapshot().context.exportProblem).toBe('relativeFolder');
  });

  it('exports the selection as a bundle, shows what was written, and forgets the passphrase', async () => {
    const { actor, fake, until } = await openExport();
    actor.send({ type: 'diag.export.folder', dir: '/media/kiosk/OTHER' });
    actor.send({ type: 'diag.export.target', path: usbDrive.path });
    actor.send({ type: 'diag.export.passphrase', value: 'mat-khau-cua-goi-01' });
    actor.send({ type: 'diag.export.passphraseAgain', value: 'mat-khau-cua-goi-01' });
    actor.send({ type: 'diag.export.start' });
    await until((s) => s.matches({ queue: { export: 'done' } }));
    expect(fake.callsOf('diag.queueExport')).toEqual([{ refs: [pending.id, dead.id], dir: usbDrive.path, passphrase: 'mat-khau-cua-goi-01' }]);
    const c = actor.getSnapshot().context;
    expect(c.bundle).toMatchObject({ bundlePath: `${usbDrive.path}/KT01-dossiers.kbundle`, dossiers: 2, sha256: 'ab'.repeat(32) });
    expect(c.passphrase).toBe('');
    expect(c.passphraseAgain).toBe('');
    expect(c.selected).toEqual([]);
    actor.send({ type: 'diag.export.close' });
    expect(actor.getSnapshot().matches({ queue: 'idle' })).toBe(true);
    expect(actor.getSnapshot().context.bundle).not.toBeNull();
  });

  it('back to the form on a failed export, the reason shown; cancel wipes the passphrase', async () => {
    const fake = new FakeDiagnostics();
    fake.fail('diag.queueExport', 'ExportFailed', '/media/kiosk/USB-KT is read-only');
    const { actor, until } = await openExport(fake);
    actor.send({ type: 'diag.export.passphrase', value: 'mat-khau-cua-goi-01' });
    actor.send({ type: 'diag.export.passphraseAgain', value: 'mat-khau-cua-goi-01' });
    actor.send({ type: 'diag.export.start' });
    await until((s) => s.context.failure !== null);
    expect(actor.getSnapshot().matches({ queue: { export: 'form' } })).toBe(true);
    expect(actor.getSnapshot().context.failure).toEqual({ action: 'diag.queueExport', error: { kind: 'ExportFailed', message: '/media/kiosk/USB-KT is read-only' } });
    actor.send({ type: 'diag.export.cancel' });
    expect(actor.getSnapshot().matches({ queue: 'idle' })).toBe(true);
    expect(actor.getSnapshot().context.passphrase).toBe('');
    expect(actor.getSnapshot().context.selected).toEqual([pending.id, dead.id]);
  });

  it('switching tabs away from the form wipes the passphrase too', async () => {
    const { actor } = await openExport();
    actor.send({ type: 'diag.export.passphrase', value: 'mat-khau-cua-goi-01' });
    actor.send({ type: 'diag.tab.devices' });
    expect(actor.getSnapshot().context.passphrase).toBe('');
  });

  it('exports the logs to a folder, no passphrase asked', async () => {
    const { actor, fake, settle, until } = startDiagnostics();
    await settle();
    actor.send({ type: 'diag.tab.logs' });
    await settle();
    actor.send({ type: 'diag.logs.export' });
    await until((s) => s.matches({ logs: { export: 'form' } }));
    actor.send({ type: 'diag.export.start' });
    await until((s) => s.matches({ logs: { export: 'done' } }));
    expect(fake.callsOf('diag.logsExport')).toEqual([{ dir: usbDrive.path }]);
    expect(actor.getSnapshot().context.logsExported?.files).toEqual(['kiosk.jsonl']);
    actor.send({ type: 'diag.export.close' });
    expect(actor.getSnapshot().matches({ logs: 'idle' })).toBe(true);
  });
});

describe('diagnostics machine: config, logs, system, stats', () => {
  it('a refused config reload keeps showing its reason, also after another tab', async () => {
    const { actor, fake, settle } = startDiagnostics();
    await settle();
    actor.send({ type: 'diag.tab.config' });
    await settle();
    actor.send({ type: 'diag.config.reload' });
    expect(actor.getSnapshot().matches({ config: 'reloading' })).toBe(true);
    await settle();
    expect(actor.getSnapshot().context.configReload).toEqual(reloadRefused);
    expect(actor.getSnapshot().context.failure).toBeNull();
    actor.send({ type: 'diag.tab.devices' });
    await settle();
    actor.send({ type: 'diag.tab.config' });
    await settle();
    expect(actor.getSnapshot().context.configReload?.reason).toBe(reloadRefused.reason);
    expect(fake.callsOf('diag.configReload')).toHaveLength(1);
  });

  it('an applied reload replaces the refusal', async () => {
    const fake = new FakeDiagnostics();
    const { actor, settle } = startDiagnostics(fake);
    await settle();
    actor.send({ type: 'diag.tab.config' });
    await settle();
    actor.send({ type: 'diag.config.reload' });
    await settle();
    fake.answers['diag.configReload'] = () => ({ ...reloadRefused, applied: true, changed: true, reason: null, issues: [], restartNeeded: true });
    actor.send({ type: 'diag.config.reload' });
    await settle();
    expect(actor.getSnapshot().context.configReload).toMatchObject({ applied: true, restartNeeded: true, issues: [] });
  });

  it('asks the logs with the chosen level and component', async () => {
    const { actor, fake, settle } = startDiagnostics();
    await settle();
    actor.send({ type: 'diag.tab.logs' });
    await settle();
    actor.send({ type: 'diag.logs.level', level: 'warn' });
    await settle();
    actor.send({ type: 'diag.logs.component', component: 'printer' });
    await settle();
    actor.send({ type: 'diag.logs.component', component: null });
    await settle();
    expect(fake.callsOf('diag.logs')).toEqual([
      { level: 'info', limit: 200 },
      { level: 'warn', limit: 200 },
      { level: 'warn', component: 'printer', limit: 200 },
      { level: 'warn', limit: 200 },
    ]);
    expect(actor.getSnapshot().context.logComponents).toEqual(['forwarder', 'printer']);
  });

  it('refreshes the logs by itself only while auto-refresh is on', async () => {
    const clock = new SimulatedClock();
    const { actor, fake, settle } = startDiagnostics(new FakeDiagnostics(), { clock });
    await settle();
    actor.send({ type: 'diag.tab.logs' });
    await settle();
    clock.increment(logsRefreshMs * 2);
    await settle();
    expect(fake.callsOf('diag.logs')).toHaveLength(1);
    actor.send({ type: 'diag.logs.auto' });
    clock.increment(logsRefreshMs - 1);
    await settle();
    expect(fake.callsOf('diag.logs')).toHaveLength(1);
    clock.increment(1);
    await settle();
    expect(fake.callsOf('diag.logs')).toHaveLength(2);
    clock.increment(logsRefreshMs);
    await settle();
    expect(fake.callsOf('diag.logs')).toHaveLength(3);
    actor.send({ type: 'diag.logs.auto' });
    clock.increment(logsRefreshMs * 3);
    await settle();
    expect(fake.callsOf('diag.logs')).toHaveLength(3);
  });

  it('restarts only after the technician confirms', async () => {
    const { actor, fake, settle, until } = startDiagnostics();
    await settle();
    actor.send({ type: 'diag.tab.system' });
    await settle();
    actor.send({ type: 'diag.system.restart' });
    expect(actor.getSnapshot().matches({ system: 'confirmRestart' })).toBe(true);
    actor.send({ type: 'diag.cancel' });
    expect(actor.getSnapshot().matches({ system: 'idle' })).toBe(true);
    expect(fake.callsOf('diag.restart')).toEqual([]);
    actor.send({ type: 'diag.system.restart' });
    actor.send({ type: 'diag.confirm' });
    await until((s) => s.matches({ system: 'restarted' }));
    expect(fake.callsOf('diag.restart')).toHaveLength(1);
    expect(actor.getSnapshot().context.restart).toEqual({ exitCode: 75, inMs: 500 });
    // the app is going down: nothing else to start
    actor.send({ type: 'diag.tab.devices' });
    expect(actor.getSnapshot().matches({ system: 'restarted' })).toBe(true);
  });

  it('exit kiosk mode: confirmed, and NotAvailable in the browser host said as such', async () => {
    const { actor, fake, settle } = startDiagnostics();
    await settle();
    actor.send({ type: 'diag.tab.system' });
    await settle();
    actor.send({ type: 'diag.system.exitKiosk' });
    expect(actor.getSnapshot().matches({ system: 'confirmExit' })).toBe(true);
    actor.send({ type: 'diag.confirm' });
    await settle();
    expect(fake.callsOf('diag.exitKiosk')).toHaveLength(1);
    expect(actor.getSnapshot().matches({ system: 'idle' })).toBe(true);
    expect(actor.getSnapshot().context.failure?.action).toBe('diag.exitKiosk');
    expect(actor.getSnapshot().context.failure?.error.kind).toBe('NotAvailable');
    expect(actor.getSnapshot().context.exitingKiosk).toBe(false);
  });

  it('moves the monthly report between months, never past the current one', async () => {
    const { actor, fake, settle } = startDiagnostics();
    await settle();
    actor.send({ type: 'diag.tab.stats' });
    await settle();
    actor.send({ type: 'diag.stats.nextMonth' });
    expect(actor.getSnapshot().matches({ stats: 'idle' })).toBe(true);
    actor.send({ type: 'diag.stats.prevMonth' });
    await settle();
    expect(actor.getSnapshot().context.month).toBe('2025-12');
    expect(actor.getSnapshot().context.monthly?.month).toBe('2025-12');
    actor.send({ type: 'diag.stats.nextMonth' });
    await settle();
    expect(fake.callsOf('diag.statsMonthly')).toEqual([{ month: '2026-01' }, { month: '2025-12' }, { month: '2026-01' }]);
  });

  it('a failed monthly report leaves the figures of the month so far', async () => {
    const fake = new FakeDiagnostics();
    fake.fail('diag.statsMonthly', 'Internal', 'stats database locked');
    const { actor, settle } = startDiagnostics(fake);
    await settle();
    actor.send({ type: 'diag.tab.stats' });
    await settle();
    expect(actor.getSnapshot().context.stats?.sessions).toBe(40);
    expect(actor.getSnapshot().context.monthly).toBeNull();
    expect(actor.getSnapshot().context.failure?.action).toBe('diag.statsMonthly');
  });
});
