import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatConfigError, loadSiteConfig, parseSiteConfig } from '../../../main/config/load-site.js';
import { readSite, repoRoot, setAt, sitePath, withTmpDir } from './site-fixtures.js';

// every procedure of kiosk-config/catalog/catalog.json, in the catalog's order
const PROCEDURES = [
  '1.000894', '1.004746', '1.004837', '1.004845', '1.004873', '2.000635', '1.013225', 'LOCAL-GPXD-SUACHUA',
  'LOCAL-LDVH-THICONG', 'LOCAL-LDVH-GIUXE', 'LOCAL-LDVH-SUKIEN', '1.013792', 'LOCAL-TCDT-SUADOI', 'LOCAL-TCDT-GIAHAN', 'LOCAL-TCDT-CAPLAI',
];
const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (s: string): number => s.trim().split(/\s+/).length;

describe('the site files in kiosk-config/sites', () => {
  it('embedded.json is valid and runs on simulators only', async () => {
    const result = await loadSiteConfig(sitePath('embedded'));
    if (!result.ok) throw new Error(formatConfigError(result.error));
    const site = result.value;
    expect(site.site.id).toBe('embedded');
    expect(site.kiosk.id).toBe('KIOSK01');
    expect(site.locale).toEqual({ default: 'vi', available: ['vi', 'en'] });
    expect([site.timeouts.idleSeconds, site.timeouts.warningSeconds]).toEqual([90, 20]);
    expect(site.devices).toEqual({ printer: { kind: 'simulator', host: '127.0.0.1', port: 9100 }, scanner: { kind: 'simulator' }, idReader: { kind: 'simulator' } });
    expect(site.city).toMatchObject({ baseUrl: 'http://127.0.0.1:8443/v1', auth: { type: 'none' }, simulator: true });
    expect(site.procedures.enabled).toEqual(PROCEDURES);
  });

  it('embedded.json has 4–6 short attract slides, Vietnamese with tone marks and English', async () => {
    const result = await loadSiteConfig(sitePath('embedded'));
    if (!result.ok) throw new Error(result.error.message);
    const slides = result.value.attract.slides;
    expect(slides.length).toBeGreaterThanOrEqual(4);
    expect(slides.length).toBeLessThanOrEqual(6);
    for (const slide of slides) {
      expect(words(slide.title.vi), slide.title.vi).toBeLessThanOrEqual(8);
      expect(words(slide.body.vi), slide.body.vi).toBeLessThanOrEqual(30);
      expect(`${slide.title.vi} ${slide.body.vi}`).toMatch(VIETNAMESE);
      expect(slide.title.en).not.toMatch(VIETNAMESE);
    }
  });

  it('test-fast.json is embedded.json with short timeouts (a 10-second PIN lockout among them) and 3-second slides', async () => {
    const fast = await loadSiteConfig(sitePath('test-fast'));
    if (!fast.ok) throw new Error(formatConfigError(fast.error));
    expect(fast.value.site.id).toBe('test-fast');
    expect(fast.value.kiosk.id).toBe('TEST01');
    expect([fast.value.timeouts.idleSeconds, fast.value.timeouts.warningSeconds, fast.value.timeouts.pinLockoutSeconds]).toEqual([15, 10, 10]);
    expect(fast.value.attract.slides.map((s) => s.durationSeconds)).toEqual(fast.value.attract.slides.map(() => 3));
    // port 0: the printer simulator takes a free port, so several test kiosks can run at once
    expect(fast.value.devices.printer).toMatchObject({ kind: 'simulator', port: 0 });
    expect(fast.value.city).toMatchObject({ simulator: true, baseUrl: 'http://127.0.0.1:0/v1' });

    // everything else must stay the same, or the end-to-end tests stop testing the default kiosk
    const embedded = await readSite('embedded');
    const raw = await readSite('test-fast');
    for (const [path, value] of [['site.id', 'embedded'], ['kiosk.id', 'KIOSK01'], ['timeouts.idleSeconds', 90], ['timeouts.warningSeconds', 20], ['timeouts.pinLockoutSeconds', 300], ['devices.printer.port', 9100], ['city.baseUrl', 'http://127.0.0.1:8443/v1']] as const) {
      setAt(raw, path, value);
    }
    const slides = raw.attract as { slides: Array<Record<string, unknown>> };
    for (const slide of slides.slides) slide.durationSeconds = 8;
    expect(raw).toEqual(embedded);
  });
});

