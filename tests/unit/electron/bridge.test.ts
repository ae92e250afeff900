import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../common/kiosk-api/events.js';
import { kioskMethods } from '../../../common/kiosk-api/methods.js';
import { buildBridge, kioskEventChannel } from '../../../main/electron/bridge.js';

/**
 * Behaves like ipcRenderer: an EventEmitter whose listeners get (event, ...args), and invoke()
 * that rejects when main has no handler for the channel, as Electron does.
 */
class FakeIpcRenderer extends EventEmitter {
  readonly invoked: { channel: string; args: unknown[] }[] = [];
  readonly handlers = new Map<string, (...args: unknown[]) => unknown>();

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`));
    return Promise.resolve(handler(...args));
  }

  /** main → renderer, with an IpcRendererEvent-like first argument the page must never see */
  sendFromMain(channel: string, payload: unknown): void {
    this.emit(channel, { sender: this, senderId: 0, ports: [] }, payload);
  }
}

const deviceEvent: KioskEvent = { type: 'device.status', devices: [] };

describe('buildBridge', () => {
  it('exposes exactly call and onEvent', () => {
    expect(Object.keys(buildBridge(new FakeIpcRenderer())).sort()).toEqual(['call', 'onEvent']);
  });

  it('answers an unknown method itself, without touching IPC', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = buildBridge(ipc);
    for (const name of ['fs.readFile', 'app.info ', '__proto__', 'constructor', '']) {
      const result = await bridge.call(name, {});
      expect(result).toMatchObject({ ok: false, error: { kind: 'UnknownMethod' } });
    }
    expect(await bridge.call(42 as unknown as string, {})).toMatchObject({ ok: false, error: { kind: 'UnknownMethod' } });
    expect(ipc.invoked).toEqual([]);
  });

  it('invokes a known method on the channel named after it, with its arguments', async () => {
    const ipc = new FakeIpcRenderer();
    for (const m of kioskMethods) ipc.handlers.set(m, (args) => ({ ok: true, value: { echoed: m, args } }));
    const bridge = buildBridge(ipc);
    for (const m of kioskMethods) {
      expect(await bridge.call(m, { locale: 'vi' })).toEqual({ ok: true, value: { echoed: m, args: { locale: 'vi' } } });
    }
    expect(ipc.invoked.map((i) => i.channel)).toEqual([...kioskMethods]);
  });

  it('turns a broken channel or a malformed reply into a typed error', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = buildBridge(ipc);
    expect(await bridge.call('app.info', {})).toMatchObject({ ok: false, error: { kind: 'TransportClosed' } });
    ipc.handlers.set('app.info', () => 'not a result');
    expect(await bridge.call('app.info', {})).toMatchObject({ ok: false, error: { kind: 'Internal' } });
  });

  it('hands the listener the core event only, and stops on unsubscribe', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = buildBridge(ipc);
    const received: unknown[][] = [];
    const unsubscribe = bridge.onEvent((...args: unknown[]) => received.push(args));
    ipc.sendFromMain(kioskEventChannel, deviceEvent);
    expect(received).toEqual([[deviceEvent]]);

    unsubscribe();
    unsubscribe(); // idempotent
    ipc.sendFromMain(kioskEventChannel, deviceEvent);
    expect(received).toHaveLength(1);
    expect(ipc.listenerCount(kioskEventChannel)).toBe(0);
  });

  it('keeps other subscribers when one unsubscribes, and ignores other channels', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = buildBridge(ipc);
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = bridge.onEvent((e) => a.push(e));
    bridge.onEvent((e) => b.push(e));
    offA();
    ipc.sendFromMain(kioskEventChannel, deviceEvent);
    ipc.sendFromMain('app.info', { ok: true });
    expect(a).toEqual([]);
    expect(b).toEqual([deviceEvent]);
  });
});
