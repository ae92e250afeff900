import jsQR from 'jsqr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentDate, localDateOf } from '../../../common/catalog/working-days.js';
import type { ResultOf } from '../../../common/kiosk-api/contract.js';
import { renderTextBlock, type RasterImage } from '../../../hardware/printer/raster-text.js';
import { resolveReceiptFont } from '../../../hardware/printer/receipt-font.js';
import type { SimReceipt } from '../../../hardware/simulators/printer-sim/index.js';
import type { JourneyEvent } from '../../../main/core/journey-journal.js';
import { buildReceipt } from '../../../main/receipt/build-receipt.js';
import { dossierArgs, startJourneyApp, startSession, type JourneyApp } from '../../helpers/journey-app.js';

// dossier.submit checked against the catalog, and receipt.print through the real printer
// adapter → TCP → the printer simulator, which decodes the ESC/POS like a printer would.

let app: JourneyApp;
const journal: JourneyEvent[] = [];
const font = resolveReceiptFont();

beforeAll(async () => {
  app = await startJourneyApp();
  app.journal.on((e) => journal.push(e));
});
afterAll(async () => {
  await app?.close();
});

type Submitted = ResultOf<'dossier.submit'>;
const submit = async (sessionId: string, code: string, extra: Record<string, unknown> = {}): Promise<Submitted> => {
  const r = await app.core.dispatch('dossier.submit', dossierArgs(sessionId, code, extra));
  if (!r.ok) throw new Error(`submit failed: ${r.error.kind} ${JSON.stringify(r.error.issues)}`);
  return r.value as Submitted;
};

const nextReceipt = (): Promise<SimReceipt> =>
  new Promise((resolve) => {
    const off = app.devices.simulators.printer!.onReceipt((r) => {
      off();
      resolve(r);
    });
  });
const readQr = async (png: Buffer): Promise<string | undefined> => {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
};
const same = (a: RasterImage, b: RasterImage): boolean => a.width === b.width && a.height === b.height && Buffer.from(a.data).equals(Buffer.from(b.data));

describe('dossier.submit against the catalog', () => {
  it('a procedure the site does not offer is InvalidDossier on procedureCode', async () => {
    const sessionId = await startSession(app);
    expect(await app.core.dispatch('dossier.submit', dossierArgs(sessionId, '9.999999'))).toMatchObject({
      ok: false,
      error: { kind: 'InvalidDossier', issues: [{ path: 'procedureCode' }] },
    });
  });

  it('a delivery method the procedure does not allow, or post without address and phone, is InvalidDossier', async () => {
    const sessionId = await startSession(app);
    // marriage registration: both spouses come in person, the result only at the counter
    expect(await app.core.dispatch('dossier.submit', dossierArgs(sessionId, '1.000894', { delivery: { method: 'postal', address: 'x', phone: '0901234567' } }))).toMatchObject({
      ok: false,
      error: { kind: 'InvalidDossier', issues: [{ path: 'delivery.method', rule: expect.stringContaining('counter') }] },
    });
    expect(await app.core.dispatch('dossier.submit', dossierArgs(sessionId, '1.004837', { delivery: { method: 'postal' } }))).toMatchObject({
      ok: false,
      error: { kind: 'InvalidDossier', issues: [{ path: 'delivery.address' }, { path: 'delivery.phone' }] },
    });
    expect(await app.core.dispatch('dossier.submit', dossierArgs(sessionId, '2.000635', { components: ['ho-chieu'] }))).toMatchObject({
      ok: false,
      error: { kind: 'InvalidDossier', issues: [{ path: 'components.ho-chieu' }] },
    });
    expect(await app.outbox.counts()).toMatchObject({ counts: { submitted: 0 } });
  });

  it('a kept dossier comes back with its appointment date and a tracking QR that is the local code; the journal counts it', async () => {
    const sessionId = await startSession(app);
    const r = await submit(sessionId, '1.004837', { delivery: { method: 'postal', address: '12 Hàng Bạc, Hà Nội', phone: '0901234567' } });
    expect(r.localCode).toMatch(/^TEST01-\d{6}-\d{4}$/);
    expect(r.trackingQr).toBe(r.localCode);
    const { holidays, extraWorkingDays } = app.catalog.current;
    expect(r.appointmentDate).toBe(appointmentDate(localDateOf(r.submittedAt), { kind: 'workingDays', days: 3 }, { holidays, extraWorkingDays }));
    expect(journal.filter((e) => e.type === 'dossier.submitted').at(-1)).toEqual({ type: 'dossier.submitted', sessionId, procedureCode: '1.004837', assisted: false, at: expect.any(Number) });
    // an unconfirmed time limit gives no date rather than an invented one
    expect((await submit(sessionId, '1.004873')).appointmentDate).toBeNull();
  });
});

