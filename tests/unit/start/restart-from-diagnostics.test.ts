import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { supervise } from '../../../scripts/supervise.mjs';
import { e2ePins, repoDir } from '../../e2e/e2e-env.js';
import { waitForUrls, writeSecrets } from '../../e2e/kiosk-host.js';
import { connectCoreProbe, type CoreProbe } from '../../helpers/kiosk-core-client.js';

// The real thing: the built browser host under `npm start`'s supervision. A technician asks
// diagnostics for a restart; the core ends with 75 and a new one comes up, on a new token.

const entry = join(repoDir, 'dist/main/start.js');
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

it('diagnostics → restart: the core ends with 75 and npm start brings the kiosk back', { timeout: 60_000 }, async () => {
  if (!existsSync(entry)) throw new Error('dist/ is not built: run `node scripts/build.mjs` first (npm test builds before the unit tests)');
  const dataDir = await mkdtemp(join(tmpdir(), 'kiosk-restart-'));
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
  const secretsPath = join(dataDir, 'secrets.json');
  await writeSecrets(secretsPath);

  const started: ((child: ChildProcess) => void)[] = [];
  const nextChild = () => new Promise<ChildProcess>((resolve) => started.push(resolve));
  const children: ChildProcess[] = [];
  const first = nextChild();
  const ended = supervise(
    () =>
      spawn(process.execPath, [entry, '--shell=browser-host', '--no-browser', '--site=kiosk-config/sites/test-fast.json', `--data-dir=${dataDir}`, `--secrets=${secretsPath}`, '--port=0'], {
        cwd: repoDir,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1' },
      }),
    {
      onChild: (child) => {
        children.push(child);
        started.shift()?.(child);
      },
    },
  );
  cleanup.push(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
  const connect = async (child: ChildProcess): Promise<{ url: string; probe: CoreProbe }> => {
    const { url } = await waitForUrls(child, 'the restart test host');
    const u = new URL(url);
    const probe = await connectCoreProbe(u.origin, new URLSearchParams(u.hash.slice(1)).get('token') ?? '');
    cleanup.push(() => probe.close());
    return { url, probe };
  };

  const one = await connect(await first);
  expect(await one.probe.call('auth.unlock', { role: 'technician', pin: e2ePins.technician })).toMatchObject({ ok: true });
  const second = nextChild();
  expect(await one.probe.call('diag.restart', {})).toMatchObject({ ok: true, value: { exitCode: 75 } });
  const two = await connect(await second);
  expect(children[0]!.exitCode).toBe(75);
  expect(two.url).not.toBe(one.url);
  // the new core answers, and starts locked: the restart did not carry the technician's unlock over
  expect(await two.probe.call('diag.restart', {})).toMatchObject({ ok: false });

  children[1]!.kill('SIGTERM');
  expect(await ended).toBe(0);
});
