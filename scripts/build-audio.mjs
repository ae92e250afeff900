#!/usr/bin/env node
// Pre-renders the Vietnamese voice guidance (one clip per journey screen) with espeak-ng at
// build time, so the kiosk needs no speech engine at run time and every kiosk sounds the same.
// Plain Node ESM without dependencies: scripts/build.mjs imports it, and it runs alone as
//   node scripts/build-audio.mjs [--prompts FILE] [--out DIR] [--cache DIR] [--espeak CMD] [--allow-missing-espeak]
// Writes DIR/<id>.wav and DIR/manifest.json (the ids the renderer may play). Clips whose text
// is unchanged are copied from a cache keyed by a hash of text + voice settings.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const defaults = {
  promptsFile: join(root, 'kiosk-config', 'audio', 'prompts.json'),
  outDir: join(root, 'dist', 'renderer', 'audio'),
  // outside dist/renderer, which vite empties on every build; npm ci clears it, which only costs a re-render
  cacheDir: join(root, 'node_modules', '.cache', 'kiosk-audio'),
  espeak: 'espeak-ng',
};

/** espeak-ng's northern Vietnamese voice at 150 words a minute: slow enough for older residents. */
export const voice = 'vi';
export const speed = 150;
// bump when the way a clip is made changes, so every cached clip is made again
const pipeline = 'espeak-ng-wav-1';

// the ids are the screens' data-screen names (`home`, `submit.identify`); they become file names
const idPattern = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/;

/** The prompts file as [id, text] pairs; throws one message listing every problem. */
export function parsePrompts(json, file = 'prompts.json') {
  const problems = [];
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new Error(`${file}: must be an object {"<screen id>": "<Vietnamese text>"}`);
  const entries = Object.entries(json);
  if (entries.length === 0) problems.push('has no prompt');
  for (const [id, text] of entries) {
    if (!idPattern.test(id)) problems.push(`${id}: the id must look like a data-screen name (home, submit.identify)`);
    if (typeof text !== 'string' || text.trim() === '') problems.push(`${id}: must be a non-empty string`);
    // espeak-ng would take a leading dash for an option
    else if (text.trimStart().startsWith('-')) problems.push(`${id}: must not start with "-"`);
    else if (text !== text.normalize('NFC')) problems.push(`${id}: is not in Unicode NFC (tone marks must be precomposed); normalise the file`);
  }
  if (problems.length > 0) throw new Error(problems.map((p) => `${file}: ${p}`).join('\n'));
  return entries;
}

export const promptHash = (text) => createHash('sha256').update(JSON.stringify({ pipeline, voice, speed, text })).digest('hex');

/** The facts of a PCM WAV file; throws when it is not one (or holds no sound). */
export function readWavInfo(buf) {
  if (buf.length < 44 || buf.toString('latin1', 0, 4) !== 'RIFF' || buf.toString('latin1', 8, 12) !== 'WAVE') throw new Error('not a RIFF/WAVE file');
  let fmt = null;
  let offset = 12;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('latin1', offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      fmt = {
        audioFormat: buf.readUInt16LE(body),
        channels: buf.readUInt16LE(body + 2),
        sampleRate: buf.readUInt32LE(body + 4),
        byteRate: buf.readUInt32LE(body + 8),
        bitsPerSample: buf.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!fmt) throw new Error('data chunk before fmt chunk');
      if (fmt.audioFormat !== 1) throw new Error(`not PCM (format ${fmt.audioFormat})`);
      if (body + size > buf.length) throw new Error(`data chunk says ${size} bytes, file has ${buf.length - body}`);
      if (size === 0) throw new Error('no samples');
      return { ...fmt, dataBytes: size, durationMs: Math.round((size / fmt.byteRate) * 1000) };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('no data chunk');
}

/** `espeak-ng --version`'s first line, or null when the command is not there. */
export function espeakVersion(espeak = defaults.espeak) {
  const r = spawnSync(espeak, ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  return r.stdout.split('\n')[0].trim();
}

const missingEspeakMessage = (espeak) =>
  `espeak-ng was not found (tried "${espeak}"). The voice guidance is pre-rendered with it at build time: ` +
  'install it (Debian: apt-get install -y espeak-ng; scripts/bootstrap.mjs and .ci/run do so for tests).';

const synthesize = (espeak, text, outFile) =>
  new Promise((done, fail) => {
    // no shell: the text is one argument, whatever it holds
    const child = spawn(espeak, ['-v', voice, '-s', String(speed), '-w', outFile, text], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`espeak-ng exited with ${code}: ${stderr.trim()}`))));
  });

const isValidWav = async (file) => {
  try {
    return readWavInfo(await readFile(file));
  } catch {
    return null;
  }
};

