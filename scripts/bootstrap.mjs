#!/usr/bin/env node
// `npm start`, `npm test` and `npm run kiosk` begin here. Dependency-free on purpose: on a
// fresh clone nothing from node_modules exists yet. It installs what is missing (Debian
// packages when root, node modules), rebuilds when sources changed, then hands over.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESTART_EXIT_CODE, supervise } from './supervise.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [command = 'start', ...rest] = process.argv.slice(2);
const say = (line) => process.stdout.write(`bootstrap: ${line}\n`);
const fail = (line, code = 1) => {
  process.stderr.write(`bootstrap: ${line}\n`);
  process.exit(code);
};

// Debian packages each command needs. Tests need the real peers named in HARDWARE-NOTES.md.
const aptFor = {
  start: ['chromium', 'fonts-dejavu-core', 'fonts-liberation2'],
  test: ['chromium', 'fonts-dejavu-core', 'fonts-liberation2', 'socat', 'sane-utils', 'espeak-ng', 'poppler-utils', 'openssl'],
  kiosk: [],
  build: [],
};

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) fail(`Node ${process.versions.node} is too old: Node 20.19 or newer is needed`);
if (!(command in aptFor)) fail(`unknown command ${command}; use start, test, kiosk or build`, 2);

const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });

const missingApt = (pkgs) =>
  pkgs.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });

const ensureApt = () => {
  const wanted = aptFor[command];
  if (wanted.length === 0) return;
  if (!existsSync('/etc/debian_version')) {
    say(`not Debian: make sure these are installed yourself: ${wanted.join(' ')}`);
    return;
  }
  const missing = missingApt(wanted);
  if (missing.length === 0) return;
  const line = `apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) fail(`missing Debian packages. Run as root:\n  apt-get update && ${line}\nthen run this command again.`);
  say(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update'], { env }).status !== 0) fail('apt-get update failed');
  if (run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env }).status !== 0) fail(`${line} failed`);
};

const mtime = (p) => {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return 0;
  }
};

const ensureNodeModules = () => {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && mtime(marker) >= mtime(join(root, 'package-lock.json'))) return;
  say('installing node modules (npm ci)');
  // Electron's binary cannot be downloaded here; its install script is denied in package.json too.
  const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
  if (run('npm', ['ci', '--no-audit', '--no-fund'], { env }).status !== 0) fail('npm ci failed');
};

const newestUnder = (dir) => {
  let newest = 0;
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else newest = Math.max(newest, mtime(p));
    }
  };
  if (existsSync(dir)) walk(dir);
  return newest;
};

const ensureBuild = () => {
  const stamp = mtime(join(root, 'dist', '.build-stamp'));
  const sources = ['common', 'main', 'renderer', 'hardware', 'scripts'].map((d) => newestUnder(join(root, d)));
  const files = ['vite.config.ts', 'package-lock.json', 'scripts/build.mjs', 'kiosk-config/audio/prompts.json'].map((f) => mtime(join(root, f)));
  if (stamp && Math.max(...sources, ...files) <= stamp) return;
  say('building');
  if (run(process.execPath, [join(root, 'scripts', 'build.mjs')]).status !== 0) fail('build failed');
};

ensureApt();
ensureNodeModules();
ensureBuild();

const next = {
  start: [join(root, 'dist', 'main', 'start.js'), ...rest],
  test: [join(root, 'scripts', 'run-tests.mjs'), ...rest],
  kiosk: [join(root, 'dist', 'scripts', 'kiosk.js'), ...rest],
  build: null,
}[command];
if (!next) process.exit(0);
let child = null;
// Ctrl-C reaches the child through the terminal's process group; we wait for its clean
// shutdown instead of dying first and leaving it printing behind the prompt.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child?.kill('SIGTERM'));
const launch = () => spawn(process.execPath, next, { stdio: 'inherit', cwd: root });
// only the kiosk is started again when it asks to be (diagnostics → restart)
const restartCode = command === 'start' ? RESTART_EXIT_CODE : null;
supervise(launch, { restartCode, say, onChild: (c) => (child = c) }).then((code) => process.exit(code));
