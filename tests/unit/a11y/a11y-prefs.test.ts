import { describe, expect, it } from 'vitest';
import { a11yReducer, defaultPrefs, initialA11yState, prefsFor, rootAttributes, type A11yAction, type A11yState } from '../../../renderer/a11y/a11y-prefs.js';

const run = (actions: A11yAction[], from: A11yState = initialA11yState): A11yState => actions.reduce(a11yReducer, from);

describe('accessibility prefs', () => {
  it('start off: normal text, normal contrast, no sound', () => {
    expect(defaultPrefs).toEqual({ largeText: false, highContrast: false, audio: false });
    expect(prefsFor(initialA11yState, 's1')).toEqual(defaultPrefs);
  });

  it('toggle on and off within a session', () => {
    const on = run([
      { type: 'session', sessionId: 's1' },
      { type: 'toggle', pref: 'largeText', sessionId: 's1' },
      { type: 'toggle', pref: 'audio', sessionId: 's1' },
    ]);
    expect(prefsFor(on, 's1')).toEqual({ largeText: true, highContrast: false, audio: true });
    const off = run([{ type: 'toggle', pref: 'largeText', sessionId: 's1' }], on);
    expect(prefsFor(off, 's1')).toEqual({ largeText: false, highContrast: false, audio: true });
  });

  it('are wiped when the session ends (attract shows the defaults, and the state forgets them)', () => {
    const chosen = run([
      { type: 'toggle', pref: 'highContrast', sessionId: 's1' },
      { type: 'toggle', pref: 'audio', sessionId: 's1' },
    ]);
    // the very render after the session ended already shows the defaults
    expect(prefsFor(chosen, null)).toEqual(defaultPrefs);
    const ended = run([{ type: 'session', sessionId: null }], chosen);
    expect(ended).toEqual(initialA11yState);
  });

  it('never pass to the next resident, even without a render in between', () => {
    const chosen = run([{ type: 'toggle', pref: 'largeText', sessionId: 's1' }]);
    expect(prefsFor(chosen, 's2')).toEqual(defaultPrefs);
    expect(run([{ type: 'session', sessionId: 's2' }], chosen)).toEqual({ sessionId: 's2', prefs: defaultPrefs });
    // a toggle in the new session starts from the defaults, not from s1's choices
    const next = run([{ type: 'toggle', pref: 'audio', sessionId: 's2' }], chosen);
    expect(prefsFor(next, 's2')).toEqual({ largeText: false, highContrast: false, audio: true });
  });

  it('survive leaving and re-entering screens of the same session (pin pad, another flow)', () => {
    const chosen = run([{ type: 'toggle', pref: 'largeText', sessionId: 's1' }]);
    expect(run([{ type: 'session', sessionId: 's1' }], chosen)).toBe(chosen);
  });

  it('cannot be set outside a session', () => {
    const state = run([{ type: 'toggle', pref: 'audio', sessionId: null }]);
    expect(state).toEqual(initialA11yState);
    expect(prefsFor(state, null)).toEqual(defaultPrefs);
  });

  it('map to the attributes a11y.css keys on', () => {
    expect(rootAttributes(defaultPrefs)).toEqual({ 'data-text-size': null, 'data-contrast': null });
    expect(rootAttributes({ largeText: true, highContrast: true, audio: false })).toEqual({ 'data-text-size': 'large', 'data-contrast': 'high' });
  });
});
