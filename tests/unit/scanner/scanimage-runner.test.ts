import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScanimage, runScanimage } from '../../../hardware/scanner/scanimage-runner.js';
import { groupGone, hasScanimage, makeSaneFixture, processGone } from './sane-fixture.js';
import type { SaneFixture } from './sane-fixture.js';

let fx: SaneFixture;
beforeAll(() => {
  fx = makeSaneFixture();
});
afterAll(() => fx.cleanup());

// ignores SIGTERM and leaves a grandchild that ignores it too: only SIGKILL to the group ends them
const stubborn = (): string =>
  fx.script('hang', `trap '' TERM\nsleep 600 &\necho "grandchild $!"\nwait`);

describe('scanimage runner', () => {
  it('kills a hung run and its grandchildren at the deadline, and ends only once the group is gone', async () => {
    let grandchild = 0;
    const started = Date.now();
    const run = startScanimage({
      binary: stubborn(),
      args: [],
      timeoutMs: 500,
      killGraceMs: 200,
      onStdoutLine: (l) => {
        const m = /^grandchild (\d+)$/.exec(l);
        if (m) grandchild = Number(m[1]);
      },
    });
    const o = await run.done;
    expect(o.end).toBe('timeout');
    expect(o.exitSignal).toBe('SIGKILL'); // SIGTERM was ignored: the grace ran out
    expect(Date.now() - started).toBeLessThan(500 + 200 + 5000);
    expect(grandchild).toBeGreaterThan(0);
    expect(o.groupGone).toBe(true);
    expect(groupGone(o.pid ?? 0)).toBe(true);
    expect(processGone(grandchild)).toBe(true);
  });

  it('cancel (AbortSignal) kills the group the same way', async () => {
    const ac = new AbortController();
    const run = startScanimage({ binary: stubborn(), args: [], timeoutMs: 60_000, killGraceMs: 100, signal: ac.signal, onStdoutLine: () => ac.abort() });
    const o = await run.done;
    expect(o.end).toBe('cancelled');
    expect(groupGone(o.pid ?? 0)).toBe(true);
  });

  it('a page restarts the clock (extendDeadline): a slow but alive scanner is not killed', async () => {
    // prints a line every 150 ms for 600 ms in all, under a 400 ms deadline that each line extends
    const script = fx.script('ticks', 'for i in 1 2 3 4; do sleep 0.15; echo tick; done');
    let ticks = 0;
    const run = startScanimage({ binary: script, args: [], timeoutMs: 400, onStdoutLine: () => {
      ticks++;
      run.extendDeadline();
    } });
    const o = await run.done;
    expect(o.end).toBe('exited');
    expect(ticks).toBe(4);
  });

  it('passes SANE_CONFIG_DIR and forces English SANE messages', async () => {
    const o = await runScanimage({ binary: fx.script('env', 'echo "$SANE_CONFIG_DIR|$LC_ALL"'), args: [], timeoutMs: 5000, saneConfigDir: '/x/sane.d' });
    expect(o.stdout.trim()).toBe('/x/sane.d|C');
  });

  it('reports a missing binary as a spawn error, not a hang', async () => {
    const o = await runScanimage({ binary: join(fx.root, 'no-such-scanimage'), args: [], timeoutMs: 5000 });
    expect(o.end).toBe('spawnError');
    expect(o.spawnError).toMatch(/ENOENT/);
  });

  it.skipIf(!hasScanimage)('runs the real scanimage -L against the test backend', async () => {
    const o = await runScanimage({ args: ['-L'], timeoutMs: 10_000, saneConfigDir: fx.saneConfigDir });
    expect(o.end).toBe('exited');
    expect(o.exitCode).toBe(0);
    expect(o.stdout).toContain("device `test:0'");
  });
});
