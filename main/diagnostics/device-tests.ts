import { initials, maskIdNumber } from '../../common/cccd/mask.js';
import { parseCccdQr } from '../../common/cccd/parse-cccd-qr.js';
import type { CitizenIdentity } from '../../common/domain/citizen-identity.js';
import { kioskError, type KioskError } from '../../common/errors.js';
import type { CardTestResult, PrintTestResult, ScanTestResult } from '../../common/kiosk-api/diagnostics-contract.js';
import { err, ok, type Result } from '../../common/result.js';
import { makeThumbnail, thumbnailDataUrl } from '../../hardware/scanner/thumbnails.js';
import type { Devices } from '../devices/build-devices.js';
import { redactText } from '../log/redact.js';

// The technician's three device tests: a receipt with every Vietnamese tone, a scan shown on
// screen, a card read shown masked. Each uses the kiosk's own adapters, so a pass means the
// resident's path works, not only that a port opens.

/** the simulator renders a receipt after the paper would have come out; never wait forever */
const PREVIEW_WAIT_MS = 5_000;

export const printTest = async (devices: Pick<Devices, 'printer' | 'simulators'>): Promise<Result<PrintTestResult, KioskError>> => {
  const printer = devices.printer;
  if (!printer) return err(kioskError('NoDevice', 'this site has no receipt printer (devices.printer.kind is none)'));
  const sim = devices.simulators.printer;
  let stop = (): void => undefined;
  const rendered = sim
    ? new Promise<{ png: string; text: string } | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), PREVIEW_WAIT_MS);
        const off = sim.onReceipt((r) => {
          clearTimeout(timer);
          resolve({ png: `data:image/png;base64,${r.png.toString('base64')}`, text: r.text });
        });
        stop = () => {
          clearTimeout(timer);
          off();
          resolve(null);
        };
      })
    : Promise.resolve(null);
  const r = await printer.printTestReceipt();
  if (!r.ok) {
    stop();
    return r;
  }
  const preview = await rendered;
  stop();
  return ok({ bytes: r.value.bytes, preview });
};

const PREVIEW_WIDTH_PX = 800;

export const scanTest = async (devices: Pick<Devices, 'scanner'>, now: () => number = Date.now): Promise<Result<ScanTestResult, KioskError>> => {
  const scanner = devices.scanner;
  if (!scanner) return err(kioskError('NoDevice', 'this site has no scanner (devices.scanner.kind is none)'));
  const started = now();
  const r = await scanner.scan({ source: 'flatbed' });
  if (!r.ok) return r;
  try {
    const page = r.value.pages[0];
    if (!page) return err(kioskError('Internal', 'the scanner returned no page'));
    const image = await makeThumbnail(page.file, PREVIEW_WIDTH_PX);
    return ok({
      widthPx: page.widthPx,
      heightPx: page.heightPx,
      dpi: page.dpi,
      image: thumbnailDataUrl(image),
      blank: page.quality.blank,
      tooDark: page.quality.tooDark,
      tooLight: page.quality.tooLight,
      durationMs: Math.max(0, now() - started),
      implementation: scanner.status().implementation,
    });
  } finally {
    // a technician may test with a real paper: its files go at once
    await scanner.discard(r.value);
  }
};

const masked = (id: CitizenIdentity, implementation: CardTestResult['implementation']): CardTestResult => ({
  idNumberMasked: maskIdNumber(id.idNumber),
  initials: initials(id.fullName),
  source: id.source,
  warnings: id.warnings,
  implementation,
});

export interface CardTestOptions {
  timeoutSeconds?: number;
  simulate?: boolean;
  payload?: string;
  keyboardWedge: boolean;
  today?: Date;
}

export const cardTest = async (devices: Pick<Devices, 'idReader' | 'simulators'>, o: CardTestOptions): Promise<Result<CardTestResult, KioskError>> => {
  const invalid = (field: string, rule: string) => err(kioskError('InvalidIdPayload', redactText(`the card could not be read: ${field} ${rule}`)));
  if (o.payload !== undefined) {
    const parsed = parseCccdQr(o.payload, { ...(o.today ? { today: o.today } : {}), source: 'qr' });
    return parsed.ok ? ok(masked(parsed.value, o.keyboardWedge ? 'real' : 'null')) : invalid(parsed.error.field, parsed.error.rule);
  }
  const reader = devices.idReader;
  if (!reader) {
    return err(
      o.keyboardWedge
        ? kioskError('NotAvailable', 'a keyboard-wedge reader types into the screen: scan the card there and send the payload')
        : kioskError('NoDevice', 'this site has no ID reader (devices.idReader.kind is none)'),
    );
  }
  const sim = devices.simulators.idReader;
  if (o.simulate && !sim) return err(kioskError('NotAvailable', 'simulate needs the ID-reader simulator (devices.idReader.kind simulator)'));
  const timeoutMs = (o.timeoutSeconds ?? 20) * 1000;
  const implementation = reader.status().implementation;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      off();
      resolve(err(kioskError('DeviceTimeout', `no card read within ${timeoutMs / 1000} s`)));
    }, timeoutMs);
    const off = reader.onCard((card) => {
      clearTimeout(timer);
      off();
      resolve(card.ok ? ok(masked(card.value, implementation)) : invalid(card.error.field, card.error.rule));
    });
    if (o.simulate && sim) {
      sim.present(0).catch((e: unknown) => {
        clearTimeout(timer);
        off();
        resolve(err(kioskError('DeviceOffline', `the simulator could not present a card: ${e instanceof Error ? e.message : String(e)}`)));
      });
    }
  });
};
