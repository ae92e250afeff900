// Official dossier codes `AGENCY-YYMMDD-NNNN` and the appointment date. Days are Vietnam
// days (UTC+7, no daylight saving), whatever the machine's time zone.
const VN_OFFSET_MS = 7 * 3600_000;

/** The Vietnam calendar date of an instant, as `YYYY-MM-DD`. */
export const vietnamDate = (ms: number): string => new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);

/** `YYMMDD` of the Vietnam date, the middle part of the official code. */
export const vietnamDayKey = (ms: number): string => {
  const d = vietnamDate(ms);
  return d.slice(2, 4) + d.slice(5, 7) + d.slice(8, 10);
};

export const formatOfficialCode = (agency: string, dayKey: string, seq: number): string => `${agency}-${dayKey}-${String(seq).padStart(4, '0')}`;

/** A few working days later: +`days` weekdays (holidays are not modelled). */
export const appointmentDate = (ms: number, days = 3): string => {
  const d = new Date(vietnamDate(ms) + 'T00:00:00Z');
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return d.toISOString().slice(0, 10);
};
