import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { kioskError } from '../../common/errors.js';
import type { KioskError } from '../../common/errors.js';
import type { BarcodeBlock, LogoBlock, ReceiptBlock, ReceiptDoc, TextAlign, TextBlock } from '../../common/receipt/receipt-doc.js';
import { err, ok } from '../../common/result.js';
import type { Result } from '../../common/result.js';
import { encodeCp1258 } from './cp1258.js';
import { gsV0, paperWidth, renderLogo, renderQr, renderSeparator, renderTextBlock } from './raster-text.js';
import type { ReceiptFont } from './receipt-font.js';

// ReceiptDoc → one ESC/POS buffer. node-thermal-printer builds the plain commands (init,
// alignment, emphasis, QR, cut); its text and code-page paths are bypassed because they
// mangle Vietnamese (HARDWARE-NOTES): text goes in as our own raster or CP1258 bytes.

export type TextMode = 'raster' | 'cp1258';

/**
 * `ESC t 52` selects WPC1258 in Epson's ESC/POS character code table (reference.epson-biz.com,
 * "ESC t": 52 = WPC1258 Vietnamese); node-thermal-printer's epson-config uses the same number.
 * Clones differ, so the number is an option.
 */
export const EPSON_WPC1258 = 52;

export interface EncodeOptions {
  textMode: TextMode;
  widthDots: number;
  /** raster mode: the face the text is drawn with */
  font: ReceiptFont;
  fontSizeDots?: number;
  /** cp1258 mode: the `ESC t` number of WPC1258 on this printer */
  codePage?: number;
  /** `native` sends ASCII payloads with `GS ( k`; `raster` draws the QR (printers without QR support) */
  qr?: 'native' | 'raster';
  /** PNG bytes for `{kind: 'named'}` logos */
  logos?: Readonly<Record<string, Uint8Array>>;
  /** finish with a cut if the document does not: a kiosk receipt is always torn off */
  ensureCut?: boolean;
}

export interface EncodedReceipt {
  bytes: Buffer;
  /** cp1258 mode: characters sent as '?' */
  unencodable: string[];
}

const LF = Buffer.from([0x0a]);
/** ESC @: initialise (not in the library's typings) */
const ESC_AT = Buffer.from([0x1b, 0x40]);
const escT = (n: number): Buffer => Buffer.from([0x1b, 0x74, n]);

const alignCmd = (a: TextAlign): Buffer => Buffer.from([0x1b, 0x61, a === 'left' ? 0 : a === 'center' ? 1 : 2]);

/** `ESC !` print mode: bit 3 emphasis, bit 4 double height, bit 5 double width, bit 7 underline. */
const printMode = (b: TextBlock): Buffer => {
  const h = b.size === 'doubleHeight' || b.size === 'double' ? 0x10 : 0;
  const w = b.size === 'doubleWidth' || b.size === 'double' ? 0x20 : 0;
  return Buffer.from([0x1b, 0x21, (b.bold ? 0x08 : 0) | h | w | (b.underline ? 0x80 : 0)]);
};

/** Word wrap by letters (NFC), for the printer's own font: 12 dots a column in font A. */
const wrapColumns = (text: string, columns: number): string[] => {
  const out: string[] = [];
  for (const paragraph of text.normalize('NFC').split('\n')) {
    let line = '';
    for (const word of paragraph.split(/(?<=\s)/u)) {
      const candidate = line + word;
      if ([...candidate.trimEnd()].length <= columns || line === '') line = candidate;
      else {
        out.push(line.trimEnd());
        line = word;
      }
      while ([...line].length > columns) {
        out.push([...line].slice(0, columns).join(''));
        line = [...line].slice(columns).join('');
      }
    }
    out.push(line.trimEnd());
  }
  return out;
};

/** CODE128 set B with `GS k 73` (the library's typings and code do not agree, so by hand). */
const code128 = (b: BarcodeBlock, paper: number): Buffer => {
  const modules = (b.data.length + 3) * 11 + 2; // start, data, check, stop
  const moduleWidth = Math.max(2, Math.min(4, Math.floor(paper / modules)));
  const payload = Buffer.from(`{B${b.data}`, 'ascii');
  return Buffer.concat([
    alignCmd(b.align),
    Buffer.from([0x1d, 0x48, b.showText ? 2 : 0, 0x1d, 0x66, 0, 0x1d, 0x77, moduleWidth, 0x1d, 0x68, b.heightDots]),
    Buffer.from([0x1d, 0x6b, 73, payload.length]),
    payload,
    LF,
  ]);
};

