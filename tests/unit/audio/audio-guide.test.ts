import { describe, expect, it } from 'vitest';
import { guideCommand, silentView, type GuideView } from '../../../renderer/audio/audio-guide.js';
import { clipUrl, parseAudioManifest } from '../../../renderer/audio/audio-manifest.js';

const clips = new Map([
  ['home', 'home.wav'],
  ['submit.identify', 'submit.identify.wav'],
]);
const on = (screen: string | null): GuideView => ({ screen, audioOn: true });
const off = (screen: string | null): GuideView => ({ screen, audioOn: false });

describe('voice guide', () => {
  it('never plays while audio is off, whatever the screen does', () => {
    expect(guideCommand(silentView, off('home'), clips)).toEqual({ kind: 'none' });
    expect(guideCommand(off('home'), off('submit.identify'), clips)).toEqual({ kind: 'none' });
  });

  it('speaks the current screen when the resident turns audio on', () => {
    expect(guideCommand(off('home'), on('home'), clips)).toEqual({ kind: 'play', file: 'home.wav' });
  });

  it('speaks each new screen, once', () => {
    expect(guideCommand(on('home'), on('submit.identify'), clips)).toEqual({ kind: 'play', file: 'submit.identify.wav' });
    expect(guideCommand(on('submit.identify'), on('submit.identify'), clips)).toEqual({ kind: 'none' });
  });

  it('stops the last clip on a screen without one, and when audio goes off', () => {
    expect(guideCommand(on('home'), on('submit.unknown'), clips)).toEqual({ kind: 'stop' });
    expect(guideCommand(on('home'), on(null), clips)).toEqual({ kind: 'stop' });
    expect(guideCommand(on('home'), off('home'), clips)).toEqual({ kind: 'stop' });
  });
});

describe('audio manifest', () => {
  it('lists the clips the build wrote', () => {
    const parsed = parseAudioManifest({ voice: 'vi', clips: { home: { file: 'home.wav', bytes: 10 }, 'track.code': { file: 'track.code.wav' } } });
    expect([...parsed]).toEqual([
      ['home', 'home.wav'],
      ['track.code', 'track.code.wav'],
    ]);
    expect(clipUrl('home.wav')).toBe('audio/home.wav');
  });

  it('leaves out anything that is not a plain clip file in audio/', () => {
    const parsed = parseAudioManifest({
      clips: { a: { file: '../index.html' }, b: { file: 'https://x.example/b.wav' }, c: { file: 'c.mp3' }, d: 'd.wav', e: { file: 'e/../e.wav' }, ok: { file: 'ok.wav' } },
    });
    expect([...parsed.keys()]).toEqual(['ok']);
    expect(parseAudioManifest(null).size).toBe(0);
    expect(parseAudioManifest({ clips: [] }).size).toBe(0);
    expect(parseAudioManifest('nope').size).toBe(0);
  });
});
