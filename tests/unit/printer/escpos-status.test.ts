import { describe, expect, it } from 'vitest';
import { conditionOf, encodeRealtimeStatus, isPaperSensorByte, isRealtimeStatusByte, parseRealtimeStatus, statusRequest } from '../../../hardware/printer/escpos-status.js';

describe('DLE EOT status', () => {
  it('asks for the four statuses in one write', () => {
    expect([...statusRequest()]).toEqual([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4]);
  });

  // reply bytes (n=1, 2, 3, 4) as an Epson printer sends them → state, media, error kind
  const table: [string, number[], string, string, string | undefined][] = [
    ['ready', [0x12, 0x12, 0x12, 0x12], 'online', 'ok', undefined],
    ['paper near end', [0x12, 0x12, 0x12, 0x1e], 'online', 'low', undefined],
    ['paper out', [0x1a, 0x32, 0x12, 0x7e], 'userError', 'out', 'PaperOut'],
    ['paper end sensor only', [0x12, 0x12, 0x12, 0x72], 'userError', 'out', 'PaperOut'],
    ['cover open', [0x1a, 0x16, 0x12, 0x12], 'userError', 'ok', 'CoverOpen'],
    ['cover open and no paper: the cover first', [0x1a, 0x36, 0x12, 0x7e], 'userError', 'out', 'CoverOpen'],
    ['cutter jam', [0x1a, 0x52, 0x16, 0x12], 'hardwareError', 'jammed', 'PaperJam'],
    ['unrecoverable error', [0x1a, 0x52, 0x1a, 0x12], 'hardwareError', 'ok', 'DeviceOffline'],
    ['head too hot', [0x1a, 0x52, 0x32, 0x12], 'deviceBusy', 'ok', 'DeviceBusy'],
    ['offline, feed button', [0x1a, 0x1a, 0x12, 0x12], 'offline', 'ok', 'DeviceOffline'],
  ];
  it.each(table)('%s', (_name, bytes, state, media, kind) => {
    const s = parseRealtimeStatus(bytes);
    if ('invalid' in s) throw new Error(s.invalid);
    const c = conditionOf(s);
    expect(c.state).toBe(state);
    expect(c.media).toBe(media);
    expect(c.error?.kind).toBe(kind);
  });

  it('rejects bytes that cannot be status replies', () => {
    expect(parseRealtimeStatus([0x12, 0x12, 0x12])).toEqual({ invalid: 'expected 4 status bytes, got 3' });
    expect(parseRealtimeStatus([0x12, 0x00, 0x12, 0x12])).toHaveProperty('invalid');
    expect(parseRealtimeStatus([0x12, 0x12, 0x12, 0x93])).toHaveProperty('invalid');
  });

  it('encodes what it parses, and the two reply kinds never overlap', () => {
    const bytes = encodeRealtimeStatus({ online: false, coverOpen: true, paperNearEnd: true, paperOut: true, cutterError: true });
    const s = parseRealtimeStatus(bytes);
    expect(s).toMatchObject({ online: false, coverOpen: true, paperNearEnd: true, paperOut: true, cutterError: true, unrecoverableError: false });
    for (let b = 0; b < 256; b++) expect(isRealtimeStatusByte(b) && isPaperSensorByte(b)).toBe(false);
    expect([0x00, 0x03, 0x0c, 0x0f].every(isPaperSensorByte)).toBe(true);
  });
});
