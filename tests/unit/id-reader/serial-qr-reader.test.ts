import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SerialQrReader } from '../../../hardware/id-reader/serial-qr-reader.js';
import { IdReaderSimulator, createSimulatedIdReader, parseCccdSamples } from '../../../hardware/simulators/id-reader-sim.js';
import { FakeLink } from '../../../hardware/transport/fake-transport.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { cards, nextCard, stateReached } from './reader-events.js';

const samples = parseCccdSamples(readFileSync(new URL('../../../kiosk-config/samples/cccd-qr.tsv', import.meta.url), 'utf8'));
const validIndex = samples.findIndex((s) => s.expect === 'valid');
const invalidIndex = samples.findIndex((s) => s.expect === 'invalid');

const setup = (link = new FakeLink({ name: 'qr' })) => {
  const clock = new FakeClock();
  const reader = new SerialQrReader({
    openTransport: () => link.host,
    terminator: 'CR',
    partialTimeoutMs: 200,
    backoff: { baseMs: 100, capMs: 1000, random: () => 1 },
    clock,
  });
  const sim = new IdReaderSimulator({ transport: link.device, terminator: 'CR', samples });
  return { link, clock, reader, sim };
};

let stopAll: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stopAll.map((s) => s()));
  stopAll = [];
});
const started = async (s: ReturnType<typeof setup>) => {
  stopAll.push(() => s.reader.stop());
  await s.sim.open();
  await s.reader.start();
  return s;
};

describe('SerialQrReader over a fake link', () => {
  it('goes online and turns a presented card into an identity', async () => {
    const { reader, sim } = await started(setup());
    expect(reader.status()).toMatchObject({ id: 'idReader', state: 'online', implementation: 'real' });
    const card = nextCard(reader);
    await sim.present(validIndex);
    expect(await card).toMatchObject({ ok: true, value: { idNumber: '001090123456', source: 'qr' } });
    expect(reader.counters()).toMatchObject({ cardsRead: 1, invalidPayloads: 0, garbageFrames: 0 });
  });

  it('reports an invalid card as a typed refusal and counts it', async () => {
    const { reader, sim } = await started(setup());
    const card = nextCard(reader);
    await sim.present(invalidIndex);
    expect(await card).toMatchObject({ ok: false, error: { kind: 'InvalidIdPayload' } });
    expect(reader.counters()).toMatchObject({ cardsRead: 0, invalidPayloads: 1 });
  });

  it('counts garbage and still reads the next card', async () => {
    const { reader, sim } = await started(setup());
    const card = nextCard(reader);
    await sim.presentGarbage();
    await sim.present(validIndex);
    expect((await card).ok).toBe(true);
    expect(reader.counters()).toMatchObject({ cardsRead: 1, garbageFrames: 1 });
  });

  it('drops a stale partial frame on its timer', async () => {
    const { reader, link, clock } = await started(setup());
    await link.device.write(new TextEncoder().encode('0010901'));
    await Promise.resolve();
    expect(reader.counters().garbageFrames).toBe(0);
    clock.advance(201);
    expect(reader.counters().garbageFrames).toBe(1);
  });

  it('no port at start: noDevice, then online by itself once it appears', async () => {
    const s = setup(new FakeLink({ present: false }));
    await started(s);
    expect(s.reader.status()).toMatchObject({ state: 'noDevice', lastError: 'no such port' });
    s.link.plug();
    const online = stateReached(s.reader, 'online');
    s.clock.advance(1000);
    await online;
  });

  it('a port locked by another process is a hardwareError', async () => {
    const s = setup(new FakeLink({ locked: true }));
    await started(s);
    expect(s.reader.status()).toMatchObject({ state: 'hardwareError', lastError: 'port is in use' });
  });

  it('unplug: offline; plugged back: reconnects with backoff and reads the next card, no restart', async () => {
    const { reader, sim, link, clock } = await started(setup());
    const states: string[] = [];
    reader.onStatus((s) => states.push(s.state));
    link.unplug();
    expect(reader.status()).toMatchObject({ state: 'offline', lastError: 'device unplugged' });
    clock.advance(100); // the first retry (random() = 1: baseMs): the port is still gone
    await Promise.resolve();
    expect(reader.status()).toMatchObject({ state: 'offline', lastError: 'no such port' });
    link.plug();
    const online = stateReached(reader, 'online');
    clock.advance(1000);
    await online;
    const card = nextCard(reader);
    await sim.present(validIndex);
    expect((await card).ok).toBe(true);
    expect(states.filter((st, i) => st !== states[i - 1])).toEqual(['offline', 'online']);
    expect(reader.counters()).toMatchObject({ reconnects: 1, cardsRead: 1 });
  });

  it('stop: offline, no retry left behind, no more cards', async () => {
    const { reader, clock, link } = await started(setup());
    link.unplug();
    expect(clock.pending).toBe(1);
    await reader.stop();
    expect(clock.pending).toBe(0);
    expect(reader.status().state).toBe('offline');
  });

  it('selfTest: passes with the port open and says what it saw', async () => {
    const { reader, sim } = await started(setup());
    const card = nextCard(reader);
    await sim.present(validIndex);
    await card;
    const report = await reader.selfTest();
    expect(report).toMatchObject({ ok: true, value: { device: 'idReader', passed: true } });
    expect(report.ok && report.value.lines.join('\n')).toMatch(/port fake:\/\/qr: open[\s\S]*last data 0 s ago[\s\S]*cards read 1/);
    await reader.stop();
    const after = await reader.selfTest();
    expect(after).toMatchObject({ ok: true, value: { passed: false } });
  });

  it('the embedded simulator reads every sample the way the parser does', async () => {
    const sim = createSimulatedIdReader({ samples, clock: new FakeClock() });
    stopAll.push(() => sim.reader.stop());
    await sim.simulator.open();
    await sim.reader.start();
    expect(sim.reader.status()).toMatchObject({ state: 'online', implementation: 'simulator' });
    const all = cards(sim.reader, samples.length);
    for (let i = 0; i < samples.length; i++) await sim.simulator.present(i);
    expect((await all).map((c) => (c.ok ? 'valid' : 'invalid'))).toEqual(samples.map((s) => s.expect));
  });
});
