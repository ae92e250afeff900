import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLogger } from '../log/logger.js';
import { citySimUsage, parseCitySimArgs } from './cli-args.js';
import { startCitySimulator } from './server.js';
import type { SimTlsOptions } from './tls.js';

// `npm run kiosk -- city-sim …`: the city simulator in the foreground until `stop` resolves.

export interface CitySimIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const readTls = (dir: string): SimTlsOptions | string => {
  const file = (name: string) => join(dir, name);
  for (const name of ['server.crt', 'server.key']) if (!existsSync(file(name))) return `--tls-dir ${dir}: ${name} is missing`;
  const clientCa = existsSync(file('client-ca.crt')) ? readFileSync(file('client-ca.crt')) : undefined;
  return {
    cert: readFileSync(file('server.crt')),
    key: readFileSync(file('server.key')),
    ...(clientCa ? { ca: clientCa, requestClientCert: true } : {}),
  };
};

export const runCitySimCommand = async (args: readonly string[], io: CitySimIo, stop: Promise<unknown>): Promise<number> => {
  if (args.includes('--help')) {
    io.stdout.write(citySimUsage);
    return 0;
  }
  const parsed = parseCitySimArgs(args);
  if (typeof parsed === 'string') {
    io.stderr.write(`${parsed}\n${citySimUsage}`);
    return 2;
  }
  const tls = parsed.tlsDir === undefined ? undefined : readTls(parsed.tlsDir);
  if (typeof tls === 'string') {
    io.stderr.write(tls + '\n');
    return 2;
  }
  const dataDir = resolve(parsed.dataDir);
  let sim;
  try {
    sim = await startCitySimulator({
      dataDir,
      host: parsed.host,
      port: parsed.port,
      ...(parsed.agency ? { agency: parsed.agency } : {}),
      ...(tls ? { tls } : {}),
      ...(parsed.bearerToken ? { bearerToken: parsed.bearerToken } : {}),
      ...(parsed.statusSchedule ? { statusSchedule: parsed.statusSchedule } : {}),
      faults: parsed.faults,
      log: createLogger({ level: 'warn' }),
    });
  } catch (e) {
    io.stderr.write(`city simulator could not start: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  io.stdout.write(
    `city simulator: ${sim.url}\n` +
      `  data: ${dataDir}${tls ? `\n  TLS${tls.requestClientCert ? ' with client certificates' : ''}` : ''}\n` +
      `  admin: ${sim.origin}/__sim/records · POST ${sim.origin}/__sim/faults\n` +
      'Ctrl-C stops it\n',
  );
  await stop;
  await sim.close();
  return 0;
};
