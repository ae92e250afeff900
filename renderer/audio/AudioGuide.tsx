import { useEffect, useRef, type RefObject } from 'react';
import { useA11y } from '../a11y/A11yProvider.js';
import { clipUrl } from './audio-manifest.js';
import { guideCommand, silentView, type GuideView } from './audio-guide.js';
import { createClipPlayer, type ClipPlayer } from './clip-player.js';
import { useScreenName } from './use-screen-name.js';

/** Speaks the prompt of each screen (or overlay) shown in `root` while the resident has audio on; draws nothing. */
export function AudioGuide({ root }: { root: RefObject<HTMLElement | null> }) {
  const { prefs, clips } = useA11y();
  const audioOn = prefs.audio;
  const screen = useScreenName(root, audioOn);
  const player = useRef<ClipPlayer | null>(null);
  const last = useRef<GuideView>(silentView);

  useEffect(() => {
    const next: GuideView = { screen, audioOn };
    const command = guideCommand(last.current, next, clips);
    last.current = next;
    if (command.kind === 'play') {
      // made on first use: a kiosk whose residents never turn audio on holds no media element
      player.current ??= createClipPlayer();
      player.current.play(clipUrl(command.file));
    } else if (command.kind === 'stop') {
      player.current?.stop();
    }
  }, [screen, audioOn, clips]);

  // unmounted (App gone): silence, and the next mount starts from "off"
  useEffect(
    () => () => {
      player.current?.stop();
      last.current = silentView;
    },
    [],
  );
  return null;
}