/** Runs `work` over `items` with at most `limit` at once. */
const pool = async (items, limit, work) => {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
};

/**
 * Builds every clip into `outDir` and writes `outDir/manifest.json`. Without espeak-ng it
 * fails, unless `allowMissingEspeak`: then the clips not in the cache are left out (the
 * renderer hides the audio toggle when the manifest lists none) and a warning says so.
 */
export async function buildAudio(options = {}) {
  const { promptsFile, outDir, cacheDir, espeak, allowMissingEspeak = false, log = (line) => process.stdout.write(`build-audio: ${line}\n`) } = {
    ...defaults,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  };
  const t0 = Date.now();
  const prompts = parsePrompts(JSON.parse(await readFile(promptsFile, 'utf8')), promptsFile);
  await mkdir(outDir, { recursive: true });
  await mkdir(cacheDir, { recursive: true });

  const wanted = prompts.map(([id, text]) => ({ id, text, hash: promptHash(text) }));
  const cachedFile = (hash) => join(cacheDir, `${hash}.wav`);
  const toMake = [];
  for (const clip of wanted) if (!(await isValidWav(cachedFile(clip.hash)))) toMake.push(clip);

  // recorded in the manifest; a build from the cache alone needs no espeak-ng
  const engine = espeakVersion(espeak);
  const skipped = [];
  if (toMake.length > 0 && engine === null) {
    if (!allowMissingEspeak) throw new Error(missingEspeakMessage(espeak));
    log(`WARNING: ${missingEspeakMessage(espeak)} Building without ${toMake.length} of ${wanted.length} clips; the kiosk hides the audio toggle when none is there.`);
    skipped.push(...toMake.map((c) => c.id));
  } else {
    await pool(toMake, Math.max(1, Math.min(4, availableParallelism())), async (clip) => {
      const tmp = join(cacheDir, `${clip.hash}.${process.pid}.tmp.wav`);
      try {
        await synthesize(espeak, clip.text, tmp);
        readWavInfo(await readFile(tmp));
      } catch (error) {
        await rm(tmp, { force: true });
        throw new Error(`${clip.id}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      // rename is atomic: a half-written file never looks like a cached clip
      await rename(tmp, cachedFile(clip.hash));
    });
  }

  const clips = {};
  let totalBytes = 0;
  let totalMs = 0;
  for (const clip of wanted) {
    if (skipped.includes(clip.id)) continue;
    const file = `${clip.id}.wav`;
    await copyFile(cachedFile(clip.hash), join(outDir, file));
    const wav = await readFile(join(outDir, file));
    const info = readWavInfo(wav);
    const bytes = wav.length;
    clips[clip.id] = { file, hash: clip.hash, bytes, durationMs: info.durationMs, sampleRate: info.sampleRate, channels: info.channels };
    totalBytes += bytes;
    totalMs += info.durationMs;
  }

  // leftovers: clips of prompts since removed, cache entries of texts since changed
  const keep = new Set(Object.values(clips).map((c) => c.file));
  for (const name of await readdir(outDir)) if (name.endsWith('.wav') && !keep.has(name)) await rm(join(outDir, name), { force: true });
  const hashes = new Set(wanted.map((c) => `${c.hash}.wav`));
  // (a `.tmp.wav` may be another build's clip in the making)
  for (const name of await readdir(cacheDir)) if (name.endsWith('.wav') && !name.endsWith('.tmp.wav') && !hashes.has(name)) await rm(join(cacheDir, name), { force: true });

  const manifest = { voice, speed, engine, clips };
  await writeFile(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  const made = toMake.length - skipped.length;
  log(
    `${Object.keys(clips).length} clips (${made} rendered, ${wanted.length - toMake.length} cached${skipped.length ? `, ${skipped.length} missing` : ''}), ` +
      `${(totalBytes / 1024).toFixed(0)} KiB, ${(totalMs / 1000).toFixed(1)} s of speech, in ${Date.now() - t0} ms`,
  );
  return { manifest, rendered: made, cached: wanted.length - toMake.length, skipped, totalBytes, totalMs };
}

const parseArgs = (argv) => {
  const opts = {};
  const flags = { '--prompts': 'promptsFile', '--out': 'outDir', '--cache': 'cacheDir', '--espeak': 'espeak' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--allow-missing-espeak') opts.allowMissingEspeak = true;
    else if (arg in flags && i + 1 < argv.length) opts[flags[arg]] = arg === '--espeak' ? argv[++i] : resolve(argv[++i]);
    else throw new Error(`unknown argument ${arg}; use --prompts FILE --out DIR --cache DIR --espeak CMD --allow-missing-espeak`);
  }
  return opts;
};

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    await buildAudio(parseArgs(process.argv.slice(2)));
  } catch (error) {
    process.stderr.write(`build-audio: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
