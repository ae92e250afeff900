import { kioskError, type KioskError } from '../../common/errors.js';
import type { KioskEvent } from '../../common/kiosk-api/events.js';
import type { KioskMethod } from '../../common/kiosk-api/methods.js';
import { apiSocketPath, tokenFragmentKey, type CallMessage, type ServerMessage } from '../../common/kiosk-api/wire.js';
import { err, type Result } from '../../common/result.js';
import type { ConnectionAwareTransport } from './connection.js';

/** The slice of the browser's WebSocket this transport uses (the `ws` package fits it too, for tests). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  send(data: string): void;
  close(): void;
}
export type SocketFactory = (url: string) => SocketLike;

export interface WsTransportOptions {
  url: string;
  createSocket?: SocketFactory;
  /** first reconnect delay; doubles up to maxBackoffMs */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** how long a call made while disconnected waits for the socket before it fails */
  connectWaitMs?: number;
  /** a reply that never comes fails the call instead of hanging the screen */
  replyTimeoutMs?: number;
}

const OPEN = 1;

/** `ws(s)://<host>/api?token=…`, the token taken from the page's `#token=…` fragment. */
export const apiSocketUrl = (location: Pick<Location, 'protocol' | 'host' | 'hash'>): string => {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = fragment.get(tokenFragmentKey) ?? '';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${apiSocketPath}?token=${encodeURIComponent(token)}`;
};

const closed = (message: string): Result<unknown, KioskError> => err(kioskError('TransportClosed', message));

interface Pending {
  resolve(result: Result<unknown, KioskError>): void;
  timer: ReturnType<typeof setTimeout>;
}

interface Waiting {
  message: Omit<CallMessage, 'id'>;
  resolve(result: Result<unknown, KioskError>): void;
  timer: ReturnType<typeof setTimeout>;
}

const isServerMessage = (m: unknown): m is ServerMessage =>
  typeof m === 'object' && m !== null && ((m as { type?: unknown }).type === 'reply' || (m as { type?: unknown }).type === 'event');

/**
 * The KioskApi over the browser host's WebSocket. Never throws to callers: a dropped socket
 * fails the calls in flight with TransportClosed and reconnects with backoff; calls made
 * while disconnected wait a little for the socket to come back.
 */
export const createWsTransport = (options: WsTransportOptions): ConnectionAwareTransport => {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const initialBackoffMs = options.initialBackoffMs ?? 250;
  const maxBackoffMs = options.maxBackoffMs ?? 5000;
  const connectWaitMs = options.connectWaitMs ?? 10_000;
  const replyTimeoutMs = options.replyTimeoutMs ?? 30_000;

  const eventListeners = new Set<(event: KioskEvent) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  const pending = new Map<number, Pending>();
  const waiting = new Set<Waiting>();
  let nextId = 1;
  let socket: SocketLike | null = null;
  let connected = false;
  let backoffMs = initialBackoffMs;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const setConnected = (value: boolean) => {
    if (connected === value) return;
    connected = value;
    for (const l of connectionListeners) l(value);
  };

  const transmit = (message: Omit<CallMessage, 'id'>, resolve: (r: Result<unknown, KioskError>) => void) => {
    const id = nextId++;
    const timer = setTimeout(() => {
      pending.delete(id);
      resolve(closed(`no reply to ${message.method} within ${replyTimeoutMs} ms`));
    }, replyTimeoutMs);
    pending.set(id, { resolve, timer });
    try {
      socket?.send(JSON.stringify({ ...message, id } satisfies CallMessage));
    } catch {
      clearTimeout(timer);
      pending.delete(id);
      resolve(closed(`could not send ${message.method}`));
    }
  };

  const failPending = (why: string) => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      pending.delete(id);
      p.resolve(closed(why));
    }
  };

  const onMessage = (data: unknown) => {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (!isServerMessage(message)) return;
    if (message.type === 'event') {
      for (const l of eventListeners) l(message.event);
      return;
    }
    const p = pending.get(message.id);
    if (!p) return;
    clearTimeout(p.timer);
    pending.delete(message.id);
    p.resolve(message.result);
  };

  const scheduleReconnect = () => {
    if (stopped || reconnectTimer) return;
    // a little jitter so a fleet of kiosks does not hammer a restarted host in step
    const delay = Math.min(backoffMs, maxBackoffMs) * (0.8 + Math.random() * 0.4);
    backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      open();
    }, delay);
  };

  const open = () => {
    if (stopped) return;
    let s: SocketLike;
    try {
      s = createSocket(options.url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = s;
    s.onopen = () => {
      if (socket !== s) return;
      backoffMs = initialBackoffMs;
      setConnected(true);
      for (const w of waiting) {
        clearTimeout(w.timer);
        transmit(w.message, w.resolve);
      }
      waiting.clear();
    };
    s.onmessage = (ev) => {
      if (socket === s) onMessage(ev.data);
    };
    s.onerror = () => {
      // onclose follows; that is where the reconnect happens
    };
    s.onclose = () => {
      if (socket !== s) return;
      socket = null;
      failPending('the connection to the kiosk core closed');
      setConnected(false);
      scheduleReconnect();
    };
  };

  open();

  return {
    call(method: KioskMethod, args: unknown) {
      return new Promise((resolve) => {
        const message = { type: 'call' as const, method, args };
        if (stopped) return resolve(closed('transport closed'));
        if (socket && socket.readyState === OPEN) return transmit(message, resolve);
        const w: Waiting = {
          message,
          resolve,
          timer: setTimeout(() => {
            waiting.delete(w);
            resolve(closed(`not connected to the kiosk core within ${connectWaitMs} ms`));
          }, connectWaitMs),
        };
        waiting.add(w);
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    close() {
      stopped = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const s = socket;
      socket = null;
      s?.close();
      failPending('transport closed');
      for (const w of waiting) {
        clearTimeout(w.timer);
        w.resolve(closed('transport closed'));
      }
      waiting.clear();
      setConnected(false);
    },
  };
};
