// `npm run kiosk -- <command>`: the technician's command line. Each command prints what it
// found and exits non-zero on any failure, so it can be scripted.
import { resolve } from 'node:path';
import { formatConfigError, loadSiteConfig } from '../main/config/load-site.js';

const usage = `usage: npm run kiosk -- <command>
  config check [FILE]   validate a site file (default: kiosk-config/sites/embedded.json)`;

const configCheck = async (file: string): Promise<number> => {
  const r = await loadSiteConfig(file);
  if (!r.ok) {
    process.stderr.write(formatConfigError(r.error) + '\n');
    return 1;
  }
  process.stdout.write(`ok: ${file} (site ${r.value.site.id}, kiosk ${r.value.kiosk.id}, ${r.value.procedures.enabled.length} procedures)\n`);
  return 0;
};

const main = async (argv: string[]): Promise<number> => {
  const [cmd, sub, arg] = argv;
  if (cmd === 'config' && sub === 'check') return configCheck(resolve(arg ?? 'kiosk-config/sites/embedded.json'));
  process.stderr.write(`${usage}\n`);
  return cmd === undefined || cmd === 'help' ? 0 : 2;
};

main(process.argv.slice(2)).then((code) => process.exit(code));
