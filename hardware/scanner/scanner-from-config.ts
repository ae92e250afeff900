import type { SiteConfig } from '../../common/config/site-schema.js';
import { ScannerSimulator } from '../simulators/scanner-sim.js';
import type { ScannerSimOptions } from '../simulators/scanner-sim.js';
import { SaneScanner } from './sane-scanner.js';
import type { SaneScannerOptions } from './sane-scanner.js';
import { ScannerAdapter } from './scanner-adapter.js';

// The site config's `devices.scanner` → an adapter (SANE or simulator), or none for `kind: 'none'`.

export interface ScannerWiring {
  /** per-scan page folders (PII); defaults to the OS temp dir */
  workRoot?: string;
  /** for tests and deployments with their own SANE config dir or scanimage path */
  sane?: Partial<Pick<SaneScannerOptions, 'binary' | 'saneConfigDir' | 'killGraceMs' | 'exitGraceMs' | 'extraArgs'>>;
  simulator?: ScannerSimOptions;
}

/** The simulator scans at the same default resolution as the SANE config. */
export const SIMULATOR_DPI = 200;

export const scannerFromConfig = (config: SiteConfig['devices']['scanner'], wiring: ScannerWiring = {}): ScannerAdapter | undefined => {
  const workRoot = wiring.workRoot !== undefined ? { workRoot: wiring.workRoot } : {};
  switch (config.kind) {
    case 'none':
      return undefined;
    case 'simulator':
      return new ScannerAdapter({ backend: new ScannerSimulator(wiring.simulator), dpi: SIMULATOR_DPI, ...workRoot });
    case 'sane':
      return new ScannerAdapter({
        backend: new SaneScanner({ device: config.device, timeoutSeconds: config.timeoutSeconds, ...wiring.sane }),
        dpi: config.resolutionDpi,
        ...workRoot,
      });
  }
};
