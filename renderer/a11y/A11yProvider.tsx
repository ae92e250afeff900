import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, type ReactNode } from 'react';
import { noClips, type ClipFiles } from '../audio/audio-manifest.js';
import { useAudioClips } from '../audio/use-audio-clips.js';
import { a11yReducer, defaultPrefs, initialA11yState, prefsFor, rootAttributes, type A11yPref, type A11yPrefs } from './a11y-prefs.js';

export interface A11yContextValue {
  prefs: A11yPrefs;
  toggle: (pref: A11yPref) => void;
  /** the voice clips of this build; none → no audio toggle */
  clips: ClipFiles;
}

const A11yContext = createContext<A11yContextValue>({ prefs: defaultPrefs, toggle: () => undefined, clips: noClips });

export const useA11y = (): A11yContextValue => useContext(A11yContext);

/**
 * Holds the resident's accessibility choices for the root machine's current session
 * (`sessionId`, from `context.session`): a new session, or none, starts from the defaults.
 * Applies them to <html> (a11y.css keys on those attributes) so every screen follows.
 */
export function A11yProvider({ sessionId, children }: { sessionId: string | null; children: ReactNode }) {
  const [state, dispatch] = useReducer(a11yReducer, initialA11yState);
  const prefs = prefsFor(state, sessionId);
  const clips = useAudioClips();

  // prefsFor already hides another session's choices; this drops them from memory too
  useEffect(() => dispatch({ type: 'session', sessionId }), [sessionId]);

  useEffect(() => {
    const html = document.documentElement;
    for (const [name, value] of Object.entries(rootAttributes(prefs))) {
      if (value === null) html.removeAttribute(name);
      else html.setAttribute(name, value);
    }
  }, [prefs]);

  const toggle = useCallback((pref: A11yPref) => dispatch({ type: 'toggle', pref, sessionId }), [sessionId]);
  const value = useMemo(() => ({ prefs, toggle, clips }), [prefs, toggle, clips]);
  return <A11yContext.Provider value={value}>{children}</A11yContext.Provider>;
}
