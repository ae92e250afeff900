import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KioskEvent, ReaderRead } from '../../../common/kiosk-api/events.js';
import type { FrameEvent } from '../../../hardware/id-reader/qr-frame-decoder.js';
import { createSimulatedIdReader, loadCccdSamples, type SimulatedIdReader } from '../../../hardware/simulators/id-reader-sim.js';
import { classifyFrame } from '../../../main/journey/reader-events.js';
import type { JourneyEvent } from '../../../main/core/journey-journal.js';
import { repoRoot } from '../../helpers/test-app.js';
import { startJourneyApp, startSession, type JourneyApp } from '../../helpers/journey-app.js';
import { join } from 'node:path';

// What the QR reader reads reaches the renderer as `reader.read`, only while a session is live.

const samplesPath = join(repoRoot, 'kiosk-config', 'samples', 'cccd-qr.tsv');

describe('SerialQrReader.onFrame: every frame before parsing', () => {
  let sim: SimulatedIdReader;
  beforeAll(async () => {
    sim = createSimulatedIdReader({ samples: await loadCccdSamples(samplesPath) });
    await sim.simulator.open();
    await sim.reader.start();
  });
  afterAll(async () => {
    await sim.reader.stop();
    await sim.simulator.close();
  });

  const frames = (n: number): Promise<FrameEvent[]> =>
    new Promise((resolve) => {
      const seen: FrameEvent[] = [];
      const off = sim.reader.onFrame((f) => {
        seen.push(f);
        if (seen.length === n) {
          off();
          resolve(seen);
        }
      });
    });

  it('hands out the text of a non-CCCD QR and reports unreadable bytes, which onCard never shows', async () => {
    const cards: unknown[] = [];
    const offCards = sim.reader.onCard((c) => cards.push(c));
    const got = frames(3);
    await sim.simulator.present('TEST01-261124-0007');
    await sim.simulator.presentGarbage();
    await sim.simulator.present(0);
    expect(await got).toEqual([
      { kind: 'frame', text: 'TEST01-261124-0007' },
      expect.objectContaining({ kind: 'garbage' }),
      { kind: 'frame', text: expect.stringMatching(/^001090123456\|/) },
    ]);
    // onCard saw the code (refused as a card) and the card, never the garbage
    expect(cards).toHaveLength(2);
    offCards();
    expect(sim.reader.counters()).toMatchObject({ garbageFrames: 1 });
  });
});

describe('classifyFrame', () => {
  const now = Date.parse('2026-11-24T03:00:00Z');
  it.each<[string, FrameEvent, ReaderRead | ((r: ReaderRead) => boolean)]>([
    ['a local receipt code', { kind: 'frame', text: 'KIOSK01-261124-0001' }, { kind: 'trackingCode', code: 'KIOSK01-261124-0001' }],
    ['an official code', { kind: 'frame', text: '000.00.01.H26-261123-0042' }, { kind: 'trackingCode', code: '000.00.01.H26-261123-0042' }],
    ['a code in lower case with a stray space', { kind: 'frame', text: ' kiosk01-261124-0001' }, { kind: 'trackingCode', code: 'KIOSK01-261124-0001' }],
    ['a URL', { kind: 'frame', text: 'https://example.com/' }, { kind: 'invalid', field: 'payload', rule: 'fieldCount' }],
    ['a CCCD whose ID disagrees with its birth year', { kind: 'frame', text: '001090123456||Nguyễn Văn An|01011991|Nam|Hà Nội|15042021' }, { kind: 'invalid', field: 'idNumber', rule: 'yearMismatch' }],
    ['garbage bytes', { kind: 'garbage', reason: 'invalidUtf8', bytes: 9 }, { kind: 'invalid', field: 'payload', rule: 'unreadable' }],
    ['a dropped half frame', { kind: 'partialDropped', bytes: 4, idleMs: 600 }, { kind: 'invalid', field: 'payload', rule: 'unreadable' }],
  ])('%s', (_name, frame, expected) => {
    expect(classifyFrame(frame, now)).toEqual(expected);
  });
  it('a CCCD', () => {
    expect(classifyFrame({ kind: 'frame', text: '001090123456||Nguyễn Văn An|01011990|Nam|Hà Nội|15042021' }, now)).toMatchObject({
      kind: 'identity',
      identity: { idNumber: '001090123456', source: 'qr' },
    });
  });
});

describe('reader.read on the core', () => {
  let app: JourneyApp;
  const events: KioskEvent[] = [];
  const journal: JourneyEvent[] = [];
  beforeAll(async () => {
    app = await startJourneyApp();
    app.core.onEvent((e) => events.push(e));
    app.journal.on((e) => journal.push(e));
  });
  afterAll(async () => {
    await app?.close();
  });
  afterEach(() => {
    events.length = 0;
  });

  const reads = () => events.flatMap((e) => (e.type === 'reader.read' ? [e] : []));
  /** the reader's own onCard fires after the frame: once it has, the core has decided */
  const settled = () => new Promise<void>((resolve) => {
    const off = app.devices.idReader!.onFrame(() => {
      off();
      setImmediate(resolve);
    });
  });

  it('nothing is broadcast while no session is live', async () => {
    const done = settled();
    await app.devices.simulators.idReader!.present(0);
    await done;
    expect(reads()).toEqual([]);
    expect(journal.filter((e) => e.type === 'identity.captured')).toEqual([]);
  });

  it('during a session: a card, a receipt code and garbage, each as what it is', async () => {
    const sim = app.devices.simulators.idReader!;
    const sessionId = await startSession(app);
    await sim.present(0);
    await expect.poll(() => reads().length).toBe(1);
    await sim.present('TEST01-261124-0031');
    await expect.poll(() => reads().length).toBe(2);
    await sim.presentGarbage();
    await expect.poll(() => reads().length).toBe(3);
    await sim.present(4); // 29 February in a non-leap year
    await expect.poll(() => reads().length).toBe(4);
    expect(reads()).toEqual([
      { type: 'reader.read', sessionId, read: { kind: 'identity', identity: expect.objectContaining({ idNumber: '001090123456', fullName: 'Nguyễn Văn An', source: 'qr' }) } },
      { type: 'reader.read', sessionId, read: { kind: 'trackingCode', code: 'TEST01-261124-0031' } },
      { type: 'reader.read', sessionId, read: { kind: 'invalid', field: 'payload', rule: 'unreadable' } },
      { type: 'reader.read', sessionId, read: { kind: 'invalid', field: 'dateOfBirth', rule: 'badDate' } },
    ]);
    expect(journal.filter((e) => e.type === 'identity.captured')).toEqual([{ type: 'identity.captured', sessionId, source: 'qr', at: expect.any(Number) }]);

    await app.core.dispatch('session.end', { sessionId, reason: 'completed' });
    events.length = 0;
    const done = settled();
    await sim.present(1);
    await done;
    expect(reads()).toEqual([]);
  });
});
