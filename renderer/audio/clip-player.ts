/** One clip at a time: playing a new one cuts the last one off. */
export interface ClipPlayer {
  play(url: string): void;
  stop(): void;
}

export const createClipPlayer = (): ClipPlayer => {
  // one element for all clips: a new src replaces what was playing, so two never overlap
  const audio = new Audio();
  audio.preload = 'auto';
  return {
    play(url) {
      audio.pause();
      audio.src = url;
      // a refused play (no user gesture yet, file gone) leaves the kiosk silent, never broken
      audio.play().catch(() => undefined);
    },
    stop() {
      audio.pause();
      audio.removeAttribute('src');
      audio.load();
    },
  };
};
