import WebSocket from 'ws';
import type { KioskError } from '../../common/errors.js';
import type { KioskEvent } from '../../common/kiosk-api/events.js';
import type { Result } from '../../common/result.js';
import { apiSocketPath, type ServerMessage } from '../../common/kiosk-api/wire.js';

// A second KioskApi client beside the page, over the browser host's socket (the same token and
// Origin the page uses), for what a test must see or await in the core rather than on screen:
// device status events, whether a session is still live. It is a read-mostly probe: it never
// starts a session or unlocks an operator while the page has one.

export interface CoreProbe {
  /** every event since the probe connected, with Date.now() at arrival */
  readonly log: ReadonlyArray<{ at: number; event: KioskEvent }>;
  call<T = unknown>(method: string, args: unknown): Promise<Result<T, KioskError>>;
  /** resolves with the first event (from now on) that `match` accepts */
  waitForEvent<E extends KioskEvent>(match: (e: KioskEvent) => e is E, timeoutMs: number): Promise<E>;
  waitForEvent(match: (e: KioskEvent) => boolean, timeoutMs: number): Promise<KioskEvent>;
  close(): Promise<void>;
}

export const connectCoreProbe = async (origin: string, token: string): Promise<CoreProbe> => {
  const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}${apiSocketPath}?token=${encodeURIComponent(token)}`, { headers: { Origin: origin } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let next = 1;
  const pending = new Map<number, (r: Result<unknown, KioskError>) => void>();
  const watchers = new Set<(e: KioskEvent) => void>();
  const log: { at: number; event: KioskEvent }[] = [];
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as ServerMessage;
    if (msg.type === 'reply') {
      pending.get(msg.id)?.(msg.result);
      pending.delete(msg.id);
    } else {
      log.push({ at: Date.now(), event: msg.event });
      if (log.length > 5000) log.splice(0, 1000);
      for (const w of [...watchers]) w(msg.event);
    }
  });
  const probe: CoreProbe = {
    log,
    call: <T>(method: string, args: unknown) =>
      new Promise<Result<T, KioskError>>((resolve) => {
        const id = next++;
        pending.set(id, resolve as (r: Result<unknown, KioskError>) => void);
        ws.send(JSON.stringify({ type: 'call', id, method, args }));
      }),
    waitForEvent: (match: (e: KioskEvent) => boolean, timeoutMs: number) =>
      new Promise<KioskEvent>((resolve, reject) => {
        const timer = setTimeout(() => {
          watchers.delete(watch);
          reject(new Error(`no matching core event within ${timeoutMs} ms`));
        }, timeoutMs);
        const watch = (e: KioskEvent) => {
          if (!match(e)) return;
          clearTimeout(timer);
          watchers.delete(watch);
          resolve(e);
        };
        watchers.add(watch);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if (ws.readyState === ws.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.close();
      }),
  } as CoreProbe;
  return probe;
};
