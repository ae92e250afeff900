import { describe, expect, it } from 'vitest';
import type { Catalog, Procedure } from '../../../common/catalog/catalog-schema.js';
import { Catalog as CatalogSchema } from '../../../common/catalog/catalog-schema.js';
import { readCatalogJson, shippedCatalog } from './catalog-fixtures.js';

// The procedures of shared/domain/procedures.md: its tables have fifteen rows (6 civil status
// + 9 formerly district), although its introduction speaks of sixteen services — see the
// catalog section of kiosk-config/README.md. Eight rows carry a national code.
const NATIONAL_CODES = ['1.000894', '1.004746', '1.004837', '1.004845', '1.004873', '2.000635', '1.013225', '1.013792'];
const FACT_ROWS = 15;

const byCode = (catalog: Catalog, code: string): Procedure => {
  const p = catalog.procedures.find((x) => x.code === code);
  if (p === undefined) throw new Error(`no procedure ${code}`);
  return p;
};

/** Every string in the document with the path that leads to it. */
function strings(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (Array.isArray(node)) return node.flatMap((x, i) => strings(x, `${path}.${i}`));
  if (typeof node === 'object' && node !== null) return Object.entries(node).flatMap(([k, v]) => strings(v, path === '' ? k : `${path}.${k}`));
  return [];
}

/** Every object that looks like a localized text ({vi, en}) or should be one. */
function texts(node: unknown, path = ''): [string, Record<string, unknown>][] {
  if (Array.isArray(node)) return node.flatMap((x, i) => texts(x, `${path}.${i}`));
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const here: [string, Record<string, unknown>][] = 'vi' in record || 'en' in record ? [[path, record]] : [];
  return [...here, ...Object.entries(record).flatMap(([k, v]) => texts(v, path === '' ? k : `${path}.${k}`))];
}

const VIETNAMESE_MARKS = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;

