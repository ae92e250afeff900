import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAudioManifest } from '../../../renderer/audio/audio-manifest.js';

// Runs the real build step (scripts/build-audio.mjs) with the real espeak-ng into a temp dir.

const repo = resolve(import.meta.dirname, '../../..');
const script = join(repo, 'scripts/build-audio.mjs');
const work = mkdtempSync(join(tmpdir(), 'kiosk-audio-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const espeakFound = spawnSync('espeak-ng', ['--version']).status === 0;
const needsEspeak = () =>
  expect(espeakFound, 'espeak-ng is not installed: apt-get install -y espeak-ng (scripts/bootstrap.mjs test and .ci/run install it)').toBe(true);

const buildAudio = (args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

/** Read by hand here rather than with the script's own reader, so a bug there cannot hide. */
const wavFacts = (buf: Buffer) => {
  expect(buf.toString('latin1', 0, 4)).toBe('RIFF');
  expect(buf.readUInt32LE(4)).toBe(buf.length - 8);
  expect(buf.toString('latin1', 8, 16)).toBe('WAVEfmt ');
  const fmtSize = buf.readUInt32LE(16);
  const dataAt = 20 + fmtSize;
  expect(buf.toString('latin1', dataAt, dataAt + 4)).toBe('data');
  const dataBytes = buf.readUInt32LE(dataAt + 4);
  expect(dataAt + 8 + dataBytes).toBe(buf.length);
  let peak = 0;
  for (let i = dataAt + 8; i + 1 < buf.length; i += 2) peak = Math.max(peak, Math.abs(buf.readInt16LE(i)));
  return {
    format: buf.readUInt16LE(20),
    channels: buf.readUInt16LE(22),
    sampleRate: buf.readUInt32LE(24),
    bits: buf.readUInt16LE(34),
    seconds: dataBytes / buf.readUInt32LE(28),
    peak,
  };
};

describe('scripts/build-audio.mjs', () => {
  const prompts = join(work, 'prompts.json');
  const out = join(work, 'out');
  const cache = join(work, 'cache');

  it('renders each prompt to a Vietnamese WAV clip and lists it in the manifest', () => {
    needsEspeak();
    writeFileSync(prompts, JSON.stringify({ home: 'Xin chào. Bạn cần làm gì?', 'track.code': 'Hãy nhập mã hồ sơ.' }));
    const r = buildAudio(['--prompts', prompts, '--out', out, '--cache', cache]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/2 clips \(2 rendered, 0 cached\)/);

    expect(readdirSync(out).sort()).toEqual(['home.wav', 'manifest.json', 'track.code.wav']);
    for (const file of ['home.wav', 'track.code.wav']) {
      const wav = wavFacts(readFileSync(join(out, file)));
      expect(wav, file).toMatchObject({ format: 1, channels: 1, sampleRate: 22050, bits: 16 });
      expect(wav.seconds, file).toBeGreaterThan(0.5);
      expect(wav.peak, `${file} is silent`).toBeGreaterThan(1000);
    }
    const manifest: unknown = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    // what the renderer will read from it
    expect(Object.fromEntries(parseAudioManifest(manifest))).toEqual({ home: 'home.wav', 'track.code': 'track.code.wav' });
    expect(manifest).toMatchObject({ voice: 'vi', speed: 150, clips: { home: { bytes: statSync(join(out, 'home.wav')).size } } });
  });

  it('renders again only the prompts whose text changed, and drops removed ones', () => {
    needsEspeak();
    const cached = readdirSync(cache);
    const before = Object.fromEntries(cached.map((f) => [f, statSync(join(cache, f)).mtimeMs]));
    writeFileSync(prompts, JSON.stringify({ home: 'Xin chào. Bạn cần làm gì?', 'rate.code': 'Hãy nhập mã hồ sơ bạn muốn đánh giá.' }));
    const r = buildAudio(['--prompts', prompts, '--out', out, '--cache', cache]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 clips \(1 rendered, 1 cached\)/);
    expect(readdirSync(out).sort()).toEqual(['home.wav', 'manifest.json', 'rate.code.wav']);
    const homeHash = (JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { clips: Record<string, { hash: string }> }).clips.home?.hash;
    expect(statSync(join(cache, `${homeHash}.wav`)).mtimeMs).toBe(before[`${homeHash}.wav`]);
    expect(readdirSync(cache)).toHaveLength(2);
  });

  it('fails with a clear message when espeak-ng is missing', () => {
    const r = buildAudio(['--prompts', prompts, '--out', join(work, 'out2'), '--cache', join(work, 'cache2'), '--espeak', join(work, 'no-such-espeak')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/espeak-ng was not found.*apt-get install -y espeak-ng/);
  });

  it('with --allow-missing-espeak (the kiosk build) builds without clips rather than failing', () => {
    const dir = join(work, 'out3');
    const r = buildAudio(['--prompts', prompts, '--out', dir, '--cache', join(work, 'cache3'), '--espeak', join(work, 'no-such-espeak'), '--allow-missing-espeak']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/WARNING: espeak-ng was not found/);
    expect(parseAudioManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))).size).toBe(0);
  });

  it('refuses prompts that are not NFC or not a screen id', () => {
    const bad = join(work, 'bad.json');
    writeFileSync(bad, JSON.stringify({ home: 'Xin chào'.normalize('NFD'), 'Bad Id': 'Xin chào' }));
    const r = buildAudio(['--prompts', bad, '--out', join(work, 'out4'), '--cache', join(work, 'cache4')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/home: is not in Unicode NFC/);
    expect(r.stderr).toMatch(/Bad Id: the id must look like a data-screen name/);
  });
});

describe('build wiring', () => {
  it('the kiosk build runs the audio step, and a prompts change triggers a rebuild', () => {
    expect(readFileSync(join(repo, 'scripts/build.mjs'), 'utf8')).toMatch(/await buildAudio\(/);
    expect(readFileSync(join(repo, 'scripts/bootstrap.mjs'), 'utf8')).toContain("'kiosk-config/audio/prompts.json'");
  });

  it('the test and CI machines install espeak-ng', () => {
    expect(readFileSync(join(repo, 'scripts/bootstrap.mjs'), 'utf8')).toMatch(/test: \[[^\]]*'espeak-ng'/);
    expect(readFileSync(join(repo, '.ci/run'), 'utf8')).toMatch(/packages=\([^)]*\bespeak-ng\b/);
  });
});
