import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../../main/config/load-site.js';
import { DELETE, readSite, setAt, type Json } from './site-fixtures.js';

// Every rule of common/config/site-schema.ts, broken once on a copy of embedded.json:
// the error must name the field (dotted path) and the rule.

type Edit = [path: string, value: Json | typeof DELETE];
interface Case {
  name: string;
  edits: Edit[];
  path: string;
  rule: string;
}

const escpos = (transport: Json, extra: Record<string, Json> = {}): Edit => ['devices.printer', { kind: 'escpos', transport, ...extra }];
const tcp = { type: 'tcp', host: '192.168.1.50', port: 9100 };
const sane = (extra: Record<string, Json>): Edit => ['devices.scanner', { kind: 'sane', device: 'test:0', ...extra }];
const serialQr = (extra: Record<string, Json>): Edit => ['devices.idReader', { kind: 'serial-qr', transport: { type: 'serial', path: '/dev/ttyACM0' }, ...extra }];
const c = (name: string, edits: Edit[], path: string, rule: string): Case => ({ name, edits, path, rule });

const cases: Case[] = [
  c('schemaVersion other than 1', [['schemaVersion', 2]], 'schemaVersion', 'must be 1'),
  c('site.id with spaces', [['site.id', 'Lobby 1']], 'site.id', 'must be 2–40 lower-case letters, digits and dashes'),
  c('site.id missing', [['site.id', DELETE]], 'site.id', 'is required'),
  c('site.name.vi empty', [['site.name.vi', '']], 'site.name.vi', 'Vietnamese text is required'),
  c('site.name.en empty', [['site.name.en', '']], 'site.name.en', 'English text is required'),
  c('site.name.vi missing', [['site.name.vi', DELETE]], 'site.name.vi', 'is required'),
  c('site.address not text', [['site.address', 5]], 'site.address', 'must be a string'),
  c('kiosk.id lower-case', [['kiosk.id', 'kiosk-1']], 'kiosk.id', 'must be 2–12 upper-case letters or digits'),
  c('locale.default unknown language', [['locale.default', 'fr']], 'locale.default', 'must be one of vi, en'),
  c('locale.available empty', [['locale.available', []]], 'locale.available', 'must list at least one language'),
  c('locale.available with an unknown language', [['locale.available', ['vi', 'fr']]], 'locale.available.1', 'must be one of vi, en'),
  c('locale.available twice the same', [['locale.available', ['vi', 'vi']]], 'locale.available', 'must not list the same language twice'),
  c('default not among available', [['locale.available', ['en']]], 'locale.default', 'must be one of the languages in locale.available'),
  c('idleSeconds below 15', [['timeouts.idleSeconds', 14], ['timeouts.warningSeconds', 5]], 'timeouts.idleSeconds', 'must be at least 15 seconds'),
  c('idleSeconds above 600', [['timeouts.idleSeconds', 601]], 'timeouts.idleSeconds', 'must be at most 600 seconds'),
  c('idleSeconds fractional', [['timeouts.idleSeconds', 90.5]], 'timeouts.idleSeconds', 'must be a whole number'),
  c('idleSeconds as text', [['timeouts.idleSeconds', '90']], 'timeouts.idleSeconds', 'must be a number'),
  c('idleSeconds missing', [['timeouts.idleSeconds', DELETE]], 'timeouts.idleSeconds', 'is required'),
  c('warningSeconds below 5', [['timeouts.warningSeconds', 4]], 'timeouts.warningSeconds', 'must be at least 5 seconds'),
  c('warningSeconds above 60', [['timeouts.warningSeconds', 61]], 'timeouts.warningSeconds', 'must be at most 60 seconds'),
  c('warningSeconds fractional', [['timeouts.warningSeconds', 10.5]], 'timeouts.warningSeconds', 'must be a whole number'),
  c('warning equal to idle', [['timeouts.idleSeconds', 20], ['timeouts.warningSeconds', 20]], 'timeouts.warningSeconds', 'must be shorter than idleSeconds'),
  c('warning longer than idle', [['timeouts.idleSeconds', 15], ['timeouts.warningSeconds', 30]], 'timeouts.warningSeconds', 'must be shorter than idleSeconds'),
  c('diagnosticsIdleSeconds below 30', [['timeouts.diagnosticsIdleSeconds', 29]], 'timeouts.diagnosticsIdleSeconds', 'must be at least 30 seconds'),
  c('diagnosticsIdleSeconds above 1800', [['timeouts.diagnosticsIdleSeconds', 1801]], 'timeouts.diagnosticsIdleSeconds', 'must be at most 1800 seconds'),
  c('diagnosticsIdleSeconds fractional', [['timeouts.diagnosticsIdleSeconds', 300.5]], 'timeouts.diagnosticsIdleSeconds', 'must be a whole number'),
  c('pinLockoutSeconds below 5', [['timeouts.pinLockoutSeconds', 4]], 'timeouts.pinLockoutSeconds', 'must be at least 5 seconds'),
  c('pinLockoutSeconds above 3600', [['timeouts.pinLockoutSeconds', 3601]], 'timeouts.pinLockoutSeconds', 'must be at most 3600 seconds'),
  c('hotline.phone with letters', [['hotline.phone', 'call us']], 'hotline.phone', 'must be a phone number'),
  c('hotline.hours.en missing', [['hotline.hours.en', DELETE]], 'hotline.hours.en', 'is required'),
  c('no slides', [['attract.slides', []]], 'attract.slides', 'must have at least one slide'),
  c('slide id with capitals', [['attract.slides.0.id', 'Slide 1']], 'attract.slides.0.id', 'must be lower-case letters, digits and dashes'),
  c('two slides with one id', [['attract.slides.1.id', 'nop-ho-so-khong-xep-hang']], 'attract.slides', 'must not use the same slide id twice'),
  c('slide shorter than 3 s', [['attract.slides.0.durationSeconds', 2]], 'attract.slides.0.durationSeconds', 'must be at least 3 seconds'),
  c('slide longer than 120 s', [['attract.slides.0.durationSeconds', 121]], 'attract.slides.0.durationSeconds', 'must be at most 120 seconds'),
  c('slide title without Vietnamese', [['attract.slides.0.title.vi', DELETE]], 'attract.slides.0.title.vi', 'is required'),
  c('slide body Vietnamese empty', [['attract.slides.2.body.vi', '']], 'attract.slides.2.body.vi', 'Vietnamese text is required'),
  c('printer kind unknown', [['devices.printer', { kind: 'laser' }]], 'devices.printer.kind', 'must be one of simulator, none, escpos'),
  c('simulated printer port -1', [['devices.printer.port', -1]], 'devices.printer.port', 'must be between 0 and 65535'),
  c('simulated printer port 65536', [['devices.printer.port', 65536]], 'devices.printer.port', 'must be between 0 and 65535'),
  c('simulated printer port fractional', [['devices.printer.port', 9100.5]], 'devices.printer.port', 'must be a whole number'),
  c('simulated printer host empty', [['devices.printer.host', '']], 'devices.printer.host', 'must name a host'),
  c('escpos without transport', [['devices.printer', { kind: 'escpos' }]], 'devices.printer.transport', 'is required'),
  c('escpos transport type unknown', [escpos({ type: 'bluetooth' })], 'devices.printer.transport.type', 'must be one of tcp, serial, usb, file'),
  c('escpos tcp port too high', [escpos({ ...tcp, port: 70000 })], 'devices.printer.transport.port', 'must be between 1 and 65535'),
  c('escpos tcp host empty', [escpos({ ...tcp, host: '' })], 'devices.printer.transport.host', 'must name a host'),
  c('escpos serial path empty', [escpos({ type: 'serial', path: '' })], 'devices.printer.transport.path', 'must name a serial device'),
  c('escpos serial baud rate 0', [escpos({ type: 'serial', path: '/dev/ttyUSB0', baudRate: 0 })], 'devices.printer.transport.baudRate', 'must be a positive baud rate'),
  c('escpos serial baud rate fractional', [escpos({ type: 'serial', path: '/dev/ttyUSB0', baudRate: 9600.5 })], 'devices.printer.transport.baudRate', 'must be a whole number'),
  c('escpos usb vendor id too big', [escpos({ type: 'usb', vendorId: 0x10000, productId: 1 })], 'devices.printer.transport.vendorId', 'must be a 16-bit USB vendor id'),
  c('escpos usb vendor id negative', [escpos({ type: 'usb', vendorId: -1, productId: 1 })], 'devices.printer.transport.vendorId', 'must be a 16-bit USB vendor id'),
  c('escpos usb product id negative', [escpos({ type: 'usb', vendorId: 0x0416, productId: -1 })], 'devices.printer.transport.productId', 'must be a 16-bit USB product id'),
  c('escpos usb product id too big', [escpos({ type: 'usb', vendorId: 0x0416, productId: 0x10000 })], 'devices.printer.transport.productId', 'must be a 16-bit USB product id'),
  c('escpos file path empty', [escpos({ type: 'file', path: '' })], 'devices.printer.transport.path', 'must name a device file'),
  c('escpos text mode unknown', [escpos(tcp, { textMode: 'utf8' })], 'devices.printer.textMode', 'must be raster or cp1258'),
  c('escpos width below 256', [escpos(tcp, { widthDots: 255 })], 'devices.printer.widthDots', 'must be at least 256 dots'),
  c('escpos width above 832', [escpos(tcp, { widthDots: 833 })], 'devices.printer.widthDots', 'must be at most 832 dots'),
  c('scanner kind unknown', [['devices.scanner', { kind: 'twain' }]], 'devices.scanner.kind', 'must be one of simulator, none, sane'),
  c('sane device empty', [sane({ device: '' })], 'devices.scanner.device', 'must name a SANE device'),
  c('sane resolution below 75', [sane({ resolutionDpi: 74 })], 'devices.scanner.resolutionDpi', 'must be at least 75 dpi'),
  c('sane resolution above 600', [sane({ resolutionDpi: 601 })], 'devices.scanner.resolutionDpi', 'must be at most 600 dpi'),
  c('sane timeout below 5', [sane({ timeoutSeconds: 4 })], 'devices.scanner.timeoutSeconds', 'must be at least 5 seconds'),
  c('sane timeout above 600', [sane({ timeoutSeconds: 601 })], 'devices.scanner.timeoutSeconds', 'must be at most 600 seconds'),
  c('id reader kind unknown', [['devices.idReader', { kind: 'nfc' }]], 'devices.idReader.kind', 'must be one of simulator, none, serial-qr, keyboard-wedge'),
  c('serial-qr over tcp', [['devices.idReader', { kind: 'serial-qr', transport: tcp }]], 'devices.idReader.transport.type', 'must be "serial"'),
  c('serial-qr terminator unknown', [serialQr({ terminator: 'TAB' })], 'devices.idReader.terminator', 'must be CR, LF or CRLF'),
  c('city.baseUrl not a URL', [['city.baseUrl', 'intake server']], 'city.baseUrl', 'must be an absolute http(s) URL'),
  c('city.baseUrl ftp', [['city.baseUrl', 'ftp://127.0.0.1/v1']], 'city.baseUrl', 'must be an absolute http(s) URL'),
  c('city.baseUrl without /v1', [['city.baseUrl', 'https://intake.example.invalid']], 'city.baseUrl', 'must end with /v1'),
  c('city.auth type unknown', [['city.auth', { type: 'basic' }]], 'city.auth.type', 'must be one of none, bearer, mtls'),
  c('city.simulator not a boolean', [['city.simulator', 'yes']], 'city.simulator', 'must be a boolean'),
  c('city connect timeout below 1', [['city.connectTimeoutSeconds', 0]], 'city.connectTimeoutSeconds', 'must be at least 1 second'),
  c('city connect timeout above 120', [['city.connectTimeoutSeconds', 121]], 'city.connectTimeoutSeconds', 'must be at most 120 seconds'),
  c('no procedures', [['procedures.enabled', []]], 'procedures.enabled', 'must enable at least one procedure'),
  c('procedure code with spaces', [['procedures.enabled', ['1 000 894']]], 'procedures.enabled.0', 'must be a procedure code'),
  c('procedure listed twice', [['procedures.enabled', ['1.000894', '1.000894']]], 'procedures.enabled', 'must not list the same procedure twice'),
  c('whole section missing', [['devices', DELETE]], 'devices', 'is required'),
];

