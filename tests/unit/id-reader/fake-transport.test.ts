import { describe, expect, it } from 'vitest';
import { TransportError } from '../../../hardware/transport/byte-transport.js';
import { FakeLink } from '../../../hardware/transport/fake-transport.js';

const received = (t: { onData(l: (c: Buffer) => void): () => void }): Promise<string> =>
  new Promise((resolve) => {
    const off = t.onData((c) => {
      off();
      resolve(c.toString('utf8'));
    });
  });

describe('FakeLink', () => {
  it('refuses open like a port that is absent or locked', async () => {
    const absent = new FakeLink({ present: false });
    await expect(absent.host.open()).rejects.toMatchObject({ name: 'TransportError', kind: 'notFound' });
    const locked = new FakeLink({ locked: true });
    await expect(locked.host.open()).rejects.toBeInstanceOf(TransportError);
    await expect(locked.host.open()).rejects.toMatchObject({ kind: 'locked' });
    expect(locked.host.isOpen).toBe(false);
  });

  it('carries bytes both ways and records writes; each link is its own', async () => {
    const a = new FakeLink({ name: 'a' });
    const b = new FakeLink({ name: 'b' });
    await Promise.all([a.host.open(), a.device.open(), b.host.open(), b.device.open()]);
    const heardB: string[] = [];
    b.host.onData((c) => heardB.push(c.toString()));
    const atHost = received(a.host);
    await a.device.write(new TextEncoder().encode('xin chào'));
    expect(await atHost).toBe('xin chào');
    const atDevice = received(a.device);
    await a.host.write(Uint8Array.of(0x1b, 0x40));
    expect(await atDevice).toBe('\x1b@');
    expect(a.host.writes).toEqual([Uint8Array.of(0x1b, 0x40)]);
    expect(heardB).toEqual([]);
    expect(b.host.writes).toEqual([]);
  });

  it('unplug closes the host with an error, refuses reopening until plugged, and a closed end hears nothing', async () => {
    const link = new FakeLink();
    await link.host.open();
    await link.device.open();
    const closed = new Promise<Error | undefined>((resolve) => link.host.onClose(resolve));
    link.unplug();
    expect(await closed).toMatchObject({ kind: 'closed' });
    await expect(link.host.write(Uint8Array.of(1))).rejects.toMatchObject({ kind: 'closed' });
    await expect(link.host.open()).rejects.toMatchObject({ kind: 'notFound' });
    const heard: Buffer[] = [];
    link.host.onData((c) => heard.push(c));
    await link.device.write(Uint8Array.of(1));
    await Promise.resolve();
    expect(heard).toEqual([]);
    link.plug();
    await link.host.open();
    const again = received(link.host);
    await link.device.write(new TextEncoder().encode('ok'));
    expect(await again).toBe('ok');
  });

  it('close() by us reports no error', async () => {
    const link = new FakeLink();
    await link.host.open();
    const closed = new Promise<Error | undefined>((resolve) => link.host.onClose(resolve));
    await link.host.close();
    expect(await closed).toBeUndefined();
  });
});
