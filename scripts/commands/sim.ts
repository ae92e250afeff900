// `kiosk sim`: the simulators the site names, in the foreground, on the addresses it names, so a
// kiosk (or `kiosk doctor`) started beside it uses them. Ctrl-C stops them.
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
  // the scanner and ID-reader simulators run inside the kiosk: they need no address
  io.stdout.write('scanner and ID-reader simulators run inside the kiosk process\nCtrl-C stops the simulators\n');
  await stop;
  await sims.close();
  return 0;
};
