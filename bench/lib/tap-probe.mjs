/* global window, document, requestAnimationFrame, MutationObserver, addEventListener -- runs in the page */
// An in-page probe for tap → painted latency, installed with page.addInitScript(tapProbe).
//
// The driver arms it before each tap (`__tapProbe.arm(label, expectScreen)`), taps, then
// awaits `__tapProbe.result()`. From the tap's `click` (its event.timeStamp, the same clock as
// performance.now()) the probe watches the DOM; on the first mutation after the click it waits
// for the next animation frame and then a setTimeout(0) queued from that frame's rAF callback:
// that task runs once the frame's style, layout and paint have been done on the main thread,
// our "painted". A second rAF (the frame after) is recorded too, as an upper bound. When the
// tap is expected to change the screen (`[data-screen]` in the stage), the same is done for
// the first mutation that shows the new screen. A tap whose click changed nothing within
// `quietMs` is reported as such (the benchmark counts and excludes those).
//
// The Event Timing API runs beside it: every `event` entry of ≥ 16 ms (the API's floor) and
// every `first-input` is kept in `__tapProbe.eventEntries` for the driver to match to taps.
export function tapProbe() {
  const quietMs = 1000;
  const screenTimeoutMs = 15_000;
  const stageScreen = () => document.querySelector('.kiosk__stage [data-screen]')?.getAttribute('data-screen') ?? null;
  /** rAF, then a task after it (≈ the frame's rendering done), and a second rAF */
  const afterPaint = (cb) =>
    requestAnimationFrame(() => {
      const raf = performance.now();
      let painted;
      let raf2;
      const done = () => painted !== undefined && raf2 !== undefined && cb({ raf, painted, raf2 });
      setTimeout(() => {
        painted = performance.now();
        done();
      }, 0);
      requestAnimationFrame(() => {
        raf2 = performance.now();
        done();
      });
    });

  let cur = null;
  const eventEntries = [];
  const settle = (m) => {
    if (m.settled) return;
    const firstDone = m.first !== undefined || m.noChange;
    const screenDone = !m.expectScreen || m.screen !== undefined || m.screenTimedOut;
    if (firstDone && screenDone) {
      m.settled = true;
      clearTimeout(m.timer);
      m.resolve?.(m.report());
    }
  };
  const describe = (r) => {
    const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;
    const what = t ? `${t.nodeName.toLowerCase()}${t.className && typeof t.className === 'string' ? '.' + t.className.split(' ')[0] : ''}` : '?';
    return `${r.type}${r.attributeName ? '[' + r.attributeName + ']' : ''}@${what}`;
  };
  const onMutation = (records) => {
    const m = cur;
    if (!m || !m.observing || m.settled) return;
    const now = performance.now();
    if (m.mutAt === undefined) {
      m.mutAt = now;
      m.firstMutation = records[0] ? describe(records[0]) : null;
      clearTimeout(m.quietTimer);
      afterPaint((t) => {
        m.first = t;
        settle(m);
      });
    }
    if (m.expectScreen && m.screenAt === undefined) {
      const s = stageScreen();
      if (s !== null && s !== m.screenBefore) {
        m.screenAt = now;
        m.screenAfter = s;
        afterPaint((t) => {
          m.screen = t;
          settle(m);
        });
      }
    }
  };
  const observer = new MutationObserver(onMutation);
  const observe = () => observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  if (document.documentElement) observe();
  else document.addEventListener('readystatechange', observe, { once: true });

  addEventListener(
    'pointerdown',
    (e) => {
      if (cur && cur.downAt === undefined && !cur.settled) cur.downAt = e.timeStamp;
    },
    { capture: true, passive: true },
  );
  // A tap's compatibility mousedown comes with its click (same timeStamp) and focuses the
  // target: a field that opens its keyboard on focus answers there, so the DOM is watched from
  // mousedown on. What the pointerdown did before (activity reports) is not the tap's answer.
  const startObserving = (m) => {
    if (m.observing) return;
    observer.takeRecords();
    m.observing = true;
  };
  addEventListener(
    'mousedown',
    (e) => {
      const m = cur;
      if (!m || m.mousedownAt !== undefined || m.settled) return;
      m.mousedownAt = e.timeStamp;
      startObserving(m);
    },
    { capture: true, passive: true },
  );
  addEventListener(
    'click',
    (e) => {
      const m = cur;
      // a label's click also clicks its input: the first click is the tap's
      if (!m || m.clickAt !== undefined || m.settled) return;
      m.clickAt = e.timeStamp;
      m.handlerAt = performance.now();
      startObserving(m);
      m.quietTimer = setTimeout(() => {
        if (m.mutAt === undefined) {
          m.noChange = true;
          settle(m);
        }
      }, quietMs);
      if (m.expectScreen) {
        m.timer = setTimeout(() => {
          m.screenTimedOut = true;
          settle(m);
        }, screenTimeoutMs);
      }
    },
    { capture: true, passive: true },
  );

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        eventEntries.push({ name: e.name, entryType: e.entryType, startTime: e.startTime, processingStart: e.processingStart, processingEnd: e.processingEnd, duration: e.duration, interactionId: e.interactionId ?? 0 });
      }
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        eventEntries.push({ name: e.name, entryType: e.entryType, startTime: e.startTime, processingStart: e.processingStart, processingEnd: e.processingEnd, duration: e.duration, interactionId: e.interactionId ?? 0 });
      }
    }).observe({ type: 'first-input', buffered: true });
  } catch {
    // no Event Timing here: the MutationObserver figures still stand
  }

  window.__tapProbe = {
    eventEntries,
    arm(label, expectScreen) {
      const m = { label, expectScreen: Boolean(expectScreen), screenBefore: stageScreen(), settled: false };
      m.done = new Promise((resolve) => {
        m.resolve = resolve;
      });
      m.report = () => {
        const from = (t) => (t === undefined ? null : t);
        return {
          label: m.label,
          screenBefore: m.screenBefore,
          screenAfter: m.screenAfter ?? null,
          clicked: m.clickAt !== undefined,
          noChange: Boolean(m.noChange),
          downAt: from(m.downAt),
          mousedownAt: from(m.mousedownAt),
          clickAt: from(m.clickAt),
          firstMutation: m.firstMutation ?? null,
          handlerAt: from(m.handlerAt),
          mutAt: from(m.mutAt),
          firstRaf: m.first ? m.first.raf : null,
          firstPainted: m.first ? m.first.painted : null,
          firstRaf2: m.first ? m.first.raf2 : null,
          screenAt: from(m.screenAt),
          screenRaf: m.screen ? m.screen.raf : null,
          screenPainted: m.screen ? m.screen.painted : null,
          screenRaf2: m.screen ? m.screen.raf2 : null,
          screenTimedOut: Boolean(m.screenTimedOut),
        };
      };
      cur = m;
    },
    /** resolves once the armed tap settled; if no click came within `waitMs`, says so */
    result(waitMs = 5000) {
      const m = cur;
      if (!m) return Promise.resolve(null);
      return Promise.race([
        m.done,
        new Promise((resolve) =>
          setTimeout(() => {
            if (m.clickAt === undefined) {
              m.settled = true;
              resolve(m.report());
            }
          }, waitMs),
        ),
      ]).then((r) => {
        if (cur === m) cur = null;
        return r;
      });
    },
  };
}
