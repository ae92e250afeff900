// Card dates are `ddmmyyyy` calendar dates with no time zone; they are compared as
// yyyy-mm-dd strings, which sort like the dates they name.
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** `ddmmyyyy` → a real calendar date, or undefined (31042001, 29021900 are not dates). */
export const parseDdMmYyyy = (text: string): CalendarDate | undefined => {
  if (!/^[0-9]{8}$/.test(text)) return undefined;
  const day = Number(text.slice(0, 2));
  const month = Number(text.slice(2, 4));
  const year = Number(text.slice(4, 8));
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
};

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const toIsoDate = (d: CalendarDate): string => `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;

/** ISO yyyy-mm-dd → `ddmmyyyy`, the card's spelling. */
export const isoToDdMmYyyy = (iso: string): string => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`;

/** The local calendar day of `date` (the kiosk runs on Vietnamese local time). */
export const localIsoDate = (date: Date): string =>
  toIsoDate({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() });
