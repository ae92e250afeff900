import { describe, expect, it } from 'vitest';
import { certificateHealth, formatAge, formatBytes, formatMonth, oldestView, percent } from '../../../renderer/diagnostics/diagnostics-format.js';
import { exportProblemOf, retryKindOf, shiftMonth, toggled } from '../../../renderer/diagnostics/diagnostics-rules.js';
import { t, type MessageKey, type MessageParams } from '../../../renderer/i18n/index.js';
import { noCounts, queueSummary } from './diag-fixture.js';

const trVi = (key: MessageKey, params?: MessageParams) => t('vi', key, params);
const trEn = (key: MessageKey, params?: MessageParams) => t('en', key, params);

describe('diagnostics rules', () => {
  it('checks the export form in the order it asks', () => {
    expect(exportProblemOf('queue', '  ', 'x', 'x')).toBe('noFolder');
    expect(exportProblemOf('queue', 'media/usb', 'x', 'x')).toBe('relativeFolder');
    expect(exportProblemOf('queue', '/media/usb', '123456789', '123456789')).toBe('shortPassphrase');
    expect(exportProblemOf('queue', '/media/usb', '1234567890', '1234567891')).toBe('mismatch');
    expect(exportProblemOf('queue', '/media/usb', '1234567890', '1234567890')).toBeNull();
    // ten characters, not ten UTF-16 units
    expect(exportProblemOf('queue', '/media/usb', 'mậtkhẩuđủ1', 'mậtkhẩuđủ1')).toBeNull();
    expect(exportProblemOf('logs', '/media/usb', '', '')).toBeNull();
  });

  it('retries what is pending, requeues what is dead, leaves the rest', () => {
    expect(retryKindOf({ state: 'submitted' })).toBe('now');
    expect(retryKindOf({ state: 'uploading' })).toBe('now');
    expect(retryKindOf({ state: 'dead' })).toBe('requeue');
    expect(retryKindOf({ state: 'delivered' })).toBeNull();
    expect(retryKindOf({ state: 'tracked' })).toBeNull();
    expect(retryKindOf({ state: 'purged' })).toBeNull();
  });

  it('moves months across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2026-03', -14)).toBe('2025-01');
    expect(() => shiftMonth('2026-13', 1)).toThrow();
  });

  it('toggles a selection', () => {
    expect(toggled(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a')).toEqual(['b']);
  });
});

describe('diagnostics formats', () => {
  it('writes an age the way a person says it', () => {
    expect(formatAge((3 * 60 + 12) * 60_000, trVi)).toBe('3 giờ 12 phút');
    expect(formatAge((3 * 60 + 12) * 60_000, trEn)).toBe('3 h 12 min');
    expect(formatAge((2 * 24 + 5) * 3_600_000 + 59_000, trVi)).toBe('2 ngày 5 giờ');
    expect(formatAge(7 * 60_000 + 30_000, trVi)).toBe('7 phút');
    expect(formatAge(30_000, trVi)).toBe('dưới một phút');
  });

  it('writes sizes in binary units with the locale’s decimal sign', () => {
    expect(formatBytes(512, 'vi')).toBe('512 B');
    expect(formatBytes(1536, 'vi')).toBe('1,5 KB');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(8 * 1024 ** 3, 'en')).toBe('8.0 GB');
  });

  it('names a month', () => {
    expect(formatMonth('2026-01', 'vi')).toBe('tháng 1 năm 2026');
    expect(formatMonth('2026-01', 'en')).toBe('January 2026');
  });

  it('rounds a share, and 0 of 0 is 0', () => {
    expect(percent(2, 8)).toBe(25);
    expect(percent(0, 0)).toBe(0);
  });

  it('takes the core’s age of the oldest dossier unless a live count moved it', () => {
    expect(oldestView(queueSummary, null)).toEqual({ kind: 'age', ms: queueSummary.oldestPendingAgeMs });
    expect(oldestView(queueSummary, { counts: noCounts, oldestPendingAt: queueSummary.oldestPendingAt })).toEqual({ kind: 'age', ms: queueSummary.oldestPendingAgeMs });
    expect(oldestView(queueSummary, { counts: noCounts, oldestPendingAt: '2026-01-05T02:40:00.000Z' })).toEqual({ kind: 'since', at: '2026-01-05T02:40:00.000Z' });
    expect(oldestView(queueSummary, { counts: noCounts, oldestPendingAt: null })).toEqual({ kind: 'none' });
    expect(oldestView(null, null)).toEqual({ kind: 'none' });
  });

  it('warns about certificates with less than 30 days left', () => {
    const cert = { which: 'client' as const, subject: 'CN=KT01', notAfter: null, error: null };
    expect(certificateHealth({ ...cert, daysLeft: 29.5 })).toBe('soon');
    expect(certificateHealth({ ...cert, daysLeft: 30 })).toBe('ok');
    expect(certificateHealth({ ...cert, daysLeft: -1 })).toBe('expired');
    expect(certificateHealth({ ...cert, daysLeft: null })).toBe('unknown');
    expect(certificateHealth({ ...cert, daysLeft: 100, error: 'ENOENT' })).toBe('unreadable');
  });
});
