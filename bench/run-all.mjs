#!/usr/bin/env node
// Runs every benchmark in turn; each writes its own bench/results/*.json.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { benchRoot } from './lib/results.mjs';

let failed = 0;
// each writes bench/results/<name>.json; run `npm run build` first (cold start, bundle size, tap latency and soak use dist/)
// tap-latency (~3 × 2 min) and soak (~15 min) drive the built kiosk in Chromium
const all = ['bundle-size.mjs', 'cold-start.mjs', 'receipt.mjs', 'scan-pdf.mjs', 'enqueue.mjs', 'drain.mjs', 'tap-latency.mjs', 'soak.mjs'];
const only = process.argv.slice(2);
for (const b of all.filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))) {
  const r = spawnSync(process.execPath, [join(benchRoot, b)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
