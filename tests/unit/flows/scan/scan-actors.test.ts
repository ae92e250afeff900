import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { kioskError, type KioskError } from '../../../../common/errors.js';
import { createKioskClient } from '../../../../common/kiosk-api/client.js';
import type { KioskEvent } from '../../../../common/kiosk-api/events.js';
import { err, ok } from '../../../../common/result.js';
import { toCoreEvent } from '../../../../renderer/machines/root-actors.js';
import { scanActors } from '../../../../renderer/flows/scan/scan-actors.js';
import { scanMachine, type RemovePageInput, type ScanPagesInput } from '../../../../renderer/flows/scan/scan-machine.js';
import { FakeCore } from '../../renderer/fake-core.js';
import { FakeScanner } from './fake-scanner.js';

const sessionId = 'session-000000000001';
const component = { id: 'to-khai', name: { vi: 'Tờ khai', en: 'Form' }, required: true, pages: { min: 1, max: 2 } };

/** The real actors over the KioskApi client, the core answering like session-documents.ts. */
const setUp = () => {
  const core = new FakeCore();
  const scanner = new FakeScanner((componentId, page) => core.emit({ type: 'scan.page', sessionId, componentId, page }));
  core.extra['scan.pages'] = async (args) => {
    try {
      return ok(await scanner.scan(args as ScanPagesInput));
    } catch (e) {
      return err(e as KioskError);
    }
  };
  core.extra['scan.removePage'] = async (args) => {
    try {
      return ok(await scanner.removePage(args as RemovePageInput));
    } catch (e) {
      return err(e as KioskError);
    }
  };
  const actor = createActor(scanMachine.provide({ actors: scanActors(createKioskClient(core)) }), {
    input: { sessionId, component, pages: [], devices: [] },
  });
  // what the root and the submit flow do: core events in as `core.*`, on to the scan step
  core.onEvent((e: KioskEvent) => {
    const event = toCoreEvent(e);
    if (event.type === 'core.scanPage') actor.send(event);
  });
  actor.start();
  return { core, scanner, actor };
};

describe('scan step: real actors over the KioskApi', () => {
  it('calls scan.pages and scan.removePage with the contract arguments', async () => {
    const { core, scanner, actor } = setUp();
    scanner.feeder = [{}, {}];
    actor.send({ type: 'scan.start' });
    await waitFor(actor, (s) => s.matches('ready') && s.context.pages.length === 2, { timeout: 1000 });
    actor.send({ type: 'scan.remove', index: 1 });
    await waitFor(actor, (s) => s.matches('ready') && s.context.pages.length === 1, { timeout: 1000 });
    expect(core.callsOf('scan.pages')).toEqual([{ sessionId, componentId: 'to-khai', source: 'feeder', maxPages: 2 }]);
    expect(core.callsOf('scan.removePage')).toEqual([{ sessionId, componentId: 'to-khai', index: 1 }]);
  });

  it('turns an error result into the KioskError the screen words', async () => {
    const { scanner, actor } = setUp();
    scanner.faults.push('CoverOpen');
    actor.send({ type: 'scan.start' });
    await waitFor(actor, (s) => s.matches('failed'), { timeout: 1000 });
    expect(actor.getSnapshot().context.error).toEqual(kioskError('CoverOpen', 'simulated CoverOpen'));
  });
});
