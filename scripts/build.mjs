#!/usr/bin/env node
// Builds what the shells run: the renderer (vite) and the Node entry points (esbuild).
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { buildAudio } from './build-audio.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const t0 = Date.now();

await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
// voice guidance clips into dist/renderer/audio (after vite, which empties dist/renderer); a
// machine without espeak-ng still builds a working kiosk, without the audio toggle, and says so
await buildAudio({ outDir: join(root, 'dist', 'renderer', 'audio'), allowMissingEspeak: true });

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root };
// Pure-JS packages are bundled in: resolving zod's and ws's many files cost ~200 ms of cold
// start. Native modules, and packages that find files beside themselves, stay outside.
const nodeExternal = ['sqlite3', 'serialport', '@serialport/*', 'usb', 'node-thermal-printer', 'bufferutil', 'utf-8-validate', 'electron'];
// bundled CommonJS (ws) calls require() for builtins; give the ESM bundle a real one
const requireShim = "import { createRequire as __kioskCreateRequire } from 'node:module'; const require = __kioskCreateRequire(import.meta.url);";
await esbuild({ ...common, entryPoints: { 'main/start': 'main/start/main.ts', 'scripts/kiosk': 'scripts/kiosk.ts' }, outdir: 'dist', format: 'esm', external: nodeExternal, banner: { js: requireShim } });
// Electron loads CommonJS; the preload runs sandboxed, so it is bundled whole with only electron outside.
// import.meta is read only where __filename is absent (see receipt-font.ts), so its emptiness here is fine
await esbuild({ ...common, entryPoints: { 'electron/main': 'main/electron/main.ts' }, outdir: 'dist', format: 'cjs', packages: 'external', outExtension: { '.js': '.cjs' }, logOverride: { 'empty-import-meta': 'silent' } });
await esbuild({ ...common, entryPoints: { 'electron/preload': 'main/electron/preload.ts' }, outdir: 'dist', format: 'cjs', external: ['electron'], outExtension: { '.js': '.cjs' } });

mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist', '.build-stamp'), new Date().toISOString() + '\n');
process.stdout.write(`build: done in ${Date.now() - t0} ms\n`);
