import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogInput } from '../../../common/catalog/catalog-schema.js';
import type { KioskEvent } from '../../../common/kiosk-api/events.js';
import { createApp } from '../../../main/app.js';
import { silentLogger } from '../../../main/log/logger.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { dossierArgs, startJourneyApp, startSession, type JourneyApp } from '../../helpers/journey-app.js';

// The catalog at start and on reload, and the appointment date dossier.submit computes from
// the submission instant in Vietnam time with the catalog's working calendar.

const withCalendar = (c: CatalogInput): CatalogInput => ({
  ...c,
  // National Day 2026 falls on Tuesday–Wednesday; Saturday 5 September is worked in exchange
  holidays: ['2026-09-01', '2026-09-02'],
  extraWorkingDays: ['2026-09-05'],
  procedures: c.procedures.map((p) =>
    p.code === '1.004837' ? { ...p, timeLimit: { kind: 'workingDays', days: 3 } } : p.code === '1.004845' ? { ...p, timeLimit: { kind: 'workingDays', days: 2 } } : p,
  ),
});

describe('appointment dates (working days, Vietnam time)', () => {
  let app: JourneyApp;
  const clock = new FakeClock(Date.parse('2026-08-28T03:00:00Z')); // Friday 10:00 in Hà Nội
  beforeAll(async () => {
    app = await startJourneyApp({ clock, catalog: withCalendar });
  });
  afterAll(async () => {
    await app?.close();
  });

  const submitAt = async (iso: string, code: string) => {
    clock.advance(Date.parse(iso) - clock.now());
    const sessionId = await startSession(app);
    const r = await app.core.dispatch('dossier.submit', dossierArgs(sessionId, code));
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { submittedAt: string; appointmentDate: string | null };
  };

  it('3 working days from a Friday skip the weekend and the two holidays', async () => {
    const r = await submitAt('2026-08-28T03:00:00Z', '1.004837');
    expect(r.submittedAt).toBe('2026-08-28T03:00:00.000Z');
    // Mon 31 (1), Tue 1 and Wed 2 holidays, Thu 3 (2), Fri 4 (3)
    expect(r.appointmentDate).toBe('2026-09-04');
  });

  it('the day is the Vietnamese one: 18:30 UTC on Friday is already Saturday in Hà Nội', async () => {
    // received on the next working day, Monday 31; "immediately" means that day
    expect((await submitAt('2026-08-28T18:30:00Z', '2.000635')).appointmentDate).toBe('2026-08-31');
  });

  it('a compensatory Saturday counts as a working day', async () => {
    // Thu 3 → Fri 4 (1), Sat 5 worked (2)
    expect((await submitAt('2026-09-03T02:00:00Z', '1.004845')).appointmentDate).toBe('2026-09-05');
  });

  it('the receipt date is kept for tracking', async () => {
    clock.advance(Date.parse('2026-09-07T02:00:00Z') - clock.now());
    const sessionId = await startSession(app);
    const r = await app.core.dispatch('dossier.submit', dossierArgs(sessionId, '1.004837'));
    if (!r.ok) throw new Error(r.error.message);
    const { localCode, appointmentDate } = r.value as { localCode: string; appointmentDate: string };
    expect(appointmentDate).toBe('2026-09-10');
    const tracked = await app.core.dispatch('dossier.track', { sessionId, code: localCode });
    expect(tracked).toMatchObject({ ok: true, value: { localCode, appointmentDate: '2026-09-10', procedureCode: '1.004837' } });
  });
});

describe('the catalog at start and on reload', () => {
  let app: JourneyApp;
  const events: KioskEvent[] = [];
  beforeAll(async () => {
    app = await startJourneyApp({ site: (s) => ({ ...s, procedures: { enabled: ['2.000635'] } }) });
    app.core.onEvent((e) => events.push(e));
  });
  afterAll(async () => {
    await app?.close();
  });

  const codes = async () => {
    const r = await app.core.dispatch('catalog.get', {});
    return r.ok ? (r.value as { procedures: { code: string }[] }).procedures.map((p) => p.code) : r.error.kind;
  };
  const reloadSite = async (enabled: string[]) => {
    const site = JSON.parse(await readFile(app.sitePath, 'utf8'));
    site.procedures.enabled = enabled;
    await writeFile(app.sitePath, JSON.stringify(site));
    const seen = events.length;
    expect(await app.config.reload()).toMatchObject({ ok: true });
    await expect.poll(() => events.slice(seen).some((e) => e.type === 'config.changed')).toBe(true);
  };

  it('a site that enables another procedure gets it in the catalog by the time config.changed is heard', async () => {
    expect(await codes()).toEqual(['2.000635']);
    await reloadSite(['2.000635', '1.004837']);
    expect(await codes()).toEqual(['2.000635', '1.004837']);
  });

  it('a catalog that became invalid is refused on reload and the last good one keeps running', async () => {
    const file = join(app.configRoot, 'catalog', 'catalog.json');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace('"schemaVersion": 1', '"schemaVersion": 2').replace('"schemaVersion":1', '"schemaVersion":2'));
    await reloadSite(['2.000635']);
    expect(await codes()).toEqual(['2.000635', '1.004837']);
    await writeFile(file, good);
  });

  it('an invalid catalog stops the kiosk at start with ConfigInvalid naming the file, the field and the rule', async () => {
    const file = join(app.configRoot, 'catalog', 'catalog.json');
    const catalog = JSON.parse(await readFile(file, 'utf8')) as CatalogInput;
    const broken = { ...catalog, procedures: catalog.procedures.map((p, i) => (i === 0 ? { ...p, delivery: [] } : p)) };
    await writeFile(file, JSON.stringify(broken));
    const r = await createApp(
      { sitePath: app.sitePath, configRoot: app.configRoot, dataDir: join(app.dataDir, 'second'), secretsPath: join(app.dataDir, 'secrets.json'), shell: 'browser-host' },
      { log: silentLogger },
    );
    expect(r).toMatchObject({ ok: false, error: { kind: 'ConfigInvalid', issues: [{ path: 'procedures.0.delivery', rule: 'must allow at least one delivery method' }] } });
    if (!r.ok) expect(r.error.message).toMatch(/catalog\.json: procedures\.0\.delivery: must allow at least one delivery method/);
  });
});
