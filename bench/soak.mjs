#!/usr/bin/env node
// P5: memory over many automated sessions. Each session: attract → touch → home → a short
// walk → End → attract. The walks rotate: guide (a category → a procedure → back ×3), track
// (a code typed on the code keys → not found → edit → back), help (an answer → a procedure →
// home), rate (a code on the letter keyboard → not found → back), submit begun and cancelled
// (a procedure → manual entry, a few digits → cancel → confirm), with the language switched
// every few sessions. No fixed sleeps: every step waits for its screen.
//
// Readings, each after a forced full GC: renderer JS heap (CDP HeapProfiler.collectGarbage →
// Runtime.getHeapUsage; performance.memory with --enable-precise-memory-info; DOM counters),
// core RSS (/proc/<pid>/VmRSS) and heap (process.memoryUsage() over the core's inspector,
// the core started with --inspect). At 0 (after a warm-up), every 100 sessions, and at
// BENCH_SESSIONS (default 1000). Growth = (at 1000 − at 100) / at 100; goal ≤ 10 % for the
// renderer heap and the core RSS. If either grows more (or BENCH_SNAPSHOT=1), heap snapshots
// are taken before and after BENCH_DIAG_SESSIONS (default 200) more sessions and diffed by
// constructor, to name what grows. BENCH_MAX_MINUTES (default 20) stops the run early and
// reports the rate.
import { chromium } from '@playwright/test';
import { startHost, chromiumPath, launchArgs } from './lib/host.mjs';
import { createDriver, createSessionWalker } from './lib/kiosk-driver.mjs';
import { censusDiff, censusOf, connectInspector, heapCensus, heapSnapshot, newObjectRetainers, playwrightCdp, readCore, readRenderer, xstateMemoCensus } from './lib/memory.mjs';
import { round, writeResult } from './lib/results.mjs';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 1000);
const FIRST = Math.min(100, SESSIONS);
const EVERY = Number(process.env.BENCH_READ_EVERY ?? 100);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
const DIAG_SESSIONS = Number(process.env.BENCH_DIAG_SESSIONS ?? 200);
const MAX_MS = Number(process.env.BENCH_MAX_MINUTES ?? 20) * 60_000;
const GOAL_GROWTH = 0.1;

