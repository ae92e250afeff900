#!/usr/bin/env node
// Every check `npm test` runs, in order, each step's output shown as it goes. Ends with one
// line `N passed, N failed` (unit + end-to-end tests), and a non-zero exit if any step failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
// not test-results/: Playwright empties its outputDir when it starts
const out = join(root, 'tests', 'artifacts', 'reports');
mkdirSync(out, { recursive: true });

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (step) => !only || only.includes(step);

const vitestJson = join(out, 'vitest.json');
const playwrightJson = join(out, 'playwright.json');
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

const steps = [
  { name: 'typecheck', cmd: bin('tsc'), args: ['-p', 'tsconfig.json', '--noEmit'] },
  { name: 'lint', cmd: bin('eslint'), args: ['--max-warnings=0', '.'] },
  { name: 'unit', cmd: bin('vitest'), args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`] },
  { name: 'e2e', cmd: bin('playwright'), args: ['test', '--reporter=list,json'], env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson } },
];

const failedSteps = [];
for (const step of steps.filter((s) => wanted(s.name))) {
  process.stdout.write(`\n=== ${step.name} ===\n`);
  const t0 = Date.now();
  const r = spawnSync(step.cmd, step.args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...step.env } });
  process.stdout.write(`=== ${step.name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s ===\n`);
  if (r.status !== 0) failedSteps.push(step.name);
}

const readJson = (p) => (existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : null);
let passed = 0;
let failed = 0;
const v = readJson(vitestJson);
if (v) {
  passed += v.numPassedTests ?? 0;
  failed += (v.numFailedTests ?? 0) + (v.numFailedTestSuites ?? 0);
}
const p = readJson(playwrightJson);
if (p?.stats) {
  passed += (p.stats.expected ?? 0) + (p.stats.flaky ?? 0);
  failed += p.stats.unexpected ?? 0;
}
// a step that failed without reporting a failing test (tsc, eslint, a crash) still counts
const unreported = failedSteps.filter((s) => (s === 'unit' ? !v || (v.numFailedTests ?? 0) === 0 : s === 'e2e' ? !p || (p.stats?.unexpected ?? 0) === 0 : true));
failed += unreported.length;

process.stdout.write(`\n${failedSteps.length ? `failed steps: ${failedSteps.join(', ')}` : 'all steps ok'}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failedSteps.length ? 1 : 0);
