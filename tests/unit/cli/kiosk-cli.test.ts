import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runKiosk } from '../../../scripts/kiosk-cli.js';
import { testSite } from '../../helpers/test-app.js';

const run = async (argv: string[], stop?: Promise<unknown>) => {
  const out: string[] = [];
  const errOut: string[] = [];
  const io = { stdin: Readable.from([]), stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => errOut.push(t) } };
  const code = await runKiosk(argv, io, stop);
  return { code, out: out.join(''), err: errOut.join('') };
};

/** A port nothing listens on: bind, note it, close. */
const closedPort = async () => {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
};

// a site file as JSON, loosely typed on purpose: the tests write shapes the schema checks
type SiteJson = { devices: Record<string, unknown>; timeouts: Record<string, unknown> };
const siteWith = async (mutate: (site: SiteJson) => void) => {
  const dir = await mkdtemp(join(tmpdir(), 'kiosk-cli-site-'));
  const site = JSON.parse(await readFile(testSite, 'utf8')) as SiteJson;
  mutate(site);
  const file = join(dir, 'site.json');
  await writeFile(file, JSON.stringify(site));
  return file;
};

describe('npm run kiosk -- …', () => {
  it('devices: one ok line per simulated device, exit 0', async () => {
    const r = await run(['devices', '--site', testSite]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^ok +printer +online \(paper ok\) \[simulator\]/),
      expect.stringMatching(/^ok +scanner +online \[simulator\]/),
      expect.stringMatching(/^ok +idReader +online \[simulator\]/),
    ]);
  });

  it('devices: a real printer nobody answers for fails the run, naming it', async () => {
    const port = await closedPort();
    const site = await siteWith((s) => {
      s.devices.printer = { kind: 'escpos', transport: { type: 'tcp', host: '127.0.0.1', port } };
    });
    const r = await run(['devices', '--site', site]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^FAIL printer +(offline|noDevice|hardwareError) \[real\]/m);
  });

  it('print-test: prints the Vietnamese test receipt on the simulator and saves its rendering', async () => {
    const r = await run(['print-test', '--site', testSite]);
    expect(r.code).toBe(0);
    const png = r.out.match(/rendered it: (\S+)/)?.[1];
    expect(png && existsSync(png)).toBe(true);
    const text = await readFile(join(png as string, '..', 'receipt.txt'), 'utf8').catch(() => '');
    expect(text.length).toBeGreaterThan(0);
  });

  it('print-test: a site without a printer says so and fails', async () => {
    const site = await siteWith((s) => {
      s.devices.printer = { kind: 'none' };
    });
    const r = await run(['print-test', '--site', site]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no receipt printer');
  });

  it('sim: serves the printer simulator on the site address until stopped', async () => {
    const port = await closedPort();
    const site = await siteWith((s) => {
      s.devices.printer = { kind: 'simulator', host: '127.0.0.1', port };
    });
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const running = run(['sim', '--site', site], stopped);
    // the simulator answers a TCP connection on the address the site names
    const { connect } = await import('node:net');
    await expect.poll(() => new Promise((resolve) => {
      const s = connect(port, '127.0.0.1', () => { s.destroy(); resolve(true); });
      s.on('error', () => resolve(false));
    })).toBe(true);
    stop();
    const r = await running;
    expect(r.code).toBe(0);
    expect(r.out).toContain(`printer simulator: tcp://127.0.0.1:${port}`);
  });

  it('config check: ok for a good file, the file/field/rule for a bad one', async () => {
    expect((await run(['config', 'check', testSite])).code).toBe(0);
    const bad = await siteWith((s) => {
      s.timeouts.idleSeconds = 5;
    });
    const r = await run(['config', 'check', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bad}: timeouts.idleSeconds: must be at least 15 seconds`);
  });

  it('an unknown command prints the usage and exits 2', async () => {
    const r = await run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage: npm run kiosk');
  });
});
