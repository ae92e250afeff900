import { describe, expect, it } from 'vitest';
import { appointmentOf, cityStatusKey, cityView, formatDate, formatDateTime, localStateKey } from '../../../../renderer/flows/track/track-wording.js';
import { t } from '../../../../renderer/i18n/index.js';
import { isTrackableCode, normaliseScannedCode, normaliseTypedCode } from '../../../../renderer/flows/track/track-code.js';
import { cityDown, localCode, officialCode, tracked, waiting } from './track-fixture.js';

describe('track wording: local state', () => {
  it('puts each outbox state in words', () => {
    const say = (s: Parameters<typeof localStateKey>[0]) => {
      const key = localStateKey(s);
      return key && t('en', key);
    };
    expect(say('submitted')).toBe('Waiting to be sent to the one-stop system');
    expect(say('uploading')).toBe('Waiting to be sent to the one-stop system');
    expect(say('delivered')).toBe('Sent to the one-stop system');
    expect(say('tracked')).toBe('Sent to the one-stop system');
    expect(say('dead')).toBe('The kiosk could not send it yet; staff have been notified.');
    expect(say('purged')).toMatch(/^Sent;/);
    expect(say(null)).toBeNull();
  });
});

describe('track wording: city status', () => {
  it('uses the national portal wording of TrangThaiHoSo 1–10 in Vietnamese', () => {
    const expected = [
      'Mới đăng ký',
      'Được tiếp nhận',
      'Không được tiếp nhận',
      'Đang xử lý',
      'Yêu cầu bổ sung giấy tờ',
      'Yêu cầu thực hiện nghĩa vụ tài chính',
      'Công dân yêu cầu rút hồ sơ',
      'Dừng xử lý',
      'Đã xử lý xong',
      'Đã trả kết quả',
    ];
    expected.forEach((text, i) => {
      const key = cityStatusKey(i + 1);
      expect(key && t('vi', key)).toBe(text);
      expect(key && t('en', key)).not.toBe(text);
    });
    expect(cityStatusKey(11)).toBeNull();
  });

  it('shows the fresh status when the city answered', () => {
    expect(cityView(tracked)).toEqual({ kind: 'current', status: tracked.city });
  });

  it('says the city has nothing yet when it answered without a status', () => {
    expect(cityView({ ...waiting, cityReachable: true })).toEqual({ kind: 'notYet' });
  });

  it('shows the last known status as of the last time the kiosk heard the city, when the city is down', () => {
    expect(cityView(cityDown)).toEqual({ kind: 'lastKnown', status: cityDown.city, asOf: cityDown.lastCheckedAt });
    expect(cityView({ ...cityDown, lastCheckedAt: null })).toEqual({ kind: 'lastKnown', status: cityDown.city, asOf: cityDown.city?.updatedAt });
    expect(t('vi', 'track.city.lastKnown', { time: formatDateTime('2026-11-25T08:30:00.000Z') })).toBe('Tình trạng gần nhất đã biết (lúc 15:30 25/11/2026):');
  });

  it('says no status is known yet when the city is down and never answered', () => {
    expect(cityView(waiting)).toEqual({ kind: 'noneKnown' });
  });

  it("prefers the city's appointment, else the receipt's", () => {
    expect(appointmentOf(tracked)).toBe('2026-12-01');
    expect(appointmentOf(waiting)).toBe('2026-11-28');
    expect(appointmentOf({ ...waiting, appointmentDate: null })).toBeNull();
  });
});

describe('track wording: dates and codes', () => {
  it('writes dates day first and times in Vietnam time', () => {
    expect(formatDate('2026-12-01')).toBe('01/12/2026');
    expect(formatDateTime('2026-11-24T17:05:00.000Z')).toBe('00:05 25/11/2026');
    expect(formatDateTime('not a time')).toBe('not a time');
  });

  it('tidies typed codes to code characters and checks their shape', () => {
    expect(normaliseTypedCode('kiosk01 - 261124 - 0001')).toBe(localCode);
    expect(normaliseTypedCode('000.00.01.h26-261123-0042')).toBe(officialCode);
    expect(normaliseTypedCode('x'.repeat(80))).toHaveLength(60);
    expect(normaliseScannedCode(` ${localCode}\n`)).toBe(localCode);
    expect(isTrackableCode(localCode)).toBe(true);
    expect(isTrackableCode(officialCode)).toBe(true);
    expect(isTrackableCode('AB')).toBe(false);
    expect(isTrackableCode('HTTPS://X')).toBe(false);
  });
});
