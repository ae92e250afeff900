// `kiosk doctor`: is this kiosk fit to start? Config, secrets, each device, the city, the disk;
// one line per check (`ok <check>: …` or `FAIL <check>: …`), exit 1 on any failure. It checks
// the site the kiosk would start with (--site, else KIOSK_SITE, else the embedded default) on
// the addresses that site names, and starts nothing itself: a simulator the site names must
// be running (`kiosk sim`, or the kiosk), or its check fails.
import { access, constants } from 'node:fs/promises';
import type { SiteConfig } from '../../common/config/site-schema.js';
import { resolveReceiptFont } from '../../hardware/printer/receipt-font.js';
import { ReceiptPrinter } from '../../hardware/printer/receipt-printer.js';
import { scannerFromConfig } from '../../hardware/scanner/scanner-from-config.js';
import type { ByteTransport } from '../../hardware/transport/byte-transport.js';
import { FileTransport } from '../../hardware/transport/file-transport.js';
import { SerialTransport } from '../../hardware/transport/serial-transport.js';
import { TcpTransport } from '../../hardware/transport/tcp-transport.js';
import { UsbTransport } from '../../hardware/transport/usb-transport.js';
import { cityClientOptionsFromSite } from '../../main/city/city-auth-from-secrets.js';
import { createCityClient } from '../../main/city/city-client.js';
import { formatConfigError, loadSiteConfig } from '../../main/config/load-site.js';
import { loadSecrets, type Secrets } from '../../main/config/secrets.js';
import { certificates, probeCity } from '../../main/diagnostics/network-check.js';
import { diskSpace } from '../../main/diagnostics/system-status.js';
import type { CommandIo } from './id-parse.js';

type Io = Pick<CommandIo, 'stdout' | 'stderr'>;

export interface DoctorOptions {
  site: string;
  dataDir: string;
  secretsPath: string;
  /** below this the disk check fails (default 512 MiB): a dossier with scans can take 50 MB */
  minFreeMb: number;
  env: NodeJS.ProcessEnv;
}

interface Check {
  ok: boolean;
  detail: string;
}

const MiB = 1024 * 1024;
const pass = (detail: string): Check => ({ ok: true, detail });
const fail = (detail: string): Check => ({ ok: false, detail });

const printerTransport = (p: SiteConfig['devices']['printer']): { transport: ByteTransport; implementation: 'real' | 'simulator' } | null => {
  switch (p.kind) {
    case 'none':
      return null;
    case 'simulator':
      return { transport: new TcpTransport({ host: p.host, port: p.port }), implementation: 'simulator' };
    case 'escpos': {
      const t = p.transport;
      const transport =
        t.type === 'tcp'
          ? new TcpTransport({ host: t.host, port: t.port })
          : t.type === 'serial'
            ? new SerialTransport({ path: t.path, baudRate: t.baudRate })
            : t.type === 'usb'
              ? new UsbTransport({ vendorId: t.vendorId, productId: t.productId })
              : new FileTransport(t.path);
      return { transport, implementation: 'real' };
    }
  }
};

/** Connects as the kiosk does and asks DLE EOT 1–4: online, and paper neither out nor jammed. */
const checkPrinter = async (site: SiteConfig): Promise<Check> => {
  const p = site.devices.printer;
  if (p.kind === 'none') return pass('none configured');
  if (p.kind === 'simulator' && p.port === 0) return pass('simulator on a free port, started by the kiosk itself');
  const wired = printerTransport(p);
  if (!wired) return pass('none configured');
  const printer = new ReceiptPrinter({ ...wired, textMode: 'raster', widthDots: 576, font: resolveReceiptFont(), idlePollMs: 0, statusTimeoutMs: 2000 });
  try {
    await printer.start();
    const s = printer.status();
    const where = wired.transport.describe;
    const paper = s.media ? `, paper ${s.media}` : '';
    const bad = s.state !== 'online' || s.media === 'out' || s.media === 'jammed';
    return bad ? fail(`${s.state}${paper}${s.lastError ? ` — ${s.lastError}` : ''} (${where})`) : pass(`online${paper} (${where})`);
  } finally {
    await printer.stop();
  }
};

const checkScanner = async (site: SiteConfig): Promise<Check> => {
  const c = site.devices.scanner;
  if (c.kind === 'none') return pass('none configured');
  if (c.kind === 'simulator') return pass('simulator (runs inside the kiosk)');
  const adapter = scannerFromConfig(c);
  if (!adapter) return pass('none configured');
  const s = await adapter.probe();
  return s.state === 'online' ? pass(`${adapter.describe} found`) : fail(`${s.state}${s.lastError ? ` — ${s.lastError}` : ''}`);
};

