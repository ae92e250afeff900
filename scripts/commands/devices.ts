// `kiosk devices` and `kiosk print-test`: the site's devices, built as the kiosk builds them.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SiteConfig } from '../../common/config/site-schema.js';
import { formatConfigError, loadSiteConfig } from '../../main/config/load-site.js';
import { buildDevices, type Devices } from '../../main/devices/build-devices.js';
import { silentLogger } from '../../main/log/logger.js';
import type { CommandIo } from './id-parse.js';

type Io = Pick<CommandIo, 'stdout' | 'stderr'>;

const withDevices = async <T>(site: string, configRoot: string, io: Io, fn: (d: Devices, cfg: SiteConfig) => Promise<T>): Promise<T | 2> => {
  const loaded = await loadSiteConfig(site);
  if (!loaded.ok) {
    io.stderr.write(formatConfigError(loaded.error) + '\n');
    return 2;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'kiosk-cli-'));
  const devices = await buildDevices(loaded.value.devices, { log: silentLogger, dataDir, configRoot });
  try {
    return await fn(devices, loaded.value);
  } finally {
    await devices.close();
  }
};

/** One line per device; exit 1 when a device the site names is not online. */
export const runDevices = (site: string, configRoot: string, io: Io): Promise<number> =>
  withDevices(site, configRoot, io, async (d, cfg) => {
    let failed = 0;
    for (const s of d.manager.statuses()) {
      const named = cfg.devices[s.id].kind !== 'none';
      const bad = named && s.state !== 'online';
      if (bad) failed++;
      const counters = Object.entries(d.manager.counters()[s.id] ?? {}).map(([k, v]) => `${k}=${v}`).join(' ');
      io.stdout.write(`${bad ? 'FAIL' : 'ok  '} ${s.id.padEnd(8)} ${s.state}${s.media ? ` (paper ${s.media})` : ''} [${s.implementation}]${s.lastError ? ` — ${s.lastError}` : ''}${counters ? `  ${counters}` : ''}\n`);
    }
    return failed ? 1 : 0;
  });

/** Prints the Vietnamese test receipt; with the simulator, saves what it rendered. */
export const runPrintTest = (site: string, configRoot: string, io: Io, outDir = join(tmpdir(), 'kiosk-print-test')): Promise<number> =>
  withDevices(site, configRoot, io, async (d) => {
    if (!d.printer) {
      io.stderr.write('print-test: this site has no receipt printer (devices.printer.kind is none)\n');
      return 1;
    }
    const received = d.simulators.printer ? new Promise((resolve) => d.simulators.printer?.onReceipt(resolve)) : null;
    const r = await d.printer.printTestReceipt();
    if (!r.ok) {
      io.stderr.write(`print-test: ${r.error.kind}: ${r.error.message}\n`);
      return 1;
    }
    io.stdout.write(`printed the test receipt (${r.value.bytes} bytes) on ${d.printer.status().implementation} printer\n`);
    if (received && d.simulators.printer) {
      await received;
      const last = d.simulators.printer.receipts().at(-1);
      if (last) {
        await mkdir(outDir, { recursive: true });
        await writeFile(join(outDir, 'receipt.png'), last.png);
        await writeFile(join(outDir, 'receipt.txt'), last.text);
        io.stdout.write(`the simulator rendered it: ${join(outDir, 'receipt.png')}\n`);
      }
    }
    return 0;
  });
