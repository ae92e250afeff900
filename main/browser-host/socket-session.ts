import type { WebSocket } from 'ws';
import { kioskError } from '../../common/errors.js';
import type { ServerMessage } from '../../common/kiosk-api/wire.js';
import { err } from '../../common/result.js';
import type { KioskCore } from '../core/kiosk-core.js';
import type { Logger } from '../log/logger.js';

const send = (ws: WebSocket, message: ServerMessage) => {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
};

/** Parses one frame into a call; anything else is answered with a typed error, never a crash. */
const parseCall = (raw: string): { id: number; method: unknown; args: unknown } | { id: number; problem: string } => {
  let msg: unknown;
  try {
    msg = JSON.parse(raw);
  } catch {
    return { id: -1, problem: 'frame is not JSON' };
  }
  if (typeof msg !== 'object' || msg === null) return { id: -1, problem: 'frame is not an object' };
  const m = msg as Record<string, unknown>;
  const id = typeof m.id === 'number' && Number.isSafeInteger(m.id) ? m.id : -1;
  if (m.type !== 'call' || id < 0) return { id, problem: 'frame must be {type:"call", id, method, args}' };
  return { id, method: m.method, args: m.args };
};

/** One renderer connection: calls go to the core's dispatcher, core events come back. */
export const attachSocket = (ws: WebSocket, core: KioskCore, log: Logger): void => {
  const unsubscribe = core.onEvent((event) => send(ws, { type: 'event', event }));
  ws.on('message', async (data, isBinary) => {
    if (isBinary) {
      send(ws, { type: 'reply', id: -1, result: err(kioskError('InvalidArguments', 'binary frames are not part of the KioskApi')) });
      return;
    }
    const call = parseCall(data.toString());
    if ('problem' in call) {
      log.warn('browser-host', 'malformed frame', { problem: call.problem });
      send(ws, { type: 'reply', id: call.id, result: err(kioskError('InvalidArguments', call.problem)) });
      return;
    }
    const result = await core.dispatch(call.method, call.args);
    send(ws, { type: 'reply', id: call.id, result });
  });
  ws.on('close', unsubscribe);
  ws.on('error', (e) => log.warn('browser-host', 'socket error', { error: e.message }));
};
