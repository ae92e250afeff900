import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCitySimulator, type CitySimulator } from '../../../main/city-sim/server.js';
import { runKiosk } from '../../../scripts/kiosk-cli.js';
import { testSite } from '../../helpers/test-app.js';

const run = async (argv: string[]) => {
  const out: string[] = [];
  const errOut: string[] = [];
  const io = { stdin: Readable.from([]), stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => errOut.push(t) } };
  const code = await runKiosk(argv, io);
  return { code, out: out.join(''), err: errOut.join('') };
};

let city: CitySimulator;
beforeAll(async () => {
  city = await startCitySimulator({ dataDir: await mkdtemp(join(tmpdir(), 'kiosk-load-city-')) });
});
afterAll(async () => {
  await city?.close();
});

describe('kiosk load', () => {
  it('submits N synthetic dossiers through the KioskApi, prints their codes and waits until the city has them all', async () => {
    const r = await run(['load', '--dossiers', '4', '--pages', '2', '--city', city.url, '--site', testSite, '--wait', '--timeout', '60']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const codes: string[] = r.out.match(/^TEST01-\d{6}-\d{4}$/gm) ?? [];
    expect(codes).toHaveLength(4);
    expect(r.out).toContain('load: delivered 4, waiting 0, dead 0');
    const recorded = (await city.records()).dossiers.filter((d) => codes.includes(d.localCode));
    expect(recorded.map((d) => d.createCount)).toEqual([1, 1, 1, 1]);
    expect(recorded.every((d) => d.officialCode && d.attachments.every((a) => a.complete))).toBe(true);
  });

  it('exits non-zero when the city never answers within --timeout', async () => {
    const srv = createServer();
    await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok));
    const { port } = srv.address() as { port: number };
    await new Promise((ok) => srv.close(ok));
    const r = await run(['load', '--dossiers', '1', '--pages', '1', '--city', `http://127.0.0.1:${port}/v1`, '--site', testSite, '--wait', '--timeout', '2']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('load: delivered 0, waiting 1');
  });

  it.each([[['load']], [['load', '--dossiers', '0']], [['load', '--dossiers', '2', '--city', 'http://127.0.0.1:1/api']]])('refuses %j with the usage', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--dossiers|--city/);
  });
});
