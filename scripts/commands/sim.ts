// `kiosk sim`: the simulators the site names, in the foreground, on the addresses it names, so a
// kiosk (or `kiosk doctor`) started beside it uses them. Ctrl-C stops them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCitySimulator, type CitySimulator } from '../../main/city-sim/server.js';
import { formatConfigError, loadSiteConfig } from '../../main/config/load-site.js';
import { startSiteSimulators } from '../../main/devices/site-simulators.js';
import { resolveReceiptFont } from '../../hardware/printer/receipt-font.js';
import { silentLogger } from '../../main/log/logger.js';
import type { CommandIo } from './id-parse.js';

export const runSim = async (site: string, io: Pick<CommandIo, 'stdout' | 'stderr'>, stop: Promise<unknown>): Promise<number> => {
  const loaded = await loadSiteConfig(site);
  if (!loaded.ok) {
    io.stderr.write(formatConfigError(loaded.error) + '\n');
    return 2;
  }
  const sims = await startSiteSimulators(loaded.value.devices, { log: silentLogger, font: resolveReceiptFont() });
  if (!sims.printer) {
    io.stdout.write(sims.printerAddress ? `printer: ${sims.printerAddress.host}:${sims.printerAddress.port} is already taken\n` : 'printer: this site names no printer simulator\n');
  } else {
    io.stdout.write(`printer simulator: tcp://${sims.printer.host}:${sims.printer.port}\n`);
    sims.printer.onReceipt((r) => io.stdout.write(`--- receipt ${r.seq} at ${r.at} ---\n${r.text}\n`));
  }
  // the city simulator too, when the site names one on a fixed address (port 0 is the kiosk's own)
  let city: CitySimulator | null = null;
  let cityDir: string | null = null;
  const cityUrl = new URL(loaded.value.city.baseUrl);
  if (loaded.value.city.simulator && cityUrl.port !== '0') {
    try {
      cityDir = await mkdtemp(join(tmpdir(), 'kiosk-sim-city-'));
      city = await startCitySimulator({ host: cityUrl.hostname, port: Number(cityUrl.port || 80), dataDir: cityDir });
      io.stdout.write(`city simulator: ${city.url}\n`);
    } catch (e) {
      io.stdout.write(`city: ${cityUrl.host} is already taken (${e instanceof Error ? e.message : String(e)})\n`);
    }
  }
  // the scanner and ID-reader simulators run inside the kiosk: they need no address
  io.stdout.write('scanner and ID-reader simulators run inside the kiosk process\nCtrl-C stops the simulators\n');
  await stop;
  await sims.close();
  await city?.close();
  if (cityDir) await rm(cityDir, { recursive: true, force: true });
  return 0;
};
