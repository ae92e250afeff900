// A resident's accessibility choices (large text, high contrast, voice guidance). They belong
// to one session: the next resident must not inherit a stranger's settings, and a lobby
// kiosk must not start talking by itself. Pure, so the reset rule is tested without React.

export interface A11yPrefs {
  readonly largeText: boolean;
  readonly highContrast: boolean;
  readonly audio: boolean;
}
export type A11yPref = keyof A11yPrefs;

/**
 * Audio is off by default: spoken steps tell bystanders in a lobby what the resident is doing,
 * and a kiosk that talks unasked startles; the toggle's tap is also the gesture that lets
 * Chromium play sound.
 */
export const defaultPrefs: A11yPrefs = { largeText: false, highContrast: false, audio: false };

/** The prefs and the session they were chosen in. */
export interface A11yState {
  readonly sessionId: string | null;
  readonly prefs: A11yPrefs;
}
export const initialA11yState: A11yState = { sessionId: null, prefs: defaultPrefs };

export type A11yAction =
  /** a tap on a toggle during session `sessionId` */
  | { type: 'toggle'; pref: A11yPref; sessionId: string | null }
  /** the root machine's session as App sees it now; another one (or none) drops the prefs */
  | { type: 'session'; sessionId: string | null };

export const a11yReducer = (state: A11yState, action: A11yAction): A11yState => {
  // outside a session there is no one to choose for: always the defaults
  if (action.sessionId === null) return state.sessionId === null && state.prefs === defaultPrefs ? state : initialA11yState;
  const own = state.sessionId === action.sessionId;
  switch (action.type) {
    case 'session':
      return own ? state : { sessionId: action.sessionId, prefs: defaultPrefs };
    case 'toggle': {
      const base = own ? state.prefs : defaultPrefs;
      return { sessionId: action.sessionId, prefs: { ...base, [action.pref]: !base[action.pref] } };
    }
  }
};

/**
 * The prefs in force for `sessionId`. Read at render time, so a new session (or attract) shows
 * the defaults from its very first frame, before the `session` action has cleared the state.
 */
export const prefsFor = (state: A11yState, sessionId: string | null): A11yPrefs =>
  sessionId !== null && state.sessionId === sessionId ? state.prefs : defaultPrefs;

/** The attributes on <html> that a11y.css keys on; null removes one. */
export const rootAttributes = (prefs: A11yPrefs): Readonly<Record<'data-text-size' | 'data-contrast', string | null>> => ({
  'data-text-size': prefs.largeText ? 'large' : null,
  'data-contrast': prefs.highContrast ? 'high' : null,
});
