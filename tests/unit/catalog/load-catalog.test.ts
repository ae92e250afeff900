import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatConfigError, loadCatalog } from '../../../main/catalog/load-catalog.js';
import { loadSiteConfig } from '../../../main/config/load-site.js';
import { catalogPath, configRoot, readCatalogJson } from './catalog-fixtures.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-catalog-test-'));
  await mkdir(join(dir, 'catalog'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const brokenCopy = async (edit: (json: Record<string, unknown>) => void): Promise<string> => {
  const json = await readCatalogJson();
  edit(json);
  await writeFile(join(dir, 'catalog', 'catalog.json'), JSON.stringify(json, null, 2));
  return join(dir, 'catalog', 'catalog.json');
};
type Rec = Record<string, unknown>;
const procedure = (json: Rec, i: number): Rec => (json.procedures as Rec[])[i] as Rec;

describe('loadCatalog', () => {
  it('loads the embedded site\u2019s procedures from the shipped catalog, in the site\u2019s order', async () => {
    const site = await loadSiteConfig(join(configRoot, 'sites', 'embedded.json'));
    if (!site.ok) throw new Error(site.error.message);
    const enabled = site.value.procedures.enabled;
    const r = await loadCatalog(configRoot, enabled);
    if (!r.ok) throw new Error(formatConfigError(r.error));
    expect(r.value.procedures.map((p) => p.code)).toEqual(enabled);
    expect(r.value.procedures).toHaveLength(15);
  });

  it('keeps only the enabled procedures, in the given order, with categories and agencies whole', async () => {
    const r = await loadCatalog(configRoot, ['2.000635', '1.000894']);
    if (!r.ok) throw new Error(formatConfigError(r.error));
    expect(r.value.procedures.map((p) => p.code)).toEqual(['2.000635', '1.000894']);
    const full = JSON.parse(await readFile(catalogPath, 'utf8')) as { categories: unknown[]; agencies: unknown[] };
    expect(r.value.categories).toHaveLength(full.categories.length);
    expect(r.value.agencies).toHaveLength(full.agencies.length);
  });

  it('refuses an enabled code the catalog does not have, naming the code', async () => {
    const r = await loadCatalog(configRoot, ['1.000894', '9.999999']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('ConfigInvalid');
    expect(r.error.issues).toEqual([{ path: 'procedures', rule: expect.stringContaining('"9.999999"') }]);
    expect(r.error.message).toContain('catalog.json');
  });

  it('names the file, the field and the rule of a broken copy', async () => {
    const file = await brokenCopy((json) => {
      const p = procedure(json, 2);
      p.timeLimit = { kind: 'workingDays', days: 0 };
      delete (p.name as Rec).en;
    });
    const r = await loadCatalog(dir, ['1.000894']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.file).toBe(file);
    const issues = new Map(r.error.issues.map((i) => [i.path, i.rule]));
    expect(issues.get('procedures.2.timeLimit.days')).toBe('must be at least 1');
    expect(issues.get('procedures.2.name.en')).toBe('is required');
    expect(formatConfigError(r.error)).toContain(`${file}: procedures.2.timeLimit.days: must be at least 1`);
  });

  it('refuses a procedure whose agency is not in the agencies list (the old district level, say)', async () => {
    await brokenCopy((json) => {
      procedure(json, 2).agency = 'ubnd-huyen';
    });
    const r = await loadCatalog(dir, ['1.000894']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.issues).toEqual([{ path: 'procedures.2.agency', rule: expect.stringMatching(/^must be one of the agencies \(ubnd-xa, /) }]);
  });

  it('refuses an unknown field, a bad code and an invalid pattern', async () => {
    await brokenCopy((json) => {
      procedure(json, 0).timeLimt = { kind: 'immediately' };
      procedure(json, 1).code = '1.4746';
      ((procedure(json, 5).fields as Rec[])[0] as Rec).pattern = '[0-9';
    });
    const r = await loadCatalog(dir, ['1.000894']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const issues = new Map(r.error.issues.map((i) => [i.path, i.rule]));
    expect(issues.get('procedures.0.timeLimt')).toMatch(/^unknown field/);
    expect(issues.get('procedures.1.code')).toMatch(/^must be a national code/);
    expect(issues.get('procedures.5.fields.0.pattern')).toBe('must be a valid regular expression');
  });

  it('a missing file and broken JSON name the file', async () => {
    const missing = await loadCatalog(join(dir, 'nowhere'), ['1.000894']);
    expect(missing).toMatchObject({ ok: false, error: { issues: [{ path: '', rule: 'file not found' }] } });
    await writeFile(join(dir, 'catalog', 'catalog.json'), '{ "schemaVersion": 1,\n  "version": }');
    const broken = await loadCatalog(dir, ['1.000894']);
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.error.message).toMatch(/catalog\.json: is not valid JSON at line 2/);
  });
});
