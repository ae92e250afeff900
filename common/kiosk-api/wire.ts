import type { KioskError } from '../errors.js';
import type { Result } from '../result.js';
import type { KioskEvent } from './events.js';

// Envelopes on the browser host's WebSocket. Plain types: the core validates what arrives
// (see main/browser-host), the renderer trusts what the core sends.
export interface CallMessage {
  type: 'call';
  id: number;
  method: string;
  args: unknown;
}
export interface ReplyMessage {
  type: 'reply';
  id: number;
  result: Result<unknown, KioskError>;
}
export interface EventMessage {
  type: 'event';
  event: KioskEvent;
}
export type ServerMessage = ReplyMessage | EventMessage;

/** The URL path of the API socket; the token travels as `?token=`. */
export const apiSocketPath = '/api';
/** The renderer reads its token from the page URL's fragment (`#token=…`), never sent to a server log. */
export const tokenFragmentKey = 'token';
