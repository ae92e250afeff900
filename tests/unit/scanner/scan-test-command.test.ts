import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScanTest } from '../../../scripts/commands/scan-test.js';
import { hasScanimage, makeSaneFixture } from './sane-fixture.js';
import type { SaneFixture } from './sane-fixture.js';

const capture = () => {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) } } };
};

let fx: SaneFixture;
beforeAll(() => {
  fx = makeSaneFixture();
});
afterAll(() => fx.cleanup());

describe('kiosk scan-test', () => {
  it.skipIf(!hasScanimage)('scans one page from test:0, writes a one-page PDF and prints size and flags', async () => {
    const pdf = join(fx.root, 'one.pdf');
    const { out, io } = capture();
    const code = await runScanTest(['--device', 'test:0', '--sane-config-dir', fx.saneConfigDir, '--dpi', '50', '--out', pdf, '--', '--test-picture', 'Grid'], io);
    expect([code, out.stderr]).toEqual([0, '']);
    expect(out.stdout).toMatch(/scanned 1 page\(s\) on sane:test:0/);
    expect(out.stdout).toMatch(/page 1: 393×393 px at 50 dpi, mean grey \d+, ok/);
    expect(out.stdout).toContain(`PDF: ${pdf} (1 page(s)`);
    expect((await PDFDocument.load(readFileSync(pdf))).getPageCount()).toBe(1);
  });

  it.skipIf(!hasScanimage)('says what failed and exits 1 for a device that is not there', async () => {
    const { out, io } = capture();
    const code = await runScanTest(['--device', 'nosuch:0', '--sane-config-dir', fx.saneConfigDir, '--out', join(fx.root, 'none.pdf')], io);
    expect(code).toBe(1);
    expect(out.stderr).toMatch(/scan failed on sane:nosuch:0: NoDevice/);
    expect(existsSync(join(fx.root, 'none.pdf'))).toBe(false);
  });

  it('uses the site file’s scanner: the embedded site’s simulator', async () => {
    const pdf = join(fx.root, 'sim.pdf');
    const { out, io } = capture();
    const code = await runScanTest(['--config', 'kiosk-config/sites/embedded.json', '--dpi', '40', '--out', pdf], io);
    expect([code, out.stderr]).toEqual([0, '']);
    expect(out.stdout).toMatch(/on simulator .*\npage 1: 331×468 px at 40 dpi, mean grey \d+, ok\n/);
  });

  it('refuses bad usage with exit 2', async () => {
    const { out, io } = capture();
    expect(await runScanTest(['--dpi', 'many'], io)).toBe(2);
    expect(out.stderr).toMatch(/usage: kiosk scan-test/);
  });
});
