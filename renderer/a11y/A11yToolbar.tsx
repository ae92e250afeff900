import type { MessageKey } from '../i18n/index.js';
import type { Translate } from '../app/screen-props.js';
import type { A11yPref } from './a11y-prefs.js';
import { useA11y } from './A11yProvider.js';

const toggles: ReadonlyArray<{ pref: A11yPref; label: MessageKey }> = [
  { pref: 'largeText', label: 'a11y.largeText' },
  { pref: 'highContrast', label: 'a11y.highContrast' },
  { pref: 'audio', label: 'audio.toggle' },
];

/**
 * The accessibility toggles under every resident screen: at the bottom, where a seated
 * resident's hand reaches. Each is a real toggle button (aria-pressed) with a visible tick,
 * so its state is not told by colour alone.
 */
export function A11yToolbar({ tr }: { tr: Translate }) {
  const { prefs, toggle, clips } = useA11y();
  return (
    <aside className="a11y-toolbar" aria-label={tr('a11y.toolbar')} data-testid="a11y-toolbar">
      {toggles
        .filter(({ pref }) => pref !== 'audio' || clips.size > 0)
        .map(({ pref, label }) => (
          <button key={pref} type="button" className="a11y-toggle" data-pref={pref} aria-pressed={prefs[pref]} onClick={() => toggle(pref)}>
            <span className="a11y-toggle__box" aria-hidden="true" />
            <span className="a11y-toggle__label">{tr(label)}</span>
          </button>
        ))}
    </aside>
  );
}
