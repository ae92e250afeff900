import type { ClipFiles } from './audio-manifest.js';

// When the voice guide speaks: pure, so the rules are tested without a browser.

/** What the guide sees: the main screen's `data-screen` name and whether audio is on. */
export interface GuideView {
  readonly screen: string | null;
  readonly audioOn: boolean;
}

export type GuideCommand = { kind: 'play'; file: string } | { kind: 'stop' } | { kind: 'none' };

export const silentView: GuideView = { screen: null, audioOn: false };

/**
 * - audio turned off: stop at once; while off, never play.
 * - audio turned on: speak the current screen (the resident hears that it works).
 * - a new screen while on: stop the last step's clip and speak this one, if it has one.
 */
export const guideCommand = (prev: GuideView, next: GuideView, clips: ClipFiles): GuideCommand => {
  if (!next.audioOn) return prev.audioOn ? { kind: 'stop' } : { kind: 'none' };
  if (prev.audioOn && prev.screen === next.screen) return { kind: 'none' };
  const file = next.screen === null ? undefined : clips.get(next.screen);
  return file === undefined ? { kind: 'stop' } : { kind: 'play', file };
};
