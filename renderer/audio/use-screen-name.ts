import { useEffect, useState, type RefObject } from 'react';

/**
 * What the resident is looking at inside `root`: an overlay in front (`data-overlay`, e.g. the
 * idle warning) or else the screen (`main[data-screen]`).
 */
export const currentScreenName = (root: ParentNode): string | null =>
  root.querySelector('[data-overlay]')?.getAttribute('data-overlay') ??
  (root.querySelector('main[data-screen]') ?? root.querySelector('[data-screen]'))?.getAttribute('data-screen') ??
  null;

/**
 * Follows the screen shown inside `root` by watching the DOM, not the machines: the step a
 * resident sees is decided deep inside each flow's own actor (and its step actors), and
 * `data-screen` is already the one contract every screen keeps (e2e, statistics). Watches only
 * while `enabled`, and says null while not, so turning it on never reports a stale screen.
 */
export const useScreenName = (root: RefObject<HTMLElement | null>, enabled: boolean): string | null => {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    const element = root.current;
    if (!enabled || !element) {
      setName(null);
      return;
    }
    // one callback per React commit: mutation records are delivered together, after it
    const read = () => setName(currentScreenName(element));
    read();
    const observer = new MutationObserver(read);
    observer.observe(element, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-screen', 'data-overlay'] });
    return () => observer.disconnect();
  }, [root, enabled]);
  return enabled ? name : null;
};
