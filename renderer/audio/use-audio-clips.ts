import { useEffect, useState } from 'react';
import { manifestUrl, noClips, parseAudioManifest, type ClipFiles } from './audio-manifest.js';

/**
 * The clips this build carries, read once at start. None (a build without espeak-ng, a
 * missing file) means no voice guidance, and the toolbar leaves the audio toggle out.
 */
export const useAudioClips = (): ClipFiles => {
  const [clips, setClips] = useState<ClipFiles>(noClips);
  useEffect(() => {
    let live = true;
    fetch(manifestUrl)
      .then((r) => (r.ok ? r.json() : null))
      .then((json: unknown) => {
        if (live) setClips(parseAudioManifest(json));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return clips;
};
