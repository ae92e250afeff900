import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RESTART_EXIT_CODE as asked } from '../../../main/diagnostics/shell-control.js';
import { RESTART_EXIT_CODE, supervise } from '../../../scripts/supervise.mjs';

// Real child processes: each run appends a line to a file and exits with the next code of a script.
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'supervise-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const childExiting = (codes: number[]) => {
  const log = join(dir, 'runs');
  const script = `const fs = require('node:fs'); let n = 0; try { n = fs.readFileSync(${JSON.stringify(log)}, 'utf8').split('\\n').length - 1; } catch {} fs.appendFileSync(${JSON.stringify(log)}, 'run\\n'); process.exit(${JSON.stringify(codes)}[n] ?? 0);`;
  return { start: () => spawn(process.execPath, ['-e', script], { stdio: 'ignore' }), runs: async () => (await readFile(log, 'utf8')).split('\n').length - 1 };
};

describe('npm start supervision', () => {
  it('uses the exit code diagnostics ends the core with', () => {
    expect(RESTART_EXIT_CODE).toBe(asked);
  });

  it('starts the kiosk again each time it asks for a restart, and ends with the code that ended it', async () => {
    const child = childExiting([75, 75, 0]);
    const said: string[] = [];
    const children: unknown[] = [];
    expect(await supervise(child.start, { say: (l) => said.push(l), onChild: (c) => children.push(c) })).toBe(0);
    expect(await child.runs()).toBe(3);
    expect(children).toHaveLength(3);
    expect(said).toHaveLength(2);
  });

  it('a crash or a refused config is not restarted: its code ends npm start', async () => {
    const child = childExiting([1, 0]);
    expect(await supervise(child.start)).toBe(1);
    expect(await child.runs()).toBe(1);
  });

  it('without a restart code (npm test, npm run kiosk) a 75 is only an exit code', async () => {
    const child = childExiting([75, 0]);
    expect(await supervise(child.start, { restartCode: null })).toBe(75);
    expect(await child.runs()).toBe(1);
  });
});
