import { describe, expect, it } from 'vitest';
import { addWorkingDays, appointmentDate, isWorkingDay, localDateOf, weekdayOf } from '../../../common/catalog/working-days.js';
import { shippedCatalog } from './catalog-fixtures.js';

const none = { holidays: [], extraWorkingDays: [] } as const;
// Tết Bính Ngọ: 17 Feb 2026 is a Tuesday; the five days off are Mon 16 – Fri 20 February
const tet2026 = { holidays: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'], extraWorkingDays: [] };

describe('weekdays', () => {
  it('knows the day of the week without Date', () => {
    expect(weekdayOf('1970-01-01')).toBe(4); // Thursday
    expect(weekdayOf('2026-02-13')).toBe(5); // Friday
    expect(weekdayOf('2026-02-17')).toBe(2); // Tuesday, Tết
    expect(weekdayOf('2000-02-29')).toBe(2);
  });

  it('refuses a date that does not exist', () => {
    expect(() => weekdayOf('2026-02-30')).toThrow(RangeError);
    expect(() => weekdayOf('2026-2-3')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('day 0 is the start itself', () => {
    expect(addWorkingDays('2026-03-10', 0, none)).toBe('2026-03-10');
  });

  it('a Friday submission: the first working day after it is Monday', () => {
    expect(addWorkingDays('2026-03-13', 1, none)).toBe('2026-03-16');
    expect(addWorkingDays('2026-03-13', 3, none)).toBe('2026-03-18');
    expect(addWorkingDays('2026-03-13', 5, none)).toBe('2026-03-20');
  });

  it('skips the whole of Tết: 3 working days from Friday 13 Feb 2026 end on Wednesday 25 Feb', () => {
    expect(addWorkingDays('2026-02-13', 1, tet2026)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-13', 3, tet2026)).toBe('2026-02-25');
  });

  it('a compensatory Saturday listed in extraWorkingDays counts', () => {
    const cal = { holidays: [], extraWorkingDays: ['2026-03-14'] };
    expect(addWorkingDays('2026-03-13', 1, cal)).toBe('2026-03-14');
  });

  it('a holiday never counts, even if also listed as an extra working day', () => {
    const cal = { holidays: ['2026-03-14'], extraWorkingDays: ['2026-03-14'] };
    expect(isWorkingDay('2026-03-14', cal)).toBe(false);
  });

  it('crosses month and year ends', () => {
    expect(addWorkingDays('2026-12-31', 1, { holidays: ['2027-01-01'], extraWorkingDays: [] })).toBe('2027-01-04');
  });

  it('refuses a negative count', () => {
    expect(() => addWorkingDays('2026-03-13', -1, none)).toThrow(RangeError);
  });
});

describe('appointmentDate', () => {
  it('immediately: the same day', () => {
    expect(appointmentDate('2026-03-10', { kind: 'immediately' }, none)).toBe('2026-03-10');
  });

  it('working days from a weekday', () => {
    expect(appointmentDate('2026-03-10', { kind: 'workingDays', days: 3 }, none)).toBe('2026-03-13');
  });

  it('a dossier handed in on a Saturday is received on Monday, and counted from there', () => {
    expect(appointmentDate('2026-03-14', { kind: 'immediately' }, none)).toBe('2026-03-16');
    expect(appointmentDate('2026-03-14', { kind: 'workingDays', days: 2 }, none)).toBe('2026-03-18');
  });

  it('calendar days, moved off a weekend at the end (Civil Code Art. 148)', () => {
    // Tuesday 10 March + 15 days = Wednesday 25 March
    expect(appointmentDate('2026-03-10', { kind: 'days', days: 15 }, none)).toBe('2026-03-25');
    // Monday 2 March + 12 days = Saturday 14 March → Monday 16
    expect(appointmentDate('2026-03-02', { kind: 'days', days: 12 }, none)).toBe('2026-03-16');
  });

  it('unconfirmed: no date at all', () => {
    expect(appointmentDate('2026-03-10', { kind: 'unconfirmed' }, none)).toBeNull();
  });

  it('across Tết 2027 with the shipped calendar: Friday 12 Feb is the only working day between the days off', async () => {
    const catalog = await shippedCatalog();
    // Thu 4 Feb; off Fri 5 – Thu 11 (Tết Sat 6 Feb, two weekend days compensated); Fri 12, Mon 15, Tue 16
    expect(appointmentDate('2027-02-04', { kind: 'workingDays', days: 3 }, catalog)).toBe('2027-02-16');
  });
});

describe('localDateOf', () => {
  it('is the Vietnamese calendar day (UTC+7) of an instant', () => {
    expect(localDateOf('2026-02-13T16:59:59Z')).toBe('2026-02-13');
    expect(localDateOf('2026-02-13T17:00:00Z')).toBe('2026-02-14');
    expect(localDateOf('2026-02-14T00:30:00+07:00')).toBe('2026-02-14');
    expect(localDateOf('2026-12-31T17:00:00.123Z')).toBe('2027-01-01');
  });

  it('takes another offset when told', () => {
    expect(localDateOf('2026-02-14T00:30:00+07:00', 0)).toBe('2026-02-13');
  });

  it('refuses an instant without a zone, which would mean the machine zone', () => {
    expect(() => localDateOf('2026-02-13T17:00:00')).toThrow(RangeError);
    expect(() => localDateOf('2026-02-13')).toThrow(RangeError);
  });
});
