import type { TimeLimit } from './catalog-schema.js';

// Appointment dates on receipts. Dates are yyyy-mm-dd strings turned into day numbers (days
// since 1970-01-01) by integer arithmetic, never through `Date`, whose parsing of a bare date
// is UTC while its getters are local time: the kiosk must give the same answer on a machine
// set to UTC as on one set to Asia/Ho_Chi_Minh.

export interface WorkingCalendar {
  /** public holidays, yyyy-mm-dd: never working days */
  holidays: readonly string[];
  /** weekend days made working days by decision (compensatory Saturdays), yyyy-mm-dd */
  extraWorkingDays: readonly string[];
}

/** Vietnam's standard time, UTC+7 (no daylight saving). */
export const VIETNAM_UTC_OFFSET_MINUTES = 420;

const isoDate = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z0: number): string {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** yyyy-mm-dd → day number; a string that is not a real date is a programming error. */
export function dayNumber(iso: string): number {
  const m = isoDate.exec(iso);
  if (m === null) throw new RangeError(`not a yyyy-mm-dd date: ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = daysFromCivil(y, mo, d);
  // 2026-02-30 would silently become 2026-03-02; refuse it instead
  if (civilFromDays(n) !== iso) throw new RangeError(`not a calendar date: ${iso}`);
  return n;
}

export const isoDateOf = (day: number): string => civilFromDays(day);

/** 0 Sunday … 6 Saturday (1970-01-01, day 0, was a Thursday). */
export const weekdayOf = (iso: string): number => (((dayNumber(iso) + 4) % 7) + 7) % 7;

export function isWorkingDay(iso: string, calendar: WorkingCalendar): boolean {
  if (calendar.holidays.includes(iso)) return false;
  if (calendar.extraWorkingDays.includes(iso)) return true;
  const wd = weekdayOf(iso);
  return wd !== 0 && wd !== 6;
}

/**
 * The n-th working day after `startIsoDate` (day 0 is the start itself, working or not).
 * Saturdays and Sundays are not working days unless listed in `extraWorkingDays`; holidays
 * never are. n = 0 gives the start date back.
 */
export function addWorkingDays(startIsoDate: string, n: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let day = dayNumber(startIsoDate);
  for (let counted = 0; counted < n; ) {
    day += 1;
    if (isWorkingDay(isoDateOf(day), calendar)) counted += 1;
  }
  return isoDateOf(day);
}

/** The first working day on or after `iso`. */
export function nextWorkingDayFrom(iso: string, calendar: WorkingCalendar): string {
  return isWorkingDay(iso, calendar) ? iso : addWorkingDays(iso, 1, calendar);
}

/**
 * The date printed on the receipt, or null when the time limit is unconfirmed (the receipt
 * then says "to be confirmed at the counter" rather than promise a date).
 *
 * A dossier handed in on a weekend or holiday (a lobby kiosk never closes) is received on
 * the next working day, as one-stop offices count it; every limit runs from that day, so the
 * kiosk never promises a result earlier than the office can give it.
 * - immediately: the day of receipt;
 * - workingDays: that many working days after the day of receipt;
 * - days (calendar days): that many days later, moved to the next working day when the last
 *   day falls on a day off (Civil Code 2015, Art. 148).
 */
export function appointmentDate(submittedAtLocalIsoDate: string, timeLimit: TimeLimit, calendar: WorkingCalendar): string | null {
  const received = nextWorkingDayFrom(submittedAtLocalIsoDate, calendar);
  switch (timeLimit.kind) {
    case 'immediately':
      return received;
    case 'workingDays':
      return addWorkingDays(received, timeLimit.days, calendar);
    case 'days':
      return nextWorkingDayFrom(isoDateOf(dayNumber(received) + timeLimit.days), calendar);
    case 'unconfirmed':
      return null;
  }
}

const isoInstant = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})$/i;

/**
 * The calendar date at `utcOffsetMinutes` (default UTC+7, the kiosk's zone) of an instant
 * written with its offset, e.g. "2026-02-13T18:30:00Z" → "2026-02-14". An instant without
 * an offset is refused: it would mean whatever zone the machine happens to be set to.
 */
export function localDateOf(isoInstantText: string, utcOffsetMinutes: number = VIETNAM_UTC_OFFSET_MINUTES): string {
  const m = isoInstant.exec(isoInstantText);
  if (m === null) throw new RangeError(`not an ISO instant with a zone offset: ${isoInstantText}`);
  const day = dayNumber(`${m[1]}-${m[2]}-${m[3]}`);
  const [hh, mm, ss] = [Number(m[4]), Number(m[5]), Number(m[6] ?? '0')];
  if (hh > 23 || mm > 59 || ss > 60) throw new RangeError(`not a time of day: ${isoInstantText}`);
  const zone = m[7] ?? 'Z';
  const zoneMinutes = zone.toUpperCase() === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  // minutes since midnight UTC of `day`, then shifted into the wanted zone
  const utcMinutes = day * 1440 + hh * 60 + mm - zoneMinutes;
  return isoDateOf(Math.floor((utcMinutes + utcOffsetMinutes) / 1440));
}
