// Shared by every benchmark: robust statistics and the result file format the issues name.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = join(benchRoot, '..');

export const quantile = (values, q) => {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
};
export const median = (v) => quantile(v, 0.5);
export const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Writes bench/results/<file>.json: {name, value, unit, target, runs, median, p95, at, ...extra}. */
export const writeResult = (file, { name, unit, target, samples, value, extra = {} }) => {
  const result = {
    name,
    value: round(value ?? median(samples)),
    unit,
    target,
    runs: samples.length,
    median: round(median(samples)),
    p95: round(quantile(samples, 0.95)),
    at: new Date().toISOString(),
    samples: samples.map((s) => round(s)),
    ...extra,
  };
  const path = join(benchRoot, 'results', `${file}.json`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(`${name}: median ${result.median} ${unit}, p95 ${result.p95} ${unit} (target ${target}) → ${path}\n`);
  return result;
};
