import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin } from '../../../main/config/pin-hash.js';
import { startCitySimulator, type CitySimulator } from '../../../main/city-sim/server.js';
import { startPrinterSimulator, type PrinterSimulator } from '../../../hardware/simulators/printer-sim/index.js';
import { runKiosk } from '../../../scripts/kiosk-cli.js';
import { TECH_PIN, testSite } from '../../helpers/test-app.js';
import { closedPort } from '../diagnostics/diag-app.js';

// `kiosk doctor` against real simulators on real sockets: a printer that answers DLE EOT from
// its state, a city that answers HTTP. Each failure the brief names fails the run.

const run = async (argv: string[], stop?: Promise<unknown>) => {
  const out: string[] = [];
  const errOut: string[] = [];
  const io = { stdin: Readable.from([]), stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => errOut.push(t) } };
  const code = await runKiosk(argv, io, stop);
  return { code, out: out.join(''), err: errOut.join('') };
};

type SiteJson = { devices: Record<string, unknown>; city: Record<string, unknown> };

let dir: string;
let secrets: string;
let printer: PrinterSimulator;
let city: CitySimulator;

const site = async (mutate: (s: SiteJson) => void, name = 'site.json') => {
  const s = JSON.parse(await readFile(testSite, 'utf8')) as SiteJson;
  mutate(s);
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(s));
  return file;
};
const healthy = (s: SiteJson) => {
  s.devices.printer = { kind: 'simulator', host: '127.0.0.1', port: printer.port };
  s.city = { baseUrl: city.url, auth: { type: 'none' }, simulator: false, connectTimeoutSeconds: 2 };
};
const doctor = (siteFile: string) => run(['doctor', '--site', siteFile, '--data-dir', dir, '--secrets', secrets, '--min-free-mb', '1']);
const lines = (out: string) => out.split('\n').filter(Boolean);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-doctor-'));
  secrets = join(dir, 'secrets.json');
  await writeFile(secrets, JSON.stringify({ pins: { technician: [{ id: 't', hash: await hashPin(TECH_PIN) }], officer: [] } }), { mode: 0o600 });
  printer = await startPrinterSimulator({ port: 0 });
  city = await startCitySimulator({ dataDir: join(dir, 'city'), port: 0 });
});
afterAll(async () => {
  await printer?.close();
  await city?.close();
});

describe('kiosk doctor', () => {
  it('passes when config, devices, city and disk are fine: one ok line per check, exit 0', async () => {
    const r = await doctor(await site(healthy));
    expect(r.code).toBe(0);
    expect(lines(r.out)).toEqual([
      expect.stringMatching(/^ok config: .*site test-fast, kiosk TEST01/),
      expect.stringMatching(/^ok secrets: 1 technician and 0 officer PINs/),
      expect.stringMatching(/^ok printer: online, paper ok \(tcp:\/\/127\.0\.0\.1:\d+\)/),
      'ok scanner: simulator (runs inside the kiosk)',
      'ok idReader: simulator (runs inside the kiosk)',
      expect.stringMatching(/^ok city: answered in \d+ ms/),
      expect.stringMatching(/^ok disk: \d+ MiB free/),
    ]);
  });

  it('fails with the city down, naming it', async () => {
    const port = await closedPort();
    const r = await doctor(await site((s) => {
      healthy(s);
      s.city = { ...s.city, baseUrl: `http://127.0.0.1:${port}/v1` };
    }));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`^FAIL city: CityUnreachable: .*\\(http://127\\.0\\.0\\.1:${port}/v1\\)$`, 'm'));
    expect(lines(r.out).filter((l) => l.startsWith('FAIL'))).toHaveLength(1);
  });

  it('fails with the printer out of paper, as the printer itself reports it', async () => {
    printer.setState({ paper: 'out' });
    try {
      const r = await doctor(await site(healthy));
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/^FAIL printer: userError, paper out — PaperOut: printer is out of paper \(tcp:/m);
      expect(lines(r.out).filter((l) => l.startsWith('FAIL'))).toHaveLength(1);
    } finally {
      printer.setState({ paper: 'ok' });
    }
  });

  it('fails with a bad config, naming the file, the field and the rule', async () => {
    const bad = await site((s) => {
      healthy(s);
      (s as unknown as { kiosk: { id: string } }).kiosk.id = 'not a kiosk id';
    }, 'bad.json');
    const r = await doctor(bad);
    expect(r.code).toBe(1);
    expect(lines(r.out)[0]).toMatch(/^FAIL config: .*bad\.json.*kiosk\.id/);
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{ "schemaVersion": 1,');
    expect((await doctor(broken)).code).toBe(1);
  });

  it('checks the site `kiosk sim` serves: passes beside it, fails once it is stopped', async () => {
    const [p, c] = [await closedPort(), await closedPort()];
    const simSite = await site((s) => {
      s.devices.printer = { kind: 'simulator', host: '127.0.0.1', port: p };
      s.city = { baseUrl: `http://127.0.0.1:${c}/v1`, auth: { type: 'none' }, simulator: true, connectTimeoutSeconds: 2 };
    }, 'sim-site.json');
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const sim = run(['sim', '--site', simSite], stopped);
    const listening = (port: number) =>
      new Promise<boolean>((resolve) => {
        const s = connect({ host: '127.0.0.1', port }, () => (s.destroy(), resolve(true)));
        s.on('error', () => resolve(false));
      });
    await expect.poll(async () => (await listening(p)) && (await listening(c)), { timeout: 10_000 }).toBe(true);

    const beside = await doctor(simSite);
    expect(beside.out).not.toContain('FAIL');
    expect(beside.code).toBe(0);

    stop();
    expect((await sim).code).toBe(0);
    const after = await doctor(simSite);
    expect(after.code).toBe(1);
    expect(after.out).toMatch(/^FAIL printer: /m);
    expect(after.out).toMatch(/^FAIL city: /m);
  });
});
