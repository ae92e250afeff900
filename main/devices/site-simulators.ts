import type { SiteConfig } from '../../common/config/site-schema.js';
import type { ReceiptFont } from '../../hardware/printer/receipt-font.js';
import { startPrinterSimulator, type PrinterSimulator } from '../../hardware/simulators/printer-sim/index.js';
import type { Logger } from '../log/logger.js';

export interface SiteSimulators {
  /** null when another process (`npm run kiosk -- sim`) already serves that address */
  printer: PrinterSimulator | null;
  /** where the kiosk should connect its printer */
  printerAddress: { host: string; port: number } | null;
  close(): Promise<void>;
}

const inUse = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: string }).code === 'EADDRINUSE';

/**
 * Starts the network simulators the site names, on the addresses it names. When the address
 * is taken by a simulator run apart (`kiosk sim`), the kiosk uses that one instead.
 */
export const startSiteSimulators = async (
  devices: SiteConfig['devices'],
  opts: { log: Logger; font: ReceiptFont; saveDir?: string },
): Promise<SiteSimulators> => {
  let printer: PrinterSimulator | null = null;
  let printerAddress: SiteSimulators['printerAddress'] = null;
  if (devices.printer.kind === 'simulator') {
    const { host, port } = devices.printer;
    try {
      printer = await startPrinterSimulator({ host, port, keep: 20, font: opts.font, ...(opts.saveDir ? { saveDir: opts.saveDir } : {}) });
      printerAddress = { host: printer.host, port: printer.port };
      opts.log.info('simulator', 'printer simulator listening', printerAddress);
    } catch (e) {
      if (!inUse(e)) throw e;
      printerAddress = { host, port };
      opts.log.info('simulator', 'printer address in use: using the simulator already there', printerAddress);
    }
  }
  return {
    printer,
    printerAddress,
    close: async () => {
      await printer?.close();
    },
  };
};
