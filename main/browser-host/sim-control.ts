import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { SiteConfig } from '../../common/config/site-schema.js';
import type { IdReaderSimulator } from '../../hardware/simulators/id-reader-sim.js';
import type { PrinterSimulator } from '../../hardware/simulators/printer-sim/index.js';
import type { ScannerSimulator } from '../../hardware/simulators/scanner-sim.js';
import type { Devices } from '../devices/build-devices.js';
import type { Logger } from '../log/logger.js';
import { ApiFaultRequest, type ApiFaults } from './api-faults.js';

// `/__sim/`: the end-to-end tests' hand on the simulated devices, served by the browser host.
// It exists only when every device of the site is a simulator (or absent): a kiosk with real
// hardware has no way to inject a card. It takes the same per-launch token as the API socket,
// as `Authorization: Bearer <token>`, and checks Host (DNS rebinding) and, when a browser
// sends one, Origin, as the socket does.
//
//   GET  /__sim/                  → { idReader: {samples:[{index,expect,why}]} | null,
//                                     printer: {paper,online,coverOpen,jammed,slowMs} | null,
//                                     scanner: {feederSheets} | null }
//   POST /__sim/id-reader         {sample: n}            present row n of kiosk-config/samples/cccd-qr.tsv
//                                 {payload: "…"}         present any QR text (a CCCD, a receipt's code…)
//                                 {trackingCode: "…"}    the same, named for readability
//                                 {garbage: true}        bytes that are not a QR payload
//                                 → 200 {presented: true}
//   POST /__sim/printer           {paper?: ok|low|out, coverOpen?, online?, jammed?} → 200 the new state;
//                                 the core reads the printer's status at once and pushes it
//                                 (device.status), without waiting for the idle poll
//   GET  /__sim/printer/receipts  → 200 [{seq, at, text}] the receipts printed (newest last)
//   POST /__sim/scanner           {feederSheets?: 0…1000, fault?: jam|hang|absent|busy|null}
//                                 → 200 {feederSheets}; feederSheets 0 is an empty feeder
//   POST /__sim/api-faults        {method: <KioskApi method>, kind: <KioskError kind>, times?: 1…100 (1),
//                                  retryable?: boolean}
//                                 → 200 [{method, kind, remaining, retryable?}] the pending faults:
//                                 the next `times` calls of `method` that pass validation answer
//                                 that error instead of running (oldest fault first; api-faults.ts)
//   GET  /__sim/api-faults        → 200 the pending faults
//   DELETE /__sim/api-faults      → 200 [] every pending fault cleared
//
// Errors are JSON {error}: 404 when sim control is off or the device is not simulated here,
// 403 wrong Host/Origin, 401 missing or wrong token, 405, 400 for a body that does not fit.

export const SIM_PREFIX = '/__sim/';

export interface SimTargets {
  idReader: IdReaderSimulator | null;
  printer: PrinterSimulator | null;
  scanner: ScannerSimulator | null;
  /** the KioskApi's injected faults (wired around the handlers by main/app.ts) */
  apiFaults: ApiFaults;
  /** has the device manager read a device's status now and push it (a paper or fault change shows at once) */
  refreshDevice(id: 'printer' | 'scanner'): Promise<void>;
}

/** Whether sim control exists: every device of the site a simulator (or absent), at least one simulated. */
export const simControlAllowed = (devices: SiteConfig['devices']): boolean => {
  const kinds = [devices.printer.kind, devices.scanner.kind, devices.idReader.kind];
  return kinds.every((k) => k === 'simulator' || k === 'none') && kinds.includes('simulator');
};

/** The simulators sim control may drive, or null when the site has a real device. */
export const simTargetsOf = (
  devices: SiteConfig['devices'],
  sims: Devices['simulators'],
  core: Pick<SimTargets, 'apiFaults' | 'refreshDevice'>,
): SimTargets | null =>
  simControlAllowed(devices) ? { idReader: sims.idReader, printer: sims.printer, scanner: sims.scanner, apiFaults: core.apiFaults, refreshDevice: core.refreshDevice } : null;

const PresentBody = z.union([
  z.strictObject({ sample: z.number().int().min(0) }),
  z.strictObject({ payload: z.string().min(1).max(4096) }),
  z.strictObject({ trackingCode: z.string().min(1).max(100) }),
  z.strictObject({ garbage: z.literal(true) }),
]);
const PrinterBody = z.strictObject({
  paper: z.enum(['ok', 'low', 'out']).optional(),
  coverOpen: z.boolean().optional(),
  online: z.boolean().optional(),
  jammed: z.boolean().optional(),
});
const ScannerBody = z.strictObject({
  feederSheets: z.number().int().min(0).max(1000).optional(),
  fault: z.enum(['jam', 'hang', 'absent', 'busy']).nullable().optional(),
});

const MAX_BODY = 16 * 1024;

type Reply = { status: number; body: unknown };
const fail = (status: number, error: string): Reply => ({ status, body: { error } });

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const readJson = async (req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; reply: Reply }> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return { ok: false, reply: fail(413, 'body too large') };
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  try {
    return { ok: true, value: raw === '' ? {} : (JSON.parse(raw) as unknown) };
  } catch {
    return { ok: false, reply: fail(400, 'body is not JSON') };
  }
};

