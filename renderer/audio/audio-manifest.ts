// The clips the build rendered (scripts/build-audio.mjs writes audio/manifest.json beside the
// renderer). Read by hand, not with zod: the renderer bundle carries no schema library.

/** screen id (a `data-screen` name) → clip file name inside audio/ */
export type ClipFiles = ReadonlyMap<string, string>;

export const noClips: ClipFiles = new Map();

/** relative to index.html, so both shells (app://kiosk/ and the browser host) serve it */
export const manifestUrl = 'audio/manifest.json';

// a plain file name: nothing from the manifest can point outside audio/
const clipFilePattern = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*\.wav$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The playable clips of a manifest; entries that are not well formed are left out. */
export const parseAudioManifest = (json: unknown): ClipFiles => {
  if (!isRecord(json) || !isRecord(json.clips)) return noClips;
  const clips = new Map<string, string>();
  for (const [id, clip] of Object.entries(json.clips)) {
    if (isRecord(clip) && typeof clip.file === 'string' && clipFilePattern.test(clip.file)) clips.set(id, clip.file);
  }
  return clips;
};

export const clipUrl = (file: string): string => `audio/${file}`;