describe('receipt.print', () => {
  it('prints the receipt on the printer: Vietnamese lines with their tone marks, and the QR reads back as the tracking code', async () => {
    const sessionId = await startSession(app);
    const d = await submit(sessionId, '2.000635');
    const printed = nextReceipt();
    expect(await app.core.dispatch('receipt.print', { sessionId, localCode: d.localCode })).toEqual({ ok: true, value: { printed: true } });
    const got = await printed;

    // what the builder laid out is what came out of the printer, line for line
    const site = app.config.current;
    const expected = buildReceipt({
      siteName: site.site.name,
      localCode: d.localCode,
      procedure: { code: '2.000635', name: app.catalog.procedure('2.000635')!.name },
      submittedAt: d.submittedAt,
      appointmentDate: d.appointmentDate,
      delivery: 'counter',
      trackingQr: d.trackingQr,
      hotline: site.hotline,
    });
    const bands = got.elements.flatMap((e) => (e.kind === 'raster' ? [e.image] : []));
    const wanted = ['BIÊN NHẬN HỒ SƠ', d.localCode, 'Cấp bản sao trích lục hộ tịch', 'Hẹn trả kết quả', 'Đường dây nóng / Hotline: 1022'];
    const blocks = expected.blocks.flatMap((b) => (b.type === 'text' && wanted.some((w) => b.text.startsWith(w)) ? [b] : []));
    expect(blocks).toHaveLength(wanted.length);
    let at = 0;
    for (const block of blocks) {
      const reference = await renderTextBlock(block, { font, widthDots: 576 });
      const found = bands.findIndex((b, i) => i >= at && same(b, reference));
      expect(found, `printed line "${block.text}"`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
    // a toneless spelling would be a different picture: the marks are really there
    const toneless = await renderTextBlock({ ...blocks[0]!, text: 'BIEN NHAN HO SO' }, { font, widthDots: 576 });
    expect(bands.some((b) => same(b, toneless))).toBe(false);
    expect(got.elements.filter((e) => e.kind === 'qr')).toEqual([expect.objectContaining({ payload: d.trackingQr })]);
    expect(await readQr(got.png)).toBe(d.trackingQr);
  });

  it('only for a dossier submitted in this session, and only while it lives', async () => {
    const first = await startSession(app);
    const d = await submit(first, '2.000635');
    const second = await startSession(app);
    expect(await app.core.dispatch('receipt.print', { sessionId: second, localCode: d.localCode })).toMatchObject({ ok: false, error: { kind: 'DossierNotFound' } });
    expect(await app.core.dispatch('receipt.print', { sessionId: first, localCode: d.localCode })).toMatchObject({ ok: false, error: { kind: 'SessionNotFound' } });
  });

  it('paper out: PaperOut (the screen shows code and QR), a device.error for statistics; reprint works once paper is back', async () => {
    const sim = app.devices.simulators.printer!;
    const sessionId = await startSession(app);
    const d = await submit(sessionId, '2.000635');
    sim.setState({ paper: 'out' });
    const before = sim.stats().printed;
    expect(await app.core.dispatch('receipt.print', { sessionId, localCode: d.localCode })).toMatchObject({ ok: false, error: { kind: 'PaperOut' } });
    expect(sim.stats().printed).toBe(before);
    expect(journal.filter((e) => e.type === 'device.error').at(-1)).toEqual({ type: 'device.error', device: 'printer', kind: 'PaperOut', at: expect.any(Number) });

    sim.setState({ paper: 'ok' });
    const printed = nextReceipt();
    expect(await app.core.dispatch('receipt.print', { sessionId, localCode: d.localCode })).toEqual({ ok: true, value: { printed: true } });
    expect(await readQr((await printed).png)).toBe(d.localCode);
  });

  it('cover open is CoverOpen', async () => {
    const sim = app.devices.simulators.printer!;
    const sessionId = await startSession(app);
    const d = await submit(sessionId, '2.000635');
    sim.setState({ coverOpen: true });
    expect(await app.core.dispatch('receipt.print', { sessionId, localCode: d.localCode })).toMatchObject({ ok: false, error: { kind: 'CoverOpen' } });
    sim.setState({ coverOpen: false });
  });
});
