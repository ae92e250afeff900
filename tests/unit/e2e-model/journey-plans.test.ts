import { beforeAll, describe, expect, it } from 'vitest';
import { machineShape, planPaths, stepEffect, type Plan, type WalkModel } from '../../e2e/model/graph-model.js';
import {
  guideModel,
  helpModel,
  machines,
  rateModel,
  ratingModel,
  receiptModel,
  scanModel,
  submitModel,
  submitProcedure,
  trackModel,
  type SiteData,
} from '../../e2e/model/journey-models.js';
import { siteFromFiles } from '../../e2e/model/site-files.js';

// The journey models walk the real machines with the real site data: every path they plan is
// what the machine does (replayed step by step), and what they cannot reach is what the
// e2e report lists as not drivable.

let site: SiteData;
beforeAll(async () => {
  site = { ...(await siteFromFiles()), sessionId: 'model-session', today: '2026-06-01', knownCode: 'TEST01-260601-0001', unknownCode: 'TEST01-260601-9999' };
});

const replays = (model: WalkModel, plan: Plan) => {
  for (const path of plan.paths) {
    let snapshot = path.start.snapshot;
    for (const step of path.steps) {
      const effect = stepEffect(model.machine, snapshot, step.event);
      expect(effect.transitions).toEqual(step.transitions);
      snapshot = effect.snapshot;
    }
  }
};

const summary = (name: keyof typeof machines, plans: Plan[]) => {
  const shape = machineShape(machines[name]);
  const taken = new Set(plans.flatMap((p) => p.paths.flatMap((x) => [...x.start.transitions, ...x.steps.flatMap((s) => s.transitions)])));
  const steps = plans.reduce((n, p) => n + p.paths.reduce((k, x) => k + x.steps.length, 0), 0);
  const paths = plans.reduce((n, p) => n + p.paths.length, 0);
  return { total: shape.transitions.length, taken: taken.size, paths, steps, missing: shape.transitions.map((t) => t.id).filter((t) => !taken.has(t)) };
};

describe('journey models', () => {
  it('guide and help: every transition but none', () => {
    const g = [guideModel(site), guideModel(site, submitProcedure)];
    const gp = g.map((m) => planPaths(m));
    g.forEach((m, i) => replays(m, gp[i] as Plan));
    const h = [helpModel(site), helpModel(site, submitProcedure)];
    const hp = h.map((m) => planPaths(m));
    const gs = summary('guide', gp);
    const hs = summary('help', hp);
    console.log('guide', gs, 'help', hs);
    expect(gs.missing).toEqual([]);
    expect(hs.missing).toEqual([]);
  });

  it('track, rate and rating', () => {
    const t = [trackModel(site), trackModel(site, site.knownCode)];
    const tp = t.map((m) => planPaths(m));
    t.forEach((m, i) => replays(m, tp[i] as Plan));
    const ts = summary('track', tp);
    console.log('track', ts);
    // a code handed by the root (a receipt on the home screen) is the only way to track.start|always
    expect(ts.missing).toEqual([]);
    const r = [rateModel(site, null, true), rateModel(site, site.knownCode, true)];
    const rp = r.map((m) => planPaths(m));
    console.log('rate', summary('rate', rp));
    const g = [ratingModel(site, site.knownCode, false, true), ratingModel(site, site.knownCode, true, true)];
    const gp = g.map((m) => planPaths(m));
    console.log('rating', summary('rating', gp));
  });

  it('scan and receipt', () => {
    const procedure = site.catalog.procedures.find((p) => p.code === submitProcedure);
    const plans = (procedure?.components ?? []).map((component) => {
      const m = scanModel({ sessionId: site.sessionId, component, pages: [], devices: [] });
      const p = planPaths(m);
      replays(m, p);
      return p;
    });
    console.log('scan', summary('scan', plans));
    const rc = receiptModel({ sessionId: site.sessionId, config: site.config, procedure: procedure!, localCode: site.knownCode, submittedAt: '2026-01-01T08:00:00.000Z', appointmentDate: null, trackingQr: site.knownCode });
    console.log('receipt', summary('receipt', [planPaths(rc)]));
  });

  it('submit', () => {
    const t0 = Date.now();
    const m = submitModel(site);
    const p = planPaths(m);
    replays(m, p);
    const s = summary('submit', [p]);
    console.log('submit', Date.now() - t0, 'ms', s, p.paths.map((x) => x.steps.map((st) => st.event.type.replace('submit.', '').replace(/xstate\.(done|error)\.actor\./, '$1:')).join(' ')));
  });
});