const logoPng = (b: LogoBlock, logos: Readonly<Record<string, Uint8Array>>): Result<Uint8Array, KioskError> => {
  if (b.source.kind === 'png') return ok(Buffer.from(b.source.base64, 'base64'));
  const named = logos[b.source.name];
  return named ? ok(named) : err(kioskError('InvalidArguments', `receipt: no logo named "${b.source.name}" is configured`));
};

export const encodeReceipt = async (doc: ReceiptDoc, opts: EncodeOptions): Promise<Result<EncodedReceipt, KioskError>> => {
  const paper = paperWidth(opts.widthDots);
  const columns = Math.floor(paper / 12);
  const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '/dev/null', width: columns });
  const unencodable: string[] = [];
  const codePage = escT(opts.codePage ?? EPSON_WPC1258);
  const start = (): void => {
    printer.add(ESC_AT);
    if (opts.textMode === 'cp1258') printer.add(codePage);
  };
  start();

  const blocks: ReceiptBlock[] = [...doc.blocks];
  if ((opts.ensureCut ?? true) && blocks.at(-1)?.type !== 'cut') blocks.push({ type: 'cut', partial: false });

  // raster bands are drawn concurrently (libvips threads), then appended in order
  const bands = await Promise.all(
    blocks.map((b) =>
      b.type === 'text' && opts.textMode === 'raster'
        ? renderTextBlock(b, { font: opts.font, widthDots: paper, fontSizeDots: opts.fontSizeDots })
        : undefined,
    ),
  );

  for (const [i, b] of blocks.entries()) {
    switch (b.type) {
      case 'text': {
        const band = bands[i];
        if (band) {
          printer.add(Buffer.concat([alignCmd('left'), gsV0(band)]));
          break;
        }
        const wide = b.size === 'doubleWidth' || b.size === 'double';
        const lines = wrapColumns(b.text, wide ? Math.floor(columns / 2) : columns);
        const chunks: Buffer[] = [alignCmd(b.align), printMode(b), Buffer.from([0x1d, 0x42, b.invert ? 1 : 0])];
        for (const line of lines) {
          const enc = encodeCp1258(line);
          unencodable.push(...enc.unencodable);
          chunks.push(Buffer.from(enc.bytes), LF);
        }
        chunks.push(Buffer.from([0x1b, 0x21, 0x00, 0x1d, 0x42, 0x00]), alignCmd('left'));
        printer.add(Buffer.concat(chunks));
        break;
      }
      case 'separator':
        if (opts.textMode === 'raster') printer.add(Buffer.concat([alignCmd('left'), gsV0(renderSeparator(paper))]));
        else printer.add(Buffer.concat([alignCmd('left'), Buffer.from('-'.repeat(columns), 'ascii'), LF]));
        break;
      case 'qr':
        if ((opts.qr ?? 'native') === 'native') {
          // ASCII only (validated): the library writes str.length as the byte count
          printer.add(alignCmd(b.align));
          printer.printQR(b.payload, { cellSize: b.cellSize, correction: 'M', model: 2 });
          printer.add(Buffer.concat([LF, alignCmd('left')]));
        } else {
          printer.add(Buffer.concat([alignCmd('left'), gsV0(renderQr(Buffer.from(b.payload, 'ascii'), b.cellSize, paper, b.align))]));
        }
        break;
      case 'barcode':
        printer.add(Buffer.concat([code128(b, paper), alignCmd('left')]));
        break;
      case 'logo': {
        const png = logoPng(b, opts.logos ?? {});
        if (!png.ok) return png;
        try {
          printer.add(Buffer.concat([alignCmd('left'), gsV0(await renderLogo(png.value, b.maxWidthDots, paper, b.align))]));
        } catch (e) {
          return err(kioskError('InvalidArguments', `receipt: logo is not a readable image (${(e as Error).message})`));
        }
        break;
      }
      case 'feed':
        printer.add(Buffer.from([0x1b, 0x64, b.lines]));
        break;
      case 'cut':
        if (b.partial) printer.partialCut();
        else printer.cut();
        // the library re-initialises after a cut (ESC @), which also resets the code page
        if (opts.textMode === 'cp1258') printer.add(codePage);
        break;
    }
  }
  return ok({ bytes: Buffer.from(printer.getBuffer()), unencodable });
};
