import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCitySimArgs } from '../../../main/city-sim/cli-args.js';
import { runCitySimCommand } from '../../../main/city-sim/cli-entry.js';
import { rawRequest } from '../../helpers/city-sim-http.js';
import { kioskGet } from '../../helpers/city-sim-fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const capture = () => {
  let out = '';
  let err = '';
  return { io: { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } }, out: () => out, err: () => err };
};

describe('kiosk city-sim command', () => {
  it('parses ports, faults and schedules, and names what is wrong', () => {
    const args = parseCitySimArgs(['--port', '0', '--data-dir', '/tmp/x', '--fault', 'createDossier=0.3:500,503,reset', '--fault', '*=0.1:hang', '--seed', '7', '--status-schedule', '0:1,2000:2']);
    expect(args).toMatchObject({
      port: 0,
      dataDir: '/tmp/x',
      faults: { seed: 7, routes: { createDossier: { rate: 0.3, kinds: ['500', '503', 'reset'] }, '*': { rate: 0.1, kinds: ['hang'] } } },
      statusSchedule: [{ afterMs: 0, code: 1 }, { afterMs: 2000, code: 2 }],
    });
    expect(parseCitySimArgs(['--fault', 'createDossier=0.3:teapot'])).toMatch(/unknown kind teapot/);
    expect(parseCitySimArgs(['--fault', 'nowhere=0.3:500'])).toMatch(/unknown route nowhere/);
    expect(parseCitySimArgs(['--fault', 'createDossier=3:500'])).toMatch(/between 0 and 1/);
    expect(parseCitySimArgs(['--port'])).toMatch(/needs a value/);
    expect(parseCitySimArgs(['--status-schedule', '0:11'])).toMatch(/code 1–10/);
  });

  it('runs the simulator in the foreground until stopped', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'city-sim-cli-'));
    dirs.push(dataDir);
    const c = capture();
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const exit = runCitySimCommand(['--port', '0', '--data-dir', dataDir, '--fault', 'listProcedures=1:503'], c.io, stopped);
    await expect.poll(() => c.out()).toMatch(/city simulator: http:\/\/127\.0\.0\.1:\d+\/v1/);
    const url = /city simulator: (\S+)/.exec(c.out())?.[1] ?? '';
    expect((await rawRequest(`${url}/procedures`, kioskGet())).status).toBe(503);
    stop();
    expect(await exit).toBe(0);
  });

  it('exits 2 with the usage on bad arguments', async () => {
    const c = capture();
    expect(await runCitySimCommand(['--bogus', 'x'], c.io, Promise.resolve())).toBe(2);
    expect(c.err()).toMatch(/unknown option --bogus[\s\S]*usage: npm run kiosk -- city-sim/);
  });
});
