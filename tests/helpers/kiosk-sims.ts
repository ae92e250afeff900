import type { ErrorKind } from '../../common/errors.js';
import type { KioskMethod } from '../../common/kiosk-api/methods.js';
import type { SimRecords } from '../../main/city-sim/records.js';

// The end-to-end tests' hands on the simulators of a running browser host:
// - sim control (`/__sim/` on the browser host, main/browser-host/sim-control.ts): the QR
//   reader, the printer, the scanner, faults of the KioskApi; same per-launch token as the API socket;
// - the city simulator's admin routes (`/__sim/*` beside its `/v1`, main/city-sim/routes/admin.ts):
//   faults, records, clock. Loopback only, no token.

export interface SimPrinterState {
  paper: 'ok' | 'low' | 'out';
  online: boolean;
  coverOpen: boolean;
  jammed: boolean;
  slowMs?: number;
}

export interface PrintedReceipt {
  seq: number;
  at: string;
  text: string;
}

export type ScannerFault = 'jam' | 'hang' | 'absent' | 'busy' | null;

/** A KioskApi fault injected through sim control (main/browser-host/api-faults.ts). */
export interface ApiFault {
  method: KioskMethod;
  kind: ErrorKind;
  times?: number;
  retryable?: boolean;
}
export interface PendingApiFault {
  method: KioskMethod;
  kind: ErrorKind;
  remaining: number;
  retryable?: boolean;
}

const ask = async <T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> => {
  const { json, ...rest } = init;
  const res = await fetch(url, {
    ...rest,
    headers: { ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(rest.headers as Record<string, string> | undefined) },
    ...(json !== undefined ? { body: JSON.stringify(json), method: rest.method ?? 'POST' } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? (json !== undefined ? 'POST' : 'GET')} ${url}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
};

/** The browser host's `/__sim/` control of the simulated devices. */
export const simControl = (origin: string, token: string) => {
  const auth = { Authorization: `Bearer ${token}` };
  const post = <T>(path: string, body: unknown) => ask<T>(`${origin}/__sim/${path}`, { method: 'POST', json: body, headers: auth });
  return {
    state: () =>
      ask<{ idReader: { samples: { index: number; expect: string; why: string }[] } | null; printer: SimPrinterState | null; scanner: { feederSheets: number } | null }>(
        `${origin}/__sim/`,
        { headers: auth },
      ),
    /** row `n` of kiosk-config/samples/cccd-qr.tsv, shown to the QR reader */
    presentSample: (sample: number) => post<{ presented: true }>('id-reader', { sample }),
    /** any text as a QR (a receipt's tracking code…) */
    presentPayload: (payload: string) => post<{ presented: true }>('id-reader', { payload }),
    /** bytes that are no QR payload at all */
    presentGarbage: () => post<{ presented: true }>('id-reader', { garbage: true }),
    printer: (patch: Partial<Pick<SimPrinterState, 'paper' | 'online' | 'coverOpen' | 'jammed'>>) => post<SimPrinterState>('printer', patch),
    receipts: () => ask<PrintedReceipt[]>(`${origin}/__sim/printer/receipts`, { headers: auth }),
    /** feederSheets 0 is an empty feeder; a fault makes the next scans fail that way */
    scanner: (patch: { feederSheets?: number; fault?: ScannerFault }) => post<{ feederSheets: number }>('scanner', patch),
    /** the next `times` calls of `method` answer `kind` instead of running */
    apiFault: (fault: ApiFault) => post<PendingApiFault[]>('api-faults', fault),
    apiFaults: () => ask<PendingApiFault[]>(`${origin}/__sim/api-faults`, { headers: auth }),
    clearApiFaults: () => ask<PendingApiFault[]>(`${origin}/__sim/api-faults`, { method: 'DELETE', headers: auth }),
  };
};
export type SimControl = ReturnType<typeof simControl>;

export interface CityFaults {
  seed?: number;
  offline?: boolean;
  routes?: Partial<Record<string, { rate: number; kinds: string[]; count?: number; latencyMs?: number; retryAfterSeconds?: number }>>;
}

/** The city simulator's admin routes, `cityUrl` being its `…/v1` base URL. */
export const citySim = (cityUrl: string) => {
  const base = new URL(cityUrl).origin;
  return {
    faults: (config: CityFaults) => ask<CityFaults>(`${base}/__sim/faults`, { method: 'POST', json: config }),
    /** the city goes down (every /v1 connection reset) or comes back */
    offline: (offline: boolean) => ask<CityFaults>(`${base}/__sim/faults`, { method: 'POST', json: { offline } }),
    clearFaults: () => ask<CityFaults>(`${base}/__sim/faults`, { method: 'POST', json: {} }),
    records: () => ask<SimRecords>(`${base}/__sim/records`),
  };
};
export type CitySim = ReturnType<typeof citySim>;
