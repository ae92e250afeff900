import type { Locale } from '../../../common/domain/locale.js';

// Dates on the receipt screen as a Vietnamese reader expects them, in Vietnam's time whatever
// the kiosk's own clock zone: the submitted instant and the appointment day.

export const vietnamTimeZone = 'Asia/Ho_Chi_Minh';
const intlLocale = (locale: Locale): string => (locale === 'vi' ? 'vi-VN' : 'en-GB');

/** `submittedAt` (an ISO instant) as `{ date, time }` in Vietnam time, e.g. Thứ Hai, 05/01/2026 and 09:30. */
export const formatSubmittedAt = (iso: string, locale: Locale): { date: string; time: string } | null => {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const date = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: vietnamTimeZone, weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' }).format(at);
  const time = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: vietnamTimeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return { date, time };
};

/** An ISO calendar day (yyyy-mm-dd) with its weekday; a day has no time zone, so UTC keeps it as it is. */
export const formatDay = (isoDate: string, locale: Locale): string | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return null;
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(at.getTime())) return null;
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: 'UTC', weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' }).format(at);
};
