import { z } from 'zod';
import { kioskError } from '../errors.js';
import type { KioskError } from '../errors.js';
import { err, ok } from '../result.js';
import type { Result } from '../result.js';

// A receipt as data: the core builds it, the printer adapter turns it into ESC/POS, the
// simulator and diagnostics preview it. Nothing here knows bytes or code pages.

/** Printable ASCII: what a QR (through `GS ( k`) and CODE128 set B carry byte for byte. */
const printableAscii = /^[\x20-\x7e]+$/;

export const TextAlign = z.enum(['left', 'center', 'right']);
export type TextAlign = z.infer<typeof TextAlign>;
export const TextSize = z.enum(['normal', 'doubleHeight', 'doubleWidth', 'double']);
export type TextSize = z.infer<typeof TextSize>;

export const TextBlock = z.strictObject({
  type: z.literal('text'),
  text: z.string().max(2000, 'must be at most 2000 characters'),
  bold: z.boolean().default(false),
  underline: z.boolean().default(false),
  invert: z.boolean().default(false),
  align: TextAlign.default('left'),
  size: TextSize.default('normal'),
});
export const SeparatorBlock = z.strictObject({ type: z.literal('separator') });
export const QrBlock = z.strictObject({
  type: z.literal('qr'),
  // the native `GS ( k` path counts bytes as characters (node-thermal-printer), so only ASCII
  payload: z.string().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters').regex(printableAscii, 'must be printable ASCII (a code or a URL)'),
  /** module size in printer dots */
  cellSize: z.number().int('must be a whole number').min(2, 'must be at least 2 dots').max(8, 'must be at most 8 dots').default(6),
  align: TextAlign.default('center'),
});
export const BarcodeBlock = z.strictObject({
  type: z.literal('barcode'),
  symbology: z.literal('CODE128').default('CODE128'),
  data: z.string().min(1, 'must not be empty').max(40, 'must be at most 40 characters').regex(printableAscii, 'must be printable ASCII'),
  heightDots: z.number().int('must be a whole number').min(24, 'must be at least 24 dots').max(255, 'must be at most 255 dots').default(80),
  showText: z.boolean().default(true),
  align: TextAlign.default('center'),
});
export const LogoSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('png'), base64: z.string().min(1, 'must not be empty').regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64') }),
  z.strictObject({ kind: z.literal('named'), name: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a logo name: lower-case letters, digits and dashes') }),
], { error: 'must be png or named' });
export const LogoBlock = z.strictObject({
  type: z.literal('logo'),
  source: LogoSource,
  /** scaled down to this width at most; never up */
  maxWidthDots: z.number().int('must be a whole number').min(8, 'must be at least 8 dots').max(832, 'must be at most 832 dots').default(384),
  align: TextAlign.default('center'),
});
export const FeedBlock = z.strictObject({
  type: z.literal('feed'),
  lines: z.number().int('must be a whole number').min(1, 'must be at least 1 line').max(20, 'must be at most 20 lines').default(1),
});
export const CutBlock = z.strictObject({ type: z.literal('cut'), partial: z.boolean().default(false) });

export const ReceiptBlock = z.discriminatedUnion('type', [TextBlock, SeparatorBlock, QrBlock, BarcodeBlock, LogoBlock, FeedBlock, CutBlock], {
  error: 'must be one of text, separator, qr, barcode, logo, feed, cut',
});
export type ReceiptBlock = z.infer<typeof ReceiptBlock>;
export type ReceiptBlockInput = z.input<typeof ReceiptBlock>;

export const ReceiptDoc = z.strictObject({
  blocks: z.array(ReceiptBlock).min(1, 'must have at least one block').max(500, 'must have at most 500 blocks'),
});
export type ReceiptDoc = z.infer<typeof ReceiptDoc>;
export type ReceiptDocInput = z.input<typeof ReceiptDoc>;

export type TextBlock = z.infer<typeof TextBlock>;
export type QrBlock = z.infer<typeof QrBlock>;
export type BarcodeBlock = z.infer<typeof BarcodeBlock>;
export type LogoBlock = z.infer<typeof LogoBlock>;

/** Validates data that crosses a boundary (IPC, a stored dossier) and fills the defaults. */
export const validateReceiptDoc = (input: unknown): Result<ReceiptDoc, KioskError> => {
  const parsed = ReceiptDoc.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), rule: i.message }));
  return err(kioskError('InvalidArguments', `receipt: ${issues.map((i) => `${i.path}: ${i.rule}`).join('; ')}`, { issues }));
};

// Builders: the core writes `receipt(text('…', {bold: true}), separator(), qr(code), cut())`.
type Options<B> = Partial<Omit<B, 'type'>>;
export const text = (value: string, opts: Options<z.input<typeof TextBlock>> = {}): ReceiptBlockInput => ({ type: 'text', ...opts, text: value });
export const separator = (): ReceiptBlockInput => ({ type: 'separator' });
export const qr = (payload: string, opts: Options<z.input<typeof QrBlock>> = {}): ReceiptBlockInput => ({ type: 'qr', ...opts, payload });
export const barcode = (data: string, opts: Options<z.input<typeof BarcodeBlock>> = {}): ReceiptBlockInput => ({ type: 'barcode', ...opts, data });
export const namedLogo = (name: string, opts: Options<z.input<typeof LogoBlock>> = {}): ReceiptBlockInput => ({ type: 'logo', ...opts, source: { kind: 'named', name } });
export const pngLogo = (base64: string, opts: Options<z.input<typeof LogoBlock>> = {}): ReceiptBlockInput => ({ type: 'logo', ...opts, source: { kind: 'png', base64 } });
export const feed = (lines = 1): ReceiptBlockInput => ({ type: 'feed', lines });
export const cut = (partial = false): ReceiptBlockInput => ({ type: 'cut', partial });

/** Builds and validates in one go; throws on a programming error (use validateReceiptDoc for outside data). */
export const receipt = (...blocks: ReceiptBlockInput[]): ReceiptDoc => {
  const r = validateReceiptDoc({ blocks });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