// unknown fields are refused at every level, so a misspelt optional field is not silently ignored
const unknownFields: Case[] = [
  c('top level', [['extra', true]], 'extra', 'unknown field'),
  c('misspelt optional field', [['timeouts.diagnosticIdleSeconds', 300]], 'timeouts.diagnosticIdleSeconds', 'unknown field'),
  c('slide field', [['attract.slides.0.duration', 5]], 'attract.slides.0.duration', 'unknown field'),
  c('third language in a text', [['site.name.fr', 'Kiosque']], 'site.name.fr', 'unknown field'),
  c('device field', [['devices.printer.baud', 9600]], 'devices.printer.baud', 'unknown field'),
  c('transport field', [escpos({ ...tcp, timeout: 5 })], 'devices.printer.transport.timeout', 'unknown field'),
];

async function brokenSite(edits: Edit[]): Promise<Record<string, Json>> {
  const site = await readSite('embedded');
  for (const [path, value] of edits) setAt(site, path, value);
  return site;
}

describe('site schema rules', () => {
  it.each([...cases, ...unknownFields])('$name → $path: $rule', async ({ edits, path, rule }) => {
    const result = parseSiteConfig(await brokenSite(edits), '/srv/kiosk/lobby.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.error.issues.find((i) => i.path === path);
    expect(issue, `issues were ${JSON.stringify(result.error.issues)}`).toBeDefined();
    expect(issue?.rule).toContain(rule);
    expect(result.error.kind).toBe('ConfigInvalid');
  });

  it('accepts each edit family when it is valid, so the cases above fail for their rule only', async () => {
    const valid: Edit[][] = [
      [escpos(tcp, { textMode: 'cp1258', widthDots: 384 })],
      [escpos({ type: 'serial', path: '/dev/ttyUSB0', baudRate: 19200 })],
      [escpos({ type: 'usb', vendorId: 0x0416, productId: 0x5011 })],
      [escpos({ type: 'file', path: '/dev/usb/lp0' })],
      [sane({ resolutionDpi: 300, timeoutSeconds: 30 })],
      [serialQr({ terminator: 'CRLF' })],
      [['devices.idReader', { kind: 'keyboard-wedge' }]],
      [['devices.printer', { kind: 'none' }], ['devices.scanner', { kind: 'none' }], ['devices.idReader', { kind: 'none' }]],
      [['city.baseUrl', 'https://intake.example.invalid/v1'], ['city.auth', { type: 'mtls' }], ['city.connectTimeoutSeconds', 30]],
      [['locale.default', 'en'], ['locale.available', ['en']]],
      [['timeouts.idleSeconds', 15], ['timeouts.warningSeconds', 10]],
      [['site.address', 'Tầng 1, tòa nhà A']],
    ];
    for (const edits of valid) {
      const result = parseSiteConfig(await brokenSite(edits), 'x.json');
      expect(result.ok, JSON.stringify({ edits, result })).toBe(true);
    }
  });

  it('fills the documented defaults', async () => {
    const result = parseSiteConfig(
      await brokenSite([escpos({ type: 'serial', path: '/dev/ttyUSB0' }), ['timeouts.diagnosticsIdleSeconds', DELETE], ['timeouts.pinLockoutSeconds', DELETE], ['attract.slides.0.durationSeconds', DELETE], ['city.simulator', DELETE]]),
      'x.json',
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.devices.printer).toEqual({ kind: 'escpos', transport: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 }, textMode: 'raster', widthDots: 576 });
    expect(result.value.timeouts.diagnosticsIdleSeconds).toBe(300);
    expect(result.value.timeouts.pinLockoutSeconds).toBe(300);
    expect(result.value.attract.slides[0]?.durationSeconds).toBe(8);
    expect(result.value.city.simulator).toBe(false);
  });

  it('refuses a document that is not an object', () => {
    const result = parseSiteConfig([], 'x.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues).toEqual([{ path: '', rule: 'must be a JSON object' }]);
  });
});
