#!/usr/bin/env node
// Initial renderer JS, gzip: the scripts index.html loads before the attract screen can paint.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot, writeResult } from './lib/results.mjs';

const dist = join(repoRoot, 'dist', 'renderer');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
if (scripts.length === 0) throw new Error('index.html loads no script: build first (npm run build)');
const files = scripts.map((s) => {
  const bytes = readFileSync(join(dist, s.replace(/^\.?\//, '')));
  return { file: s, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const totalKb = files.reduce((a, f) => a + f.gzip, 0) / 1024;
// deterministic: one measurement is the value; runs=1
writeResult('bundle-size', { name: 'initial renderer JS (gzip)', unit: 'KB', target: '<= 200', samples: [totalKb], extra: { files } });
