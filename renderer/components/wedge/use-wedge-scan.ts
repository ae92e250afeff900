import { useEffect, useRef } from 'react';
import { createWedgeDetector } from '../../../common/input/keyboard-wedge.js';

/**
 * A keyboard-wedge ID reader "types" a card's QR; while `enabled`, each such burst goes to
 * `onBurst` (the identify step sends it to identity.fromQr, diagnostics' card test to
 * diag.cardTest). Only for screens with no field to type into: a person's keys held while
 * the detector decides are dropped. Flushed on the detector's deadline.
 */
export function useWedgeScan(onBurst: (text: string) => void, enabled: boolean): void {
  const burst = useRef(onBurst);
  burst.current = onBurst;
  useEffect(() => {
    if (!enabled) return undefined;
    const detector = createWedgeDetector();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      if (timer !== undefined) clearTimeout(timer);
      const deadline = detector.deadline();
      if (deadline === undefined) return;
      timer = setTimeout(
        () => {
          timer = undefined;
          detector.flush(performance.now());
          schedule();
        },
        Math.max(0, deadline - performance.now()),
      );
    };
    const onKey = (e: KeyboardEvent) => {
      const verdict = detector.feed({ key: e.key, timeStamp: e.timeStamp });
      if (verdict.kind === 'hold' || verdict.kind === 'burst' || (verdict.kind === 'typed' && verdict.current === 'hold')) e.preventDefault();
      if (verdict.kind === 'burst') burst.current(verdict.text);
      schedule();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [enabled]);
}