describe('loadSiteConfig failures', () => {
  it('names a missing file', async () => {
    const result = await loadSiteConfig('kiosk-config/sites/no-such-site.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'ConfigInvalid', file: 'kiosk-config/sites/no-such-site.json', issues: [{ path: '', rule: 'file not found' }] });
    expect(result.error.message).toBe('kiosk-config/sites/no-such-site.json: file not found');
  });

  it('refuses a directory', async () => {
    await withTmpDir(async (dir) => {
      const result = await loadSiteConfig(dir);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toBe(`${dir}: is a directory, not a file`);
    });
  });

  it('reports bad JSON with the file, line and column', async () => {
    await withTmpDir(async (dir) => {
      const file = join(dir, 'lobby.json');
      await writeFile(file, '{\n  "schemaVersion": 1,\n  "site": { "id": "lobby", }\n}\n');
      const result = await loadSiteConfig(file);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(new RegExp(`^${escape(file)}: is not valid JSON at line 3, column 28: Expected`));
    });
  });

  it('reports a truncated file at its end', async () => {
    await withTmpDir(async (dir) => {
      const file = join(dir, 'cut.json');
      await writeFile(file, '{\n  "schemaVersion": 1,\n  "site": {');
      const result = await loadSiteConfig(file);
      if (!result.ok) expect(result.error.issues[0]?.rule).toMatch(/^is not valid JSON at line 3, column 12/);
      expect(result.ok).toBe(false);
    });
  });

  it('locates an unexpected token, for which V8 gives no position', async () => {
    await withTmpDir(async (dir) => {
      const file = join(dir, 'typo.json');
      await writeFile(file, '{"schemaVersion": tru}');
      const result = await loadSiteConfig(file);
      if (!result.ok) expect(result.error.message).toMatch(new RegExp(`^${escape(file)}: is not valid JSON at line 1, column 22: Unexpected token '}'$`));
      expect(result.ok).toBe(false);
    });
  });

  it('accepts a byte-order mark', async () => {
    await withTmpDir(async (dir) => {
      const file = join(dir, 'bom.json');
      await writeFile(file, `\uFEFF${JSON.stringify(await readSite('embedded'))}`);
      expect((await loadSiteConfig(file)).ok).toBe(true);
    });
  });

  it('names file, field and rule in one line, relative to the working directory', async () => {
    const site = await readSite('embedded');
    setAt(site, 'timeouts.idleSeconds', 14);
    setAt(site, 'timeouts.warningSeconds', 10);
    const result = parseSiteConfig(site, join(repoRoot, 'kiosk-config', 'sites', 'lobby.json'));
    expect(process.cwd()).toBe(repoRoot.replace(/[\\/]$/, ''));
    if (!result.ok) expect(result.error.message).toBe('kiosk-config/sites/lobby.json: timeouts.idleSeconds: must be at least 15 seconds');
    expect(result.ok).toBe(false);
  });

  it('lists every problem, one per line, and counts them in the message', async () => {
    await withTmpDir(async (dir) => {
      const file = join(dir, 'lobby.json');
      const site = await readSite('embedded');
      setAt(site, 'kiosk.id', 'k1');
      setAt(site, 'devices.printer.port', -1);
      setAt(site, 'colour', 'blue');
      await mkdir(dir, { recursive: true });
      await writeFile(file, JSON.stringify(site));
      const result = await loadSiteConfig(file);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.message).toBe(`${file}: kiosk.id: must be 2–12 upper-case letters or digits (and 2 more)`);
      expect(formatConfigError(result.error).split('\n').sort()).toEqual(
        [
          `${file}: kiosk.id: must be 2–12 upper-case letters or digits`,
          `${file}: devices.printer.port: must be between 0 and 65535`,
          `${file}: colour: unknown field (check its spelling; unknown fields are refused)`,
        ].sort(),
      );
    });
  });
});