describe('kiosk-config/catalog/catalog.json', () => {
  it('validates against the Catalog schema', async () => {
    const parsed = CatalogSchema.safeParse(await readCatalogJson());
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('has one procedure per row of the facts, eight of them under their national codes', async () => {
    const catalog = await shippedCatalog();
    expect(catalog.procedures).toHaveLength(FACT_ROWS);
    const national = catalog.procedures.filter((p) => !p.code.startsWith('LOCAL-')).map((p) => p.code);
    expect(national.sort()).toEqual([...NATIONAL_CODES].sort());
    for (const p of catalog.procedures.filter((x) => x.code.startsWith('LOCAL-'))) expect(p.code).toMatch(/^LOCAL-[A-Z0-9-]+$/);
  });

  it('keeps what the facts did not find as unconfirmed', async () => {
    const c = await shippedCatalog();
    expect(byCode(c, '1.004746').timeLimit.kind).toBe('unconfirmed'); // re-registration of marriage
    expect(byCode(c, '1.004873').timeLimit.kind).toBe('unconfirmed'); // marital status certificate
    expect(byCode(c, 'LOCAL-GPXD-SUACHUA').timeLimit).toMatchObject({ kind: 'unconfirmed', note: { vi: expect.stringContaining('15 ngày') } });
    for (const code of ['1.013792', 'LOCAL-TCDT-SUADOI', 'LOCAL-TCDT-GIAHAN', 'LOCAL-TCDT-CAPLAI']) expect(byCode(c, code).fee.kind, code).toBe('unconfirmed');
  });

  it('carries the facts that were found', async () => {
    const c = await shippedCatalog();
    expect(byCode(c, '1.000894')).toMatchObject({ timeLimit: { kind: 'immediately' }, fee: { kind: 'exempt' }, delivery: ['counter'] });
    expect(byCode(c, '1.004837')).toMatchObject({ timeLimit: { kind: 'workingDays', days: 3 }, fee: { kind: 'exempt' } });
    expect(byCode(c, '1.004845')).toMatchObject({ timeLimit: { kind: 'workingDays', days: 2 }, fee: { kind: 'exempt' } });
    expect(byCode(c, '2.000635')).toMatchObject({ timeLimit: { kind: 'immediately' }, fee: { kind: 'fixed', amountVnd: 8000 } });
    expect(byCode(c, '1.013225')).toMatchObject({ timeLimit: { kind: 'days', days: 15 }, fee: { kind: 'provincial' } });
    expect(byCode(c, 'LOCAL-LDVH-THICONG').timeLimit).toMatchObject({ kind: 'workingDays', days: 5 });
    expect(byCode(c, 'LOCAL-LDVH-GIUXE').timeLimit).toMatchObject({ kind: 'workingDays', days: 9 });
    expect(byCode(c, '1.013792').timeLimit).toMatchObject({ kind: 'workingDays', days: 10 });
  });

  it('names the one-stop decree as a legal basis of every procedure', async () => {
    for (const p of (await shippedCatalog()).procedures) expect(p.legalBasis.map((l) => l.vi).join(' '), p.code).toContain('118/2025/NĐ-CP');
  });

  it('needs the printer everywhere, the scanner where there is something to scan, and never the ID reader', async () => {
    for (const p of (await shippedCatalog()).procedures) {
      expect(p.requiredDevices, p.code).toContain('printer');
      expect(p.requiredDevices, p.code).not.toContain('idReader');
      if (p.components.some((x) => x.pages.max > 0)) expect(p.requiredDevices, p.code).toContain('scanner');
    }
  });

  it('fills the applicant from the card, and asks the marriage form for the other spouse', async () => {
    const c = await shippedCatalog();
    for (const p of c.procedures) {
      const autofill = new Map(p.fields.map((f) => [f.autofill, f]));
      expect(autofill.get('fullName')?.required, p.code).toBe(true);
      expect(autofill.get('idNumber')?.type, p.code).toBe('idNumber');
      expect(autofill.get('dateOfBirth')?.type, p.code).toBe('date');
      expect(p.fields.some((f) => f.type === 'phone' || f.type === 'email'), `${p.code}: phone and email belong to the applicant, not the form`).toBe(false);
    }
    const marriage = byCode(c, '1.000894').fields.map((f) => f.id);
    expect(marriage).toEqual(expect.arrayContaining(['spouseFullName', 'spouseIdNumber']));
    expect(byCode(c, '1.013225').fields.map((f) => f.id)).toEqual(expect.arrayContaining(['constructionAddress', 'landParcelNumber']));
    expect(byCode(c, '2.000635').fields.map((f) => f.id)).toContain('copies');
    expect(byCode(c, '1.013792').fields.map((f) => f.id)).toContain('businessName');
  });

  it('gives every procedure 2–4 questions and answers', async () => {
    for (const p of (await shippedCatalog()).procedures) {
      expect(p.help.length, p.code).toBeGreaterThanOrEqual(2);
      expect(p.help.length, p.code).toBeLessThanOrEqual(4);
    }
  });

  it('has every text in Vietnamese and English, Vietnamese with its tone marks', async () => {
    const json = await readCatalogJson();
    const all = texts(json);
    expect(all.length).toBeGreaterThan(300);
    for (const [path, t] of all) {
      expect(Object.keys(t).sort(), path).toEqual(['en', 'vi']);
      expect(typeof t.vi === 'string' && t.vi.trim() !== '', path).toBe(true);
      expect(typeof t.en === 'string' && t.en.trim() !== '', path).toBe(true);
    }
    const names = (await shippedCatalog()).procedures.map((p) => p.name);
    for (const n of names) {
      expect(n.vi, n.en).toMatch(VIETNAMESE_MARKS);
      expect(n.en, n.en).not.toMatch(VIETNAMESE_MARKS);
    }
  });

  it('is NFC throughout', async () => {
    for (const [path, s] of strings(await readCatalogJson())) expect(s === s.normalize('NFC'), path).toBe(true);
  });

  it('lists the 2026 and 2027 public holidays, sorted and on real dates', async () => {
    const c = await shippedCatalog();
    expect([...c.holidays].sort()).toEqual(c.holidays);
    for (const day of ['2026-01-01', '2026-02-17', '2026-04-30', '2026-05-01', '2026-09-02', '2027-01-01', '2027-02-06', '2027-04-16', '2027-09-02']) {
      expect(c.holidays, day).toContain(day);
    }
  });

  it('asks consent per purpose, the postal one only for postal delivery, under Law 91/2025/QH15', async () => {
    const { consent } = await shippedCatalog();
    expect(consent.version).toBe('2026-01-01');
    expect(consent.intro.vi).toContain('91/2025/QH15');
    expect(consent.purposes.map((p) => p.id)).toEqual(['giai-quyet-ho-so', 'gui-ket-qua-buu-chinh', 'lien-he-ve-ho-so']);
    expect(consent.purposes.find((p) => p.id === 'gui-ket-qua-buu-chinh')?.deliveryMethod).toBe('postal');
  });
});
