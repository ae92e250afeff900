import { useEffect } from 'react';
import type { UserEvent } from '../machines/root-types.js';

/**
 * Any touch or key anywhere tells the machine the resident is still there; the machine
 * throttles what it reports to the core. Capture phase, so no screen can swallow it.
 */
export const useUserActivity = (send: (event: UserEvent) => void): void => {
  useEffect(() => {
    const onInput = (e: Event) => send({ type: 'user.activity', at: e.timeStamp });
    window.addEventListener('pointerdown', onInput, { capture: true, passive: true });
    window.addEventListener('keydown', onInput, { capture: true, passive: true });
    return () => {
      window.removeEventListener('pointerdown', onInput, { capture: true });
      window.removeEventListener('keydown', onInput, { capture: true });
    };
  }, [send]);
};
