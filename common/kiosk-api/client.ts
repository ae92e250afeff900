import type { KioskError } from '../errors.js';
import type { Result } from '../result.js';
import type { ArgsOf, ResultOf } from './contract.js';
import type { KioskEvent } from './events.js';
import type { KioskMethod } from './methods.js';

/** What a shell provides: the preload bridge in Electron, a WebSocket in the browser host. */
export interface KioskTransport {
  call(method: KioskMethod, args: unknown): Promise<Result<unknown, KioskError>>;
  onEvent(listener: (event: KioskEvent) => void): () => void;
}

/** The typed face of the KioskApi the renderer's actors use. */
export interface KioskClient {
  call<M extends KioskMethod>(method: M, args: ArgsOf<M>): Promise<Result<ResultOf<M>, KioskError>>;
  onEvent(listener: (event: KioskEvent) => void): () => void;
}

export const createKioskClient = (transport: KioskTransport): KioskClient => ({
  // The core validated the result against the contract before sending it.
  call: (method, args) => transport.call(method, args) as never,
  onEvent: (listener) => transport.onEvent(listener),
});

/** The object the Electron preload exposes on `window.kiosk`. */
export interface KioskBridge {
  call(method: string, args: unknown): Promise<Result<unknown, KioskError>>;
  onEvent(listener: (event: KioskEvent) => void): () => void;
}
export const bridgeGlobalName = 'kiosk';
