#!/usr/bin/env node
// Builds what the shells run: the renderer (vite) and the Node entry points (esbuild).
// npm packages stay external: node_modules is there at run time, and native modules must be.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const t0 = Date.now();

await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root };
await esbuild({ ...common, entryPoints: { 'main/start': 'main/start/main.ts' }, outdir: 'dist', format: 'esm', packages: 'external', outExtension: { '.js': '.js' } });
// Electron loads CommonJS; the preload runs sandboxed, so it is bundled whole with only electron outside.
await esbuild({ ...common, entryPoints: { 'electron/main': 'main/electron/main.ts' }, outdir: 'dist', format: 'cjs', packages: 'external', outExtension: { '.js': '.cjs' } });
await esbuild({ ...common, entryPoints: { 'electron/preload': 'main/electron/preload.ts' }, outdir: 'dist', format: 'cjs', external: ['electron'], outExtension: { '.js': '.cjs' } });

mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist', '.build-stamp'), new Date().toISOString() + '\n');
process.stdout.write(`build: done in ${Date.now() - t0} ms\n`);
