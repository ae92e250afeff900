import { z } from 'zod';
import { Locale, LocalizedText } from '../domain/locale.js';

// The schema for `kiosk-config/sites/<id>.json`. Every rule carries a message in words a
// technician can act on; the loader prefixes it with the file and the field.
// Objects are strict: an unknown (usually misspelt) field is an error, because a typo in an
// optional field such as `durationSecond` would otherwise be dropped without a word.

// a simulator may listen on 0: the OS picks a free port (tests run several kiosks at once)
const SimPort = z.number().int('must be a whole number').min(0, 'must be between 0 and 65535').max(65535, 'must be between 0 and 65535');
const Port = z.number().int('must be a whole number').min(1, 'must be between 1 and 65535').max(65535, 'must be between 1 and 65535');
const Host = z.string().min(1, 'must name a host');
const Text = z.strictObject(LocalizedText.shape);

const noDuplicates = (items: readonly string[]): boolean => new Set(items).size === items.length;

export const TcpTransport = z.strictObject({ type: z.literal('tcp'), host: Host, port: Port });
export const SerialTransport = z.strictObject({
  type: z.literal('serial'),
  path: z.string().min(1, 'must name a serial device such as /dev/ttyACM0'),
  baudRate: z.number().int('must be a whole number').positive('must be a positive baud rate').default(9600),
});
export const UsbTransport = z.strictObject({
  type: z.literal('usb'),
  vendorId: z.number().int('must be a whole number').min(0, 'must be a 16-bit USB vendor id').max(0xffff, 'must be a 16-bit USB vendor id'),
  productId: z.number().int('must be a whole number').min(0, 'must be a 16-bit USB product id').max(0xffff, 'must be a 16-bit USB product id'),
});
export const FileTransport = z.strictObject({ type: z.literal('file'), path: z.string().min(1, 'must name a device file such as /dev/usb/lp0') });
export const Transport = z.discriminatedUnion('type', [TcpTransport, SerialTransport, UsbTransport, FileTransport], {
  error: 'must be one of tcp, serial, usb, file',
});

const Simulated = z.strictObject({ kind: z.literal('simulator') });
const Absent = z.strictObject({ kind: z.literal('none') });

export const PrinterConfig = z.discriminatedUnion('kind', [
  Simulated.extend({ port: SimPort.default(9100), host: Host.default('127.0.0.1') }),
  Absent,
  z.strictObject({
    kind: z.literal('escpos'),
    transport: Transport,
    /** raster renders text to an image (always right); cp1258 only for printers known to have that page */
    textMode: z.enum(['raster', 'cp1258'], { error: 'must be raster or cp1258' }).default('raster'),
    widthDots: z.number().int('must be a whole number').min(256, 'must be at least 256 dots').max(832, 'must be at most 832 dots').default(576),
  }),
], { error: 'must be one of simulator, none, escpos' });

export const ScannerConfig = z.discriminatedUnion('kind', [
  Simulated,
  Absent,
  z.strictObject({
    kind: z.literal('sane'),
    device: z.string().min(1, 'must name a SANE device such as test:0'),
    resolutionDpi: z.number().int('must be a whole number').min(75, 'must be at least 75 dpi').max(600, 'must be at most 600 dpi').default(200),
    timeoutSeconds: z.number().int('must be a whole number').min(5, 'must be at least 5 seconds').max(600, 'must be at most 600 seconds').default(60),
  }),
], { error: 'must be one of simulator, none, sane' });

export const IdReaderConfig = z.discriminatedUnion('kind', [
  Simulated,
  Absent,
  z.strictObject({
    kind: z.literal('serial-qr'),
    transport: SerialTransport,
    terminator: z.enum(['CR', 'LF', 'CRLF'], { error: 'must be CR, LF or CRLF' }).default('CR'),
  }),
  z.strictObject({ kind: z.literal('keyboard-wedge') }),
], { error: 'must be one of simulator, none, serial-qr, keyboard-wedge' });

