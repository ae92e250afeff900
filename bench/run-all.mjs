#!/usr/bin/env node
// Runs every benchmark in turn; each writes its own bench/results/*.json.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { benchRoot } from './lib/results.mjs';

let failed = 0;
for (const b of ['bundle-size.mjs', 'cold-start.mjs']) {
  const r = spawnSync(process.execPath, [join(benchRoot, b)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
