import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { SimClock } from '../clock.js';
import { FaultConfig, type FaultController } from '../faults.js';
import { readBody } from '../http-io.js';
import { invalidBody, problem, type SimResponse } from '../problem.js';
import type { SimRecords } from '../records.js';

// `/__sim/*`: the test harness's handle on a running simulator, outside the contract's `/v1`.
// Loopback only; no auth, since it never faces a kiosk.

export interface AdminDeps {
  faults: FaultController;
  clock: SimClock;
  records(): Promise<SimRecords>;
  reset(opts: { data: boolean }): Promise<void>;
}

const ResetBody = z.object({ data: z.boolean().optional() });
const ClockBody = z.object({ advanceMs: z.number().int().optional(), setMs: z.number().int().optional() });

const isLoopback = (addr: string | undefined): boolean => addr !== undefined && (addr.startsWith('127.') || addr === '::1' || addr.startsWith('::ffff:127.'));

const jsonBody = async (req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; response: SimResponse }> => {
  const raw = await readBody(req);
  if (raw === null) return { ok: false, response: problem(413, 'too-large', 'Body too large', 'admin bodies are small JSON') };
  try {
    return { ok: true, value: raw.length === 0 ? {} : (JSON.parse(raw.toString('utf8')) as unknown) };
  } catch {
    return { ok: false, response: problem(400, 'invalid-json', 'Invalid JSON', 'the body is not JSON') };
  }
};

export const handleAdmin = async (req: IncomingMessage, path: string, deps: AdminDeps): Promise<SimResponse> => {
  if (!isLoopback(req.socket.remoteAddress)) return problem(403, 'forbidden', 'Forbidden', '/__sim is only served to loopback clients');
  const route = `${req.method ?? 'GET'} ${path}`;
  switch (route) {
    case 'GET /__sim/records':
      return { status: 200, body: await deps.records() };
    case 'GET /__sim/faults':
      return { status: 200, body: deps.faults.get() };
    case 'POST /__sim/faults': {
      const b = await jsonBody(req);
      if (!b.ok) return b.response;
      const parsed = FaultConfig.safeParse(b.value);
      if (!parsed.success) return invalidBody(parsed.error);
      deps.faults.set(parsed.data);
      return { status: 200, body: deps.faults.get() };
    }
    case 'POST /__sim/reset': {
      const b = await jsonBody(req);
      if (!b.ok) return b.response;
      const parsed = ResetBody.safeParse(b.value);
      if (!parsed.success) return invalidBody(parsed.error);
      await deps.reset({ data: parsed.data.data === true });
      return { status: 200, body: { reset: true, data: parsed.data.data === true } };
    }
    case 'POST /__sim/clock': {
      const b = await jsonBody(req);
      if (!b.ok) return b.response;
      const parsed = ClockBody.safeParse(b.value);
      if (!parsed.success) return invalidBody(parsed.error);
      if (parsed.data.setMs !== undefined) deps.clock.set(parsed.data.setMs);
      if (parsed.data.advanceMs !== undefined) deps.clock.advance(parsed.data.advanceMs);
      return { status: 200, body: { now: new Date(deps.clock.now()).toISOString() } };
    }
    case 'GET /__sim/clock':
      return { status: 200, body: { now: new Date(deps.clock.now()).toISOString() } };
  }
  return problem(404, 'not-found', 'Not found', `${route} is not an admin operation`);
};
