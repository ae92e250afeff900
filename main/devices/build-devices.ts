import { join } from 'node:path';
import type { SiteConfig } from '../../common/config/site-schema.js';
import type { DeviceAdapter } from '../../hardware/device-adapter.js';
import { SerialQrReader } from '../../hardware/id-reader/serial-qr-reader.js';
import { DeviceManager } from '../../hardware/manager/device-manager.js';
import { FixedStatusDevice } from '../../hardware/null-device.js';
import { ReceiptPrinter } from '../../hardware/printer/receipt-printer.js';
import { resolveReceiptFont } from '../../hardware/printer/receipt-font.js';
import { scannerFromConfig, SIMULATOR_DPI } from '../../hardware/scanner/scanner-from-config.js';
import { ScannerAdapter } from '../../hardware/scanner/scanner-adapter.js';
import { ScannerSimulator } from '../../hardware/simulators/scanner-sim.js';
import { createSimulatedIdReader, loadCccdSamples, type IdReaderSimulator } from '../../hardware/simulators/id-reader-sim.js';
import type { ByteTransport } from '../../hardware/transport/byte-transport.js';
import { FileTransport } from '../../hardware/transport/file-transport.js';
import { SerialTransport } from '../../hardware/transport/serial-transport.js';
import { TcpTransport } from '../../hardware/transport/tcp-transport.js';
import { watchUsbHotplug, type UsbHotplugWatch } from '../../hardware/transport/usb-hotplug.js';
import { UsbTransport } from '../../hardware/transport/usb-transport.js';
import type { Logger } from '../log/logger.js';
import { startSiteSimulators, type SiteSimulators } from './site-simulators.js';

export interface Devices {
  manager: DeviceManager;
  printer: ReceiptPrinter | null;
  scanner: ScannerAdapter | null;
  idReader: SerialQrReader | null;
  /** the simulators behind simulated devices, for the sim-control endpoint and tests */
  simulators: SiteSimulators & { idReader: IdReaderSimulator | null; scanner: ScannerSimulator | null };
  close(): Promise<void>;
}

export interface DeviceWiring {
  log: Logger;
  dataDir: string;
  /** kiosk-config/: the simulators' sample cards live under samples/ */
  configRoot: string;
}

type PrinterTransport = Extract<SiteConfig['devices']['printer'], { kind: 'escpos' }>['transport'];
const transportFor = (t: PrinterTransport): ByteTransport => {
  switch (t.type) {
    case 'tcp': return new TcpTransport({ host: t.host, port: t.port });
    case 'serial': return new SerialTransport({ path: t.path, baudRate: t.baudRate });
    case 'usb': return new UsbTransport({ vendorId: t.vendorId, productId: t.productId });
    case 'file': return new FileTransport(t.path);
  }
};

/** Real, simulated or null adapters from the site's `devices`, started and managed together. */
export const buildDevices = async (devices: SiteConfig['devices'], w: DeviceWiring): Promise<Devices> => {
  const font = resolveReceiptFont();
  const simulators = await startSiteSimulators(devices, { log: w.log, font });

  const p = devices.printer;
  const printer =
    p.kind === 'simulator' && simulators.printerAddress
      ? new ReceiptPrinter({ transport: new TcpTransport(simulators.printerAddress), implementation: 'simulator', textMode: 'raster', widthDots: 576, font })
      : p.kind === 'escpos'
        ? new ReceiptPrinter({ transport: transportFor(p.transport), implementation: 'real', textMode: p.textMode, widthDots: p.widthDots, font })
        : null;

  // scans hold PII: they live under the data dir, wiped per session, never in /tmp
  const workRoot = join(w.dataDir, 'scans');
  // the simulator is built here, not inside scannerFromConfig, so its feeder can be reached
  const scannerSim = devices.scanner.kind === 'simulator' ? new ScannerSimulator() : null;
  const scanner = scannerSim ? new ScannerAdapter({ backend: scannerSim, dpi: SIMULATOR_DPI, workRoot }) : (scannerFromConfig(devices.scanner, { workRoot }) ?? null);

  const r = devices.idReader;
  let idReader: SerialQrReader | null = null;
  let idReaderSim: IdReaderSimulator | null = null;
  if (r.kind === 'simulator') {
    const sim = createSimulatedIdReader({ samples: await loadCccdSamples(join(w.configRoot, 'samples', 'cccd-qr.tsv')) });
    idReader = sim.reader;
    idReaderSim = sim.simulator;
    await idReaderSim.open();
  } else if (r.kind === 'serial-qr') {
    const t = r.transport;
    idReader = new SerialQrReader({ openTransport: () => new SerialTransport({ path: t.path, baudRate: t.baudRate }), terminator: r.terminator });
  }

  const adapters: DeviceAdapter[] = [
    printer ?? new FixedStatusDevice('printer'),
    scanner ?? new FixedStatusDevice('scanner'),
    // a keyboard-wedge reader types into the renderer: the core cannot see it, only trust it
    idReader ?? (r.kind === 'keyboard-wedge' ? new FixedStatusDevice('idReader', 'online', 'real') : new FixedStatusDevice('idReader')),
  ];
  const manager = new DeviceManager(adapters);
  await manager.start();

  let hotplug: UsbHotplugWatch | null = null;
  if (printer && p.kind === 'escpos' && p.transport.type === 'usb') {
    hotplug = await watchUsbHotplug(p.transport, (event) => {
      w.log.info('devices', `usb printer ${event}`);
      void printer.hotplug(event);
    });
    if (!hotplug.available) w.log.warn('devices', 'no USB hot-plug on this machine: the printer is retried with backoff instead');
  }

  return {
    manager,
    printer,
    scanner,
    idReader,
    simulators: { ...simulators, idReader: idReaderSim, scanner: scannerSim },
    close: async () => {
      hotplug?.stop();
      await manager.stop();
      await idReaderSim?.close();
      await simulators.close();
    },
  };
};
