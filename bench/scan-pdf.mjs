#!/usr/bin/env node
// Scanned pages → PDF: our pipeline (pagesToPdf) against bare sharp + pdf-lib doing the minimal
// equivalent (1-channel JPEG q60, embedJpg, one page each) on the same 10 pages in the same run.
// Pages: 10 sheets from SANE's test backend (Gray, 200 dpi, Grid) when scanimage is there,
// else the simulator's; the simulator's text-like pages are measured too, because the Grid
// picture compresses far better than paper does and bytes per page is about real paper.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { importTs } from './lib/import-ts.mjs';
import { median, round, writeResult } from './lib/results.mjs';

const RUNS = 9;
const DPI = 200;
const PAGES = 10;

const hasSane = () => {
  try {
    execFileSync('scanimage', ['--version'], { stdio: 'ignore' });
    readFileSync('/etc/sane.d/test.conf');
    return true;
  } catch {
    return false;
  }
};

const scanFromSane = async (ours, work) => {
  const conf = join(work, 'sane.d');
  mkdirSync(conf);
  writeFileSync(join(conf, 'dll.conf'), 'test\n');
  writeFileSync(join(conf, 'test.conf'), readFileSync('/etc/sane.d/test.conf'));
  const dir = join(work, 'sane-pages');
  mkdirSync(dir);
  const scanner = new ours.SaneScanner({ device: 'test:0', timeoutSeconds: 60, saneConfigDir: conf, extraArgs: ['--test-picture', 'Grid'] });
  const r = await scanner.scan({ source: 'feeder', maxPages: PAGES, dir, dpi: DPI });
  if (!r.ok) throw new Error(`SANE scan failed: ${r.error.kind}: ${r.error.message}`);
  return r.value.files.map((f) => readFileSync(f));
};

const generate = async (ours) => Promise.all(Array.from({ length: PAGES }, (_, i) => ours.simPagePng({ dpi: DPI, pageNumber: i + 1 })));

const bare = async (pngs) => {
  const jpegs = await Promise.all(pngs.map((p) => sharp(p).toColourspace('b-w').jpeg({ quality: 60 }).toBuffer({ resolveWithObject: true })));
  const doc = await PDFDocument.create();
  for (const { data, info } of jpegs) {
    const img = await doc.embedJpg(data);
    const w = (info.width / DPI) * 72;
    const h = (info.height / DPI) * 72;
    doc.addPage([w, h]).drawImage(img, { x: 0, y: 0, width: w, height: h });
  }
  return doc.save();
};

const measure = async (label, pngs, ours) => {
  const oursMs = [];
  const bareMs = [];
  let oursBytes = 0;
  let bareBytes = 0;
  // alternate, after one warm-up of each, so drift hits both alike
  await ours.pagesToPdf(pngs.map((image) => ({ image, dpi: DPI })));
  await bare(pngs);
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    oursBytes = (await ours.pagesToPdf(pngs.map((image) => ({ image, dpi: DPI })))).length;
    oursMs.push(performance.now() - t);
    t = performance.now();
    bareBytes = (await bare(pngs)).length;
    bareMs.push(performance.now() - t);
  }
  const ratio = median(oursMs) / median(bareMs);
  process.stdout.write(
    `${label}: ours ${round(median(oursMs))} ms, bare ${round(median(bareMs))} ms (×${round(ratio)}), ` +
      `${round(oursBytes / pngs.length / 1024, 1)} KB/page (bare ${round(bareBytes / pngs.length / 1024, 1)})\n`,
  );
  return { oursMs, bareMs, ratio, bytesPerPage: Math.round(oursBytes / pngs.length), bareBytesPerPage: Math.round(bareBytes / pngs.length) };
};

const ours = await importTs(
  'scan-pdf',
  `export { pagesToPdf } from './hardware/scanner/pages-to-pdf.ts';
export { SaneScanner } from './hardware/scanner/sane-scanner.ts';
export { simPagePng } from './hardware/simulators/scanner-sim-page.ts';`,
);
const work = mkdtempSync(join(tmpdir(), 'bench-scan-pdf-'));
try {
  const sane = hasSane();
  const source = sane ? 'SANE test backend (test:0, Gray 200 dpi, Grid, 200×200 mm)' : 'simulator (SANE absent): text-like A4 pages, Gray 200 dpi';
  process.stdout.write(`pages: ${PAGES} from ${source}\n`);
  const primary = await measure(sane ? 'SANE pages' : 'simulated pages', sane ? await scanFromSane(ours, work) : await generate(ours), ours);
  const realistic = sane ? await measure('simulated text-like A4 pages', await generate(ours), ours) : primary;
  writeResult('scan-pdf', {
    name: `${PAGES} scanned pages → PDF (pagesToPdf)`,
    unit: 'ms',
    target: 'ratio <= 1.2 x bare sharp+pdf-lib; <= 200 KB/page at 200 dpi gray',
    samples: primary.oursMs,
    extra: {
      pageSource: source,
      pages: PAGES,
      dpi: DPI,
      ratio: round(primary.ratio),
      bytesPerPage: primary.bytesPerPage,
      bareSamples: primary.bareMs.map((s) => round(s)),
      bareBytesPerPage: primary.bareBytesPerPage,
      realisticPages: {
        source: 'simulator text-like A4 pages, Gray 200 dpi',
        ratio: round(realistic.ratio),
        bytesPerPage: realistic.bytesPerPage,
        medianMs: round(median(realistic.oursMs)),
        bareMedianMs: round(median(realistic.bareMs)),
      },
    },
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