const host = await startHost({ inspect: true });
const browser = await chromium.launch({ executablePath: chromiumPath, args: [...launchArgs, '--enable-precise-memory-info'] });
const t0 = Date.now();
let inspector;
try {
  inspector = await connectInspector(host.inspectorUrl);
  const context = await browser.newContext({ hasTouch: true, isMobile: false, viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 1, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const cdp = await context.newCDPSession(page);
  const d = createDriver(page);
  const walker = createSessionWalker(d);
  const order = walker.order;
  const failures = [];
  let done = 0;
  const session = async (n) => {
    const failure = await walker.session(n);
    if (failure) failures.push(failure);
    done++;
  };

  const readings = [];
  const read = async (label) => {
    const r = { sessions: label, atSeconds: round((Date.now() - t0) / 1000, 1), renderer: await readRenderer(cdp, page), core: await readCore(inspector, host.pid) };
    readings.push(r);
    process.stdout.write(
      `after ${String(label).padStart(4)} sessions (${r.atSeconds} s): renderer heap ${r.renderer.heapUsedMb} MB, DOM nodes ${r.renderer.domNodes}, listeners ${r.renderer.jsEventListeners}; core RSS ${r.core.rssMb} MB, heap ${r.core.heapUsedMb} MB, handles ${r.core.handles}\n`,
    );
    return r;
  };

  await d.open(host.url);
  for (let i = 0; i < WARMUP; i++) await session(i);
  done = 0;
  const base = await read(0);
  const tRun = Date.now();
  let atFirst = null;
  let stoppedEarly = false;
  for (let n = 1; n <= SESSIONS; n++) {
    await session(n);
    if (n === FIRST) atFirst = await read(n);
    else if (n % EVERY === 0 || n === SESSIONS) await read(n);
    if (Date.now() - tRun > MAX_MS && n < SESSIONS) {
      stoppedEarly = true;
      if (readings.at(-1).sessions !== n) await read(n);
      break;
    }
  }
  const runSeconds = (Date.now() - tRun) / 1000;
  const sessionsRun = done;
  const last = readings.at(-1);
  atFirst ??= base;
  const growth = (a, b) => round((b - a) / a, 4);
  const g = {
    rendererHeap: growth(atFirst.renderer.heapUsedMb, last.renderer.heapUsedMb),
    coreRss: growth(atFirst.core.rssMb, last.core.rssMb),
    coreHeap: growth(atFirst.core.heapUsedMb, last.core.heapUsedMb),
    rendererDomNodes: growth(atFirst.renderer.domNodes, last.renderer.domNodes),
  };
  const met = g.rendererHeap <= GOAL_GROWTH && g.coreRss <= GOAL_GROWTH;
  process.stdout.write(
    `${sessionsRun} sessions in ${round(runSeconds, 1)} s (${round(sessionsRun / runSeconds, 2)} sessions/s, ${round((runSeconds * 1000) / sessionsRun)} ms each); growth ${atFirst.sessions} → ${last.sessions}: renderer heap ${round(g.rendererHeap * 100, 1)} %, core RSS ${round(g.coreRss * 100, 1)} %, core heap ${round(g.coreHeap * 100, 1)} %; ${failures.length} failed sessions\n`,
  );
  for (const f of failures.slice(0, 20)) process.stdout.write(`  failure: session ${f.session} (${f.walk}) on ${f.at}: ${f.error}\n`);

  // what grows, if anything grew too much: two censuses DIAG_SESSIONS apart
  let diagnosis = null;
  if (!met || process.env.BENCH_SNAPSHOT === '1') {
    const coreCdp = inspector;
    const rendererCdp = playwrightCdp(cdp);
    const snapA = await heapSnapshot(rendererCdp);
    const before = { renderer: censusOf(snapA), core: await heapCensus(coreCdp), memo: xstateMemoCensus(snapA) };
    const r0 = await read(`${last.sessions}+snapshot`);
    for (let n = 1; n <= DIAG_SESSIONS; n++) await session(SESSIONS + n);
    const r1 = await read(`${last.sessions}+${DIAG_SESSIONS}`);
    const snapB = await heapSnapshot(rendererCdp);
    const after = { renderer: censusOf(snapB), core: await heapCensus(coreCdp), memo: xstateMemoCensus(snapB) };
    const retainers = newObjectRetainers(snapA, snapB, { depth: 4, top: 12, filter: (name) => !name.startsWith('native:') });
    diagnosis = {
      sessions: DIAG_SESSIONS,
      rendererHeapDeltaMb: round(r1.renderer.heapUsedMb - r0.renderer.heapUsedMb),
      coreHeapDeltaMb: round(r1.core.heapUsedMb - r0.core.heapUsedMb),
      coreRssDeltaMb: round(r1.core.rssMb - r0.core.rssMb),
      rendererGrowers: censusDiff(before.renderer, after.renderer),
      coreGrowers: censusDiff(before.core, after.core),
      xstateCandidatesMemo: {
        note: 'xstate memo(stateNode, `candidates-${event.type}`): one entry per state node per distinct event type, kept for the page\'s life; anonymous spawns (`x:<n>`) make a new done-event type each',
        before: before.memo,
        after: after.memo,
        anonymousDoneEntriesPerSession: round((after.memo.anonymousDoneEntries - before.memo.anonymousDoneEntries) / DIAG_SESSIONS),
      },
      newRendererObjectsByRetainer: retainers,
    };
    process.stdout.write(`diagnosis over ${DIAG_SESSIONS} more sessions:\n`);
    for (const side of ['rendererGrowers', 'coreGrowers']) {
      process.stdout.write(`  ${side}:\n`);
      for (const x of diagnosis[side].slice(0, 12)) process.stdout.write(`    ${x.key.slice(0, 100)}: +${x.countDelta} (${x.countBefore} → ${x.countAfter}), +${x.sizeDeltaKb} KB\n`);
    }
    process.stdout.write(
      `  xstate candidates memo: ${before.memo.entries} → ${after.memo.entries} entries; anonymous done-event entries ${before.memo.anonymousDoneEntries} → ${after.memo.anonymousDoneEntries} (${diagnosis.xstateCandidatesMemo.anonymousDoneEntriesPerSession} per session) on ${JSON.stringify(after.memo.anonymousByStateNode)}\n`,
    );
  }

  const mainReadings = readings.filter((r) => typeof r.sessions === 'number');
  const series = (f) => mainReadings.map((r) => ({ sessions: r.sessions, value: f(r) }));
  writeResult('soak', {
    name: `memory after ${last.sessions} automated sessions vs after ${atFirst.sessions} (forced GC before each reading): renderer JS heap growth`,
    unit: '%',
    target: 'growth <= 10 % (renderer JS heap and core RSS)',
    samples: mainReadings.filter((r) => r.sessions >= atFirst.sessions).map((r) => growth(atFirst.renderer.heapUsedMb, r.renderer.heapUsedMb) * 100),
    value: round(g.rendererHeap * 100),
    extra: {
      samplesAre: `renderer JS heap growth (%) at each reading from ${atFirst.sessions} sessions on, relative to the reading at ${atFirst.sessions}; the MB figures are in rendererHeapMb / readings`,
      goal: { maxGrowth: GOAL_GROWTH },
      met,
      growth: { rendererHeapPct: round(g.rendererHeap * 100), coreRssPct: round(g.coreRss * 100), coreHeapUsedPct: round(g.coreHeap * 100), rendererDomNodesPct: round(g.rendererDomNodes * 100) },
      at0: base,
      at100: atFirst,
      atEnd: last,
      sessions: sessionsRun,
      stoppedEarly,
      runSeconds: round(runSeconds, 1),
      sessionsPerSecond: round(sessionsRun / runSeconds, 2),
      msPerSession: round((runSeconds * 1000) / sessionsRun),
      warmupSessions: WARMUP,
      walks: order,
      failedSessions: failures.length,
      failures: failures.slice(0, 20),
      pageErrors: pageErrors.slice(0, 20),
      rendererHeapMb: series((r) => r.renderer.heapUsedMb),
      coreRssMb: series((r) => r.core.rssMb),
      coreHeapUsedMb: series((r) => r.core.heapUsedMb),
      coreRssGrowthPct: mainReadings.filter((r) => r.sessions >= atFirst.sessions).map((r) => ({ sessions: r.sessions, value: round(growth(atFirst.core.rssMb, r.core.rssMb) * 100) })),
      readings: mainReadings,
      diagnosis: diagnosis && { ...diagnosis, note: 'taken after the readings above: a heap snapshot inflates the core RSS (~+100 MB, kept by the allocator), so diagnosis readings are not comparable with them', readings: readings.filter((r) => typeof r.sessions !== 'number') },
    },
  });
} finally {
  inspector?.close();
  await browser.close();
  await host.stop();
  process.stdout.write(`soak: total ${round((Date.now() - t0) / 1000, 1)} s\n`);
}