const parseBody = async <T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; reply: Reply }> => {
  const json = await readJson(req);
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, reply: fail(400, parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')) };
};

/** Who may drive the simulators: the same checks as the API socket (upgrade-guard.ts). */
const refusal = (req: IncomingMessage, guard: { token: string; origin: string }): Reply | undefined => {
  if (req.headers.host !== new URL(guard.origin).host) return fail(403, 'Host is not this kiosk');
  if (req.headers.origin !== undefined && req.headers.origin !== guard.origin) return fail(403, 'Origin is not this kiosk');
  const auth = req.headers.authorization ?? '';
  const token = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
  if (token === '' || !sameSecret(token, guard.token)) return fail(401, 'missing or wrong launch token');
  return undefined;
};

const route = async (req: IncomingMessage, path: string, t: SimTargets): Promise<Reply> => {
  const key = `${req.method ?? 'GET'} ${path.replace(/\/+$/, '') || '/'}`;
  switch (key) {
    case 'GET /__sim':
      return {
        status: 200,
        body: {
          idReader: t.idReader ? { samples: t.idReader.samples.map((s, index) => ({ index, expect: s.expect, why: s.why })) } : null,
          printer: t.printer ? t.printer.state() : null,
          scanner: t.scanner ? { feederSheets: t.scanner.feederSheets() } : null,
        },
      };
    case 'POST /__sim/id-reader': {
      if (!t.idReader) return fail(404, 'the ID reader is not simulated here');
      const b = await parseBody(req, PresentBody);
      if (!b.ok) return b.reply;
      const v = b.value;
      if ('garbage' in v) await t.idReader.presentGarbage();
      else if ('sample' in v) {
        if (v.sample >= t.idReader.samples.length) return fail(400, `no sample ${v.sample} (have ${t.idReader.samples.length})`);
        await t.idReader.present(v.sample);
      } else await t.idReader.present('payload' in v ? v.payload : v.trackingCode);
      return { status: 200, body: { presented: true } };
    }
    case 'POST /__sim/printer': {
      if (!t.printer) return fail(404, 'the printer is not simulated by this kiosk');
      const b = await parseBody(req, PrinterBody);
      if (!b.ok) return b.reply;
      const patch = Object.fromEntries(Object.entries(b.value).filter(([, v]) => v !== undefined));
      t.printer.setState(patch);
      await t.refreshDevice('printer');
      return { status: 200, body: t.printer.state() };
    }
    case 'GET /__sim/printer/receipts':
      if (!t.printer) return fail(404, 'the printer is not simulated by this kiosk');
      return { status: 200, body: t.printer.receipts().map((r) => ({ seq: r.seq, at: r.at, text: r.text })) };
    case 'POST /__sim/scanner': {
      if (!t.scanner) return fail(404, 'the scanner is not simulated here');
      const b = await parseBody(req, ScannerBody);
      if (!b.ok) return b.reply;
      if (b.value.feederSheets !== undefined) t.scanner.loadFeeder(b.value.feederSheets);
      if (b.value.fault !== undefined) {
        t.scanner.setFault(b.value.fault ?? undefined);
        // the device check before a procedure hears of it now, not at the next look
        await t.refreshDevice('scanner');
      }
      return { status: 200, body: { feederSheets: t.scanner.feederSheets() } };
    }
    case 'POST /__sim/api-faults': {
      const b = await parseBody(req, ApiFaultRequest);
      if (!b.ok) return b.reply;
      return { status: 200, body: t.apiFaults.add(b.value) };
    }
    case 'GET /__sim/api-faults':
      return { status: 200, body: t.apiFaults.list() };
    case 'DELETE /__sim/api-faults':
      t.apiFaults.clear();
      return { status: 200, body: t.apiFaults.list() };
  }
  const known = ['/__sim', '/__sim/id-reader', '/__sim/printer', '/__sim/printer/receipts', '/__sim/scanner', '/__sim/api-faults'];
  return known.includes(path.replace(/\/+$/, '') || '/') ? fail(405, `${req.method ?? 'GET'} is not allowed on ${path}`) : fail(404, `no sim control at ${path}`);
};

/** Answers one request under /__sim/; never throws. */
export const handleSimControl = async (
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  targets: SimTargets | null,
  guard: { token: string; origin: string },
  log: Pick<Logger, 'info' | 'warn'>,
): Promise<void> => {
  let reply: Reply;
  try {
    if (!targets) reply = fail(404, "sim control is off: this site's devices are not simulators");
    else {
      const refused = refusal(req, guard);
      if (refused) log.warn('sim-control', 'request refused', { status: refused.status, remote: req.socket.remoteAddress });
      reply = refused ?? (await route(req, path, targets));
      if (!refused && reply.status === 200 && (req.method === 'POST' || req.method === 'DELETE')) log.info('sim-control', 'simulator driven', { path });
    }
  } catch (e) {
    reply = fail(500, e instanceof Error ? e.message : String(e));
  }
  const bytes = Buffer.from(JSON.stringify(reply.body));
  if (!res.headersSent) res.writeHead(reply.status, { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length), 'Cache-Control': 'no-store' });
  res.end(bytes);
};
