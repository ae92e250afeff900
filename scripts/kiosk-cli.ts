// `npm run kiosk -- <command>`: the technician's command line. Each command prints what it
// found, one line per check, and exits non-zero on any failure, so it can be scripted.
import { join } from 'node:path';
import { formatConfigError, loadSiteConfig } from '../main/config/load-site.js';
import { runCitySimCommand } from '../main/city-sim/cli-entry.js';
import { runDevices, runPrintTest } from './commands/devices.js';
import { runIdParse, type CommandIo } from './commands/id-parse.js';
import { runLoad } from './commands/load.js';
import { runScanTest } from './commands/scan-test.js';
import { runSim } from './commands/sim.js';
import { repoRootFrom, takeSiteArg } from './commands/site-arg.js';
import { runAudit } from './commands/audit.js';
import { takeDataDirArgs, takeOption } from './commands/data-dir-arg.js';
import { runDoctor } from './commands/doctor.js';
import { runQueue } from './commands/queue.js';
import { runStats } from './commands/stats.js';

export const usage = `usage: npm run kiosk -- <command>
  devices [--site FILE]        each device's status and counters; exit 1 if one is not online
  print-test [--site FILE]     print the Vietnamese test receipt
  scan-test [options]          scan one page to a PDF (scan-test --help)
  id parse <payload|->         check a CCCD QR payload; identity JSON (exit 0) or the error (exit 1)
  sim [--site FILE]            run the site's device simulators in the foreground
  city-sim [--port 8443] [--data-dir DIR] [--fault ROUTE=RATE:KINDS] [--tls-dir DIR]
                               run the city simulator in the foreground
  config check [--site FILE]   validate a site file
  load --dossiers N [--pages P] [--city URL] [--site FILE] [--wait]
                               submit N synthetic dossiers through the KioskApi; exit 0 when all delivered
  doctor [--site FILE] [--data-dir DIR] [--secrets FILE] [--min-free-mb N]
                               config, secrets, devices, city, disk: one line each; exit 1 on any FAIL
  queue status|retry <code>|export <dir>|unpack <bundle> <dir> [--data-dir DIR]
                               the outbox (queue --help)
  stats --month YYYY-MM [--csv] [--html FILE] [--data-dir DIR]
                               the monthly report (online dossiers per procedure, assisted)
  audit --since <date> [--json] [--data-dir DIR]
                               the technician audit trail
`;

export const runKiosk = async (argv: readonly string[], io: CommandIo, stop: Promise<unknown> = new Promise(() => {})): Promise<number> => {
  const root = repoRootFrom(import.meta.url);
  const [cmd, ...args] = argv;
  const { site, rest } = takeSiteArg(args, root);
  const configRoot = join(root, 'kiosk-config');
  switch (cmd) {
    case 'devices':
      return runDevices(site, configRoot, io);
    case 'print-test':
      return runPrintTest(site, configRoot, io);
    case 'scan-test':
      return runScanTest(args, io);
    case 'id':
      if (args[0] === 'parse') return runIdParse(args.slice(1), io);
      break;
    case 'sim':
      return runSim(site, io, stop);
    case 'load':
      return runLoad(site, configRoot, rest, io);
    case 'city-sim':
      return runCitySimCommand(args, io, stop);
    case 'config':
      if (rest[0] === 'check') {
        const file = rest[1] ? takeSiteArg(['--site', rest[1]], root).site : site;
        const r = await loadSiteConfig(file);
        if (!r.ok) {
          io.stderr.write(formatConfigError(r.error) + '\n');
          return 1;
        }
        io.stdout.write(`ok: ${file} (site ${r.value.site.id}, kiosk ${r.value.kiosk.id}, ${r.value.procedures.enabled.length} procedures)\n`);
        return 0;
      }
      break;
    case 'doctor': {
      const d = takeDataDirArgs(rest, root);
      const min = takeOption(d.rest, '--min-free-mb');
      const minFreeMb = min.value === undefined ? 512 : Number(min.value);
      if (!Number.isFinite(minFreeMb) || minFreeMb < 0 || min.rest.length > 0) break;
      return runDoctor({ site, dataDir: d.dataDir, secretsPath: d.secretsPath, minFreeMb, env: process.env }, io);
    }
    case 'queue': {
      const d = takeDataDirArgs(rest, root);
      return runQueue(d.rest, { dataDir: d.dataDir, site, io, env: process.env });
    }
    case 'stats': {
      const d = takeDataDirArgs(rest, root);
      return runStats(d.rest, { dataDir: d.dataDir, site, configRoot, io });
    }
    case 'audit': {
      const d = takeDataDirArgs(rest, root);
      return runAudit(d.rest, { dataDir: d.dataDir, io });
    }
    case undefined:
    case 'help':
    case '--help':
      io.stdout.write(usage);
      return 0;
  }
  io.stderr.write(usage);
  return 2;
};