const checkIdReader = async (site: SiteConfig): Promise<Check> => {
  const r = site.devices.idReader;
  switch (r.kind) {
    case 'none':
      return pass('none configured');
    case 'simulator':
      return pass('simulator (runs inside the kiosk)');
    case 'keyboard-wedge':
      return pass('keyboard wedge: it types into the screen; test it in diagnostics');
    case 'serial-qr':
      // opening the port here would steal the bytes of a kiosk already running: is it there, may we use it
      try {
        await access(r.transport.path, constants.R_OK | constants.W_OK);
        return pass(`${r.transport.path} present`);
      } catch (e) {
        return fail(`${r.transport.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
  }
};

const checkCity = async (site: SiteConfig, secrets: Secrets, env: NodeJS.ProcessEnv): Promise<Check> => {
  const url = site.city.baseUrl;
  if (site.city.simulator && new URL(url).port === '0') return pass('simulator on a free port, started by the kiosk itself');
  const opts = await cityClientOptionsFromSite(site, secrets, env);
  if (!opts.ok) return fail(opts.error.message);
  const client = createCityClient(opts.value);
  try {
    const p = await probeCity(client, site.city.connectTimeoutSeconds * 1000 + 1000);
    if (!p.reachable) return fail(`${p.error ?? 'unreachable'} (${url})`);
    // the city answered but refused the kiosk: reachable, and still not fit to send dossiers
    if (p.error) return fail(`answers but refuses: ${p.error} (${url})`);
    return pass(`answered in ${p.latencyMs} ms (${url})`);
  } finally {
    client.close();
  }
};

const checkCertificates = async (site: SiteConfig, secrets: Secrets): Promise<Check | null> => {
  const certs = await certificates(secrets, site.city.baseUrl, site.city.connectTimeoutSeconds * 1000, Date.now());
  if (certs.length === 0) return null;
  const bad = certs.filter((c) => c.error !== null || (c.daysLeft !== null && c.daysLeft < 0));
  const text = certs.map((c) => `${c.which} ${c.error ?? (c.daysLeft !== null ? `${c.daysLeft} days left` : 'no expiry')}`).join(', ');
  return bad.length > 0 ? fail(text) : pass(text);
};

const checkDisk = async (dataDir: string, minFreeMb: number): Promise<Check> => {
  try {
    const d = await diskSpace(dataDir);
    const text = `${Math.floor(d.freeBytes / MiB)} MiB free of ${Math.floor(d.totalBytes / MiB)} MiB at ${d.path}`;
    return d.freeBytes < minFreeMb * MiB ? fail(`${text}; needs at least ${minFreeMb} MiB`) : pass(text);
  } catch (e) {
    return fail(`${dataDir}: ${(e as Error).message}`);
  }
};

export const runDoctor = async (o: DoctorOptions, io: Io): Promise<number> => {
  let failed = 0;
  const line = (name: string, c: Check) => {
    if (!c.ok) failed++;
    io.stdout.write(`${c.ok ? 'ok' : 'FAIL'} ${name}: ${c.detail.replace(/\n/g, ' ')}\n`);
  };
  const guarded = async (name: string, run: () => Promise<Check | null>) => {
    try {
      const c = await run();
      if (c) line(name, c);
    } catch (e) {
      line(name, fail(e instanceof Error ? e.message : String(e)));
    }
  };

  const loaded = await loadSiteConfig(o.site);
  line('config', loaded.ok ? pass(`${o.site} (site ${loaded.value.site.id}, kiosk ${loaded.value.kiosk.id})`) : fail(formatConfigError(loaded.error)));
  const secrets = await loadSecrets(o.secretsPath, o.env, { allowMissing: true });
  line(
    'secrets',
    secrets.ok
      ? secrets.value.pins.technician.length > 0
        ? pass(`${secrets.value.pins.technician.length} technician and ${secrets.value.pins.officer.length} officer PINs (${o.secretsPath})`)
        : pass(`no technician PIN in ${o.secretsPath}: diagnostics cannot be opened`)
      : fail(formatConfigError(secrets.error)),
  );
  if (loaded.ok) {
    const site = loaded.value;
    await guarded('printer', () => checkPrinter(site));
    await guarded('scanner', () => checkScanner(site));
    await guarded('idReader', () => checkIdReader(site));
    if (secrets.ok) {
      await guarded('city', () => checkCity(site, secrets.value, o.env));
      await guarded('certificates', () => checkCertificates(site, secrets.value));
    } else {
      line('city', fail('not checked: the secrets file is invalid'));
    }
  } else {
    for (const name of ['printer', 'scanner', 'idReader', 'city']) line(name, fail('not checked: no valid config'));
  }
  await guarded('disk', () => checkDisk(o.dataDir, o.minFreeMb));
  return failed > 0 ? 1 : 0;
};