export const CityAuth = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  // the token itself lives in the secrets file or KIOSK_CITY_TOKEN, never here
  z.strictObject({ type: z.literal('bearer') }),
  // certificate, key and CA paths live in the secrets file
  z.strictObject({ type: z.literal('mtls') }),
], { error: 'must be one of none, bearer, mtls' });

export const CityConfig = z.strictObject({
  // the contract's `servers` URL includes /v1 and every path is relative to it
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL, the contract server with /v1' })
    .refine((u) => !URL.canParse(u) || new URL(u).pathname.endsWith('/v1'), { message: 'must end with /v1, as the city API contract gives it' }),
  auth: CityAuth,
  /** start the local city simulator on baseUrl's port (embedded default, tests; port 0 = a free one) */
  simulator: z.boolean().default(false),
  connectTimeoutSeconds: z.number().min(1, 'must be at least 1 second').max(120, 'must be at most 120 seconds').default(10),
});

export const AttractSlide = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes'),
  title: Text,
  body: Text,
  durationSeconds: z.number().min(3, 'must be at least 3 seconds').max(120, 'must be at most 120 seconds').default(8),
});

export const SiteConfig = z.strictObject({
  schemaVersion: z.literal(1, { error: 'must be 1' }),
  site: z.strictObject({
    id: z.string().regex(/^[a-z0-9-]{2,40}$/, 'must be 2–40 lower-case letters, digits and dashes'),
    name: Text,
    address: z.string().optional(),
  }),
  kiosk: z.strictObject({
    // goes into every local receipt code, so keep it short and unambiguous
    id: z.string().regex(/^[A-Z0-9]{2,12}$/, 'must be 2–12 upper-case letters or digits'),
  }),
  locale: z.strictObject({
    default: Locale,
    available: z.array(Locale).min(1, 'must list at least one language').refine(noDuplicates, 'must not list the same language twice'),
  }).refine((l) => l.available.includes(l.default), { message: 'must be one of the languages in locale.available', path: ['default'] }),
  timeouts: z.strictObject({
    idleSeconds: z.number().int('must be a whole number').min(15, 'must be at least 15 seconds').max(600, 'must be at most 600 seconds'),
    warningSeconds: z.number().int('must be a whole number').min(5, 'must be at least 5 seconds').max(60, 'must be at most 60 seconds'),
    diagnosticsIdleSeconds: z.number().int('must be a whole number').min(30, 'must be at least 30 seconds').max(1800, 'must be at most 1800 seconds').default(300),
    // how long PIN entry stays locked after five wrong PINs in a row (every role)
    pinLockoutSeconds: z.number().int('must be a whole number').min(5, 'must be at least 5 seconds').max(3600, 'must be at most 3600 seconds').default(300),
  }).refine((t) => t.warningSeconds < t.idleSeconds, { message: 'must be shorter than idleSeconds', path: ['warningSeconds'] }),
  hotline: z.strictObject({ phone: z.string().regex(/^[0-9 .+]{3,20}$/, 'must be a phone number'), hours: Text }),
  attract: z.strictObject({
    slides: z.array(AttractSlide).min(1, 'must have at least one slide')
      .refine((s) => noDuplicates(s.map((x) => x.id)), 'must not use the same slide id twice'),
  }),
  devices: z.strictObject({ printer: PrinterConfig, scanner: ScannerConfig, idReader: IdReaderConfig }),
  city: CityConfig,
  procedures: z.strictObject({
    enabled: z.array(z.string().regex(/^[0-9A-Za-z.-]{3,40}$/, 'must be a procedure code'))
      .min(1, 'must enable at least one procedure')
      .refine(noDuplicates, 'must not list the same procedure twice'),
  }),
});
export type SiteConfig = z.infer<typeof SiteConfig>;
export type SiteConfigInput = z.input<typeof SiteConfig>;
