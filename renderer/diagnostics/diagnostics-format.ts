import type { Locale } from '../../common/domain/locale.js';
import type { QueueCounts } from '../../common/kiosk-api/contract.js';
import type { CertificateInfo, QueueSummary } from '../../common/kiosk-api/diagnostics-contract.js';
import type { Translate } from '../app/screen-props.js';

// How the technician screens write numbers, sizes, times and ages. Pure (no clock): what
// needs "now" comes from the core (ages, days left), so the screens agree with its logs.

/** the kiosk's time zone, whatever the host's: times read like the receipts and the logs */
const timeZone = 'Asia/Ho_Chi_Minh';
const tag = (locale: Locale) => (locale === 'vi' ? 'vi-VN' : 'en-GB');

/** certificates closer than this to their end are flagged (DESIGN: renew in time) */
export const certificateWarnDays = 30;

export const formatNumber = (n: number, locale: Locale): string => new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 1 }).format(n);

const units = ['B', 'KB', 'MB', 'GB', 'TB'] as const;
/** `12 345 678` → `11,8 MB` (binary multiples, one decimal from KB on) */
export const formatBytes = (bytes: number, locale: Locale): string => {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat(tag(locale), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${units[unit]}`;
};

/** an ISO instant as the kiosk's local date and time; an unparsable one as it came */
export const formatDateTime = (iso: string, locale: Locale): string => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(tag(locale), { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(ms);
};

/** only the time of day, for dense rows (log lines) */
export const formatTime = (iso: string, locale: Locale): string => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(tag(locale), { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(ms);
};

/** a yyyy-mm-dd day as the locale writes it */
export const formatDay = (day: string, locale: Locale): string => {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) return day;
  return new Intl.DateTimeFormat(tag(locale), { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(ms);
};

/** `2026-01` → `tháng 1 năm 2026` / `January 2026` */
export const formatMonth = (month: string, locale: Locale): string => {
  const ms = Date.parse(`${month}-01T00:00:00Z`);
  if (Number.isNaN(ms)) return month;
  return new Intl.DateTimeFormat(tag(locale), { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(ms);
};

/** `11 520 000` ms → `3 giờ 12 phút` / `3 h 12 min` */
export const formatAge = (ms: number, tr: Translate): string => {
  const minutesTotal = Math.floor(Math.max(0, ms) / 60_000);
  const days = Math.floor(minutesTotal / 1440);
  const hours = Math.floor((minutesTotal % 1440) / 60);
  const minutes = minutesTotal % 60;
  if (days > 0) return tr('diag.age.days', { days, hours });
  if (hours > 0) return tr('diag.age.hours', { hours, minutes });
  if (minutes > 0) return tr('diag.age.minutes', { minutes });
  return tr('diag.age.underMinute');
};

export const formatSeconds = (seconds: number, tr: Translate): string => formatAge(seconds * 1000, tr);

/** a share as a whole percentage; 0 of 0 is 0 % */
export const percent = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/**
 * The oldest waiting dossier: its age as the core computed it, unless a live count since
 * moved the oldest (then only when it has waited since), or none waiting.
 */
export type OldestView = { kind: 'age'; ms: number } | { kind: 'since'; at: string } | { kind: 'none' };
export const oldestView = (summary: QueueSummary | null, live: QueueCounts | null): OldestView => {
  const oldestAt = live ? live.oldestPendingAt : (summary?.oldestPendingAt ?? null);
  if (oldestAt === null) return { kind: 'none' };
  if (summary && summary.oldestPendingAt === oldestAt && summary.oldestPendingAgeMs !== null) return { kind: 'age', ms: summary.oldestPendingAgeMs };
  return { kind: 'since', at: oldestAt };
};

/** A certificate's health, in words and a sign (never colour alone). */
export type CertificateHealth = 'unreadable' | 'expired' | 'soon' | 'ok' | 'unknown';
export const certificateHealth = (c: CertificateInfo): CertificateHealth => {
  if (c.error !== null) return 'unreadable';
  if (c.daysLeft === null) return 'unknown';
  if (c.daysLeft < 0) return 'expired';
  if (c.daysLeft < certificateWarnDays) return 'soon';
  return 'ok';
};
