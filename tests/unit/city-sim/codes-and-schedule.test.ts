import { describe, expect, it } from 'vitest';
import { appointmentDate, formatOfficialCode, vietnamDayKey } from '../../../main/city-sim/official-code.js';
import { statusAt } from '../../../main/city-sim/status-schedule.js';

describe('official codes and appointment dates', () => {
  it('takes the day in Vietnam time (UTC+7)', () => {
    expect(vietnamDayKey(Date.parse('2026-11-24T16:59:59Z'))).toBe('261124');
    expect(vietnamDayKey(Date.parse('2026-11-24T17:00:00Z'))).toBe('261125');
    expect(formatOfficialCode('000.00.01.H26', '261124', 42)).toBe('000.00.01.H26-261124-0042');
  });

  it('sets the appointment three working days later, skipping the weekend', () => {
    expect(appointmentDate(Date.parse('2026-11-24T01:00:00Z'))).toBe('2026-11-27'); // Tue → Fri
    expect(appointmentDate(Date.parse('2026-11-26T01:00:00Z'))).toBe('2026-12-01'); // Thu → Tue
    expect(appointmentDate(Date.parse('2026-11-27T20:00:00Z'))).toBe('2026-12-02'); // Sat in Vietnam → Wed
  });
});

describe('status schedule', () => {
  const schedule = [
    { afterMs: 5000, code: 4 as const, note: 'chuyển phòng chuyên môn' },
    { afterMs: 0, code: 1 as const },
    { afterMs: 2000, code: 2 as const },
  ];
  it('shows the last step whose time has come, with the history in order', () => {
    expect(statusAt(schedule, 1000, 1000).statusCode).toBe(1);
    expect(statusAt(schedule, 1000, 2999).statusCode).toBe(1);
    expect(statusAt(schedule, 1000, 3000).statusCode).toBe(2);
    const s = statusAt(schedule, 1000, 60_000);
    expect(s).toMatchObject({ statusCode: 4, statusText: 'Đang xử lý', updatedAt: new Date(6000).toISOString() });
    expect(s.history).toEqual([
      { statusCode: 1, at: new Date(1000).toISOString() },
      { statusCode: 2, at: new Date(3000).toISOString() },
      { statusCode: 4, at: new Date(6000).toISOString(), note: 'chuyển phòng chuyên môn' },
    ]);
  });
});
