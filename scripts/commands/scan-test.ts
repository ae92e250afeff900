// `kiosk scan-test`: scans one page the way the kiosk does (SANE or the simulator), writes the
// PDF and prints page count, size and quality flags, so a technician can check a scanner
// without starting the kiosk. Exit 0 on a page, 1 on a scan failure, 2 on bad usage.
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SiteConfig } from '../../common/config/site-schema.js';
import { SaneScanner } from '../../hardware/scanner/sane-scanner.js';
import { ScannerAdapter } from '../../hardware/scanner/scanner-adapter.js';
import { scannerFromConfig } from '../../hardware/scanner/scanner-from-config.js';
import type { ScannedPage, ScanSource } from '../../hardware/scanner/scan-types.js';
import { formatConfigError, loadSiteConfig } from '../../main/config/load-site.js';

export interface ScanTestIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const usage = `usage: kiosk scan-test [options] [-- scanimage options]
  --device DEV           a SANE device (e.g. test:0); default: the site's scanner, else the first SANE device
  --config FILE          use the scanner of this site file (sane, simulator or none)
  --simulator            use the scanner simulator
  --source flatbed|feeder  (default flatbed; feeder scans one sheet)
  --dpi N                resolution (default: the site's, else 200)
  --timeout SECONDS      (default: the site's, else 60)
  --sane-config-dir DIR  SANE_CONFIG_DIR for scanimage (e.g. one enabling the test backend)
  --out FILE.pdf         where the PDF goes (default: a file in the temp folder)
  after --, arguments go to scanimage as they are (e.g. -- --test-picture Grid)
`;

interface Args {
  device?: string;
  config?: string;
  simulator: boolean;
  source: ScanSource;
  dpi?: number;
  timeout?: number;
  saneConfigDir?: string;
  out?: string;
  extra: string[];
}

const parseArgs = (argv: readonly string[]): Args | string => {
  const a: Args = { simulator: false, source: 'flatbed', extra: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--') {
      a.extra = argv.slice(i + 1);
      break;
    }
    if (flag === '--simulator') {
      a.simulator = true;
      continue;
    }
    const value = argv[++i];
    if (value === undefined) return `${flag} needs a value`;
    if (flag === '--device') a.device = value;
    else if (flag === '--config') a.config = value;
    else if (flag === '--out') a.out = value;
    else if (flag === '--sane-config-dir') a.saneConfigDir = value;
    else if (flag === '--source' && (value === 'flatbed' || value === 'feeder')) a.source = value;
    else if ((flag === '--dpi' || flag === '--timeout') && /^\d+$/.test(value)) a[flag === '--dpi' ? 'dpi' : 'timeout'] = Number(value);
    else return `unknown option or bad value: ${flag} ${value}`;
  }
  return a;
};

const flags = (p: ScannedPage): string =>
  [p.quality.blank && 'blank', p.quality.tooDark && 'too dark', p.quality.tooLight && 'too light'].filter(Boolean).join(', ') || 'ok';

const pickAdapter = async (a: Args, io: ScanTestIo): Promise<ScannerAdapter | number> => {
  const sane = (device: string | undefined, dpi: number, timeoutSeconds: number): ScannerAdapter =>
    new ScannerAdapter({
      backend: new SaneScanner({
        ...(device ? { device } : {}),
        timeoutSeconds,
        extraArgs: a.extra,
        ...(a.saneConfigDir ? { saneConfigDir: resolve(a.saneConfigDir) } : {}),
      }),
      dpi,
    });
  if (a.simulator) return scannerFromConfig({ kind: 'simulator' }) ?? 1;
  if (a.device || !a.config) return sane(a.device, a.dpi ?? 200, a.timeout ?? 60);
  const site = await loadSiteConfig(resolve(a.config));
  if (!site.ok) {
    io.stderr.write(formatConfigError(site.error) + '\n');
    return 2;
  }
  const config: SiteConfig['devices']['scanner'] = site.value.devices.scanner;
  if (config.kind === 'none') {
    io.stderr.write(`${a.config}: the site has no scanner (kind "none")\n`);
    return 1;
  }
  if (config.kind === 'sane') return sane(config.device, a.dpi ?? config.resolutionDpi, a.timeout ?? config.timeoutSeconds);
  return scannerFromConfig(config) ?? 1;
};

/** `args` are the words after `scan-test`. */
export const runScanTest = async (args: readonly string[], io: ScanTestIo): Promise<number> => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(usage);
    return 0;
  }
  const a = parseArgs(args);
  if (typeof a === 'string') {
    io.stderr.write(`${a}\n${usage}`);
    return 2;
  }
  const adapter = await pickAdapter(a, io);
  if (typeof adapter === 'number') return adapter;

  const started = Date.now();
  const scan = await adapter.scan({ source: a.source, maxPages: 1 }, a.dpi);
  if (!scan.ok) {
    io.stderr.write(`scan failed on ${adapter.describe}: ${scan.error.kind}: ${scan.error.message}\n`);
    return 1;
  }
  try {
    const { pages } = scan.value;
    io.stdout.write(`scanned ${pages.length} page(s) on ${adapter.describe} in ${Date.now() - started} ms\n`);
    for (const p of pages) io.stdout.write(`page ${p.index}: ${p.widthPx}×${p.heightPx} px at ${p.dpi} dpi, mean grey ${Math.round(p.quality.mean)}, ${flags(p)}\n`);
    const pdf = await adapter.toPdf(pages);
    if (!pdf.ok) {
      io.stderr.write(`PDF failed: ${pdf.error.kind}: ${pdf.error.message}\n`);
      return 1;
    }
    const out = resolve(a.out ?? join(tmpdir(), `scan-test-${Date.now()}.pdf`));
    await writeFile(out, pdf.value.bytes);
    io.stdout.write(`PDF: ${out} (${pdf.value.pageCount} page(s), ${(pdf.value.bytes.length / 1024).toFixed(1)} KB)\n`);
    return 0;
  } finally {
    await adapter.discard(scan.value);
  }
};
