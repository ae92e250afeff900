import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../../common/catalog/catalog-schema.js';
import type { Locale } from '../../../../common/domain/locale.js';
import {
  agencyName,
  categoryCounts,
  countWording,
  describeDelivery,
  describeFee,
  describePages,
  describeProcedureCode,
  describeTimeLimit,
  formatVnd,
  type Wording,
} from '../../../../renderer/flows/guide/guide-wording.js';
import { t } from '../../../../renderer/i18n/index.js';
import { guideCatalog, marriage, repairPermit } from './guide-fixture.js';

const say = (locale: Locale, w: Wording | null) => (w ? t(locale, w.key, w.params) : null);

describe('guide wording: time limit', () => {
  it('words each kind in Vietnamese', () => {
    expect(say('vi', describeTimeLimit({ kind: 'immediately' }))).toBe('Ngay trong ngày');
    expect(say('vi', describeTimeLimit({ kind: 'workingDays', days: 3 }))).toBe('3 ngày làm việc');
    expect(say('vi', describeTimeLimit({ kind: 'days', days: 15 }))).toBe('15 ngày');
  });

  it('words each kind in English, singular for one', () => {
    expect(say('en', describeTimeLimit({ kind: 'immediately' }))).toBe('The same day');
    expect(say('en', describeTimeLimit({ kind: 'workingDays', days: 1 }))).toBe('1 working day');
    expect(say('en', describeTimeLimit({ kind: 'workingDays', days: 9 }))).toBe('9 working days');
    expect(say('en', describeTimeLimit({ kind: 'days', days: 15 }))).toBe('15 days');
  });

  it('says "to be confirmed at the counter" for an unconfirmed limit, never a number, even with a note', () => {
    const w = describeTimeLimit({ kind: 'unconfirmed', note: { vi: 'Thường là 15 ngày', en: 'Usually 15 days' } });
    expect(say('vi', w)).toBe('Sẽ được xác nhận tại bộ phận một cửa');
    expect(say('en', w)).toBe('To be confirmed at the one-stop counter');
    expect(w.params).toBeUndefined();
  });
});

describe('guide wording: fee', () => {
  it('words an exemption', () => {
    expect(say('vi', describeFee({ kind: 'exempt' }, 'vi'))).toBe('Không thu phí, lệ phí');
    expect(say('en', describeFee({ kind: 'exempt' }, 'en'))).toBe('No fee');
  });

  it('formats a fixed amount in đồng with Vietnamese grouping, and says per what', () => {
    expect(formatVnd(8000)).toBe('8.000');
    expect(formatVnd(1250000)).toBe('1.250.000');
    expect(say('vi', describeFee({ kind: 'fixed', amountVnd: 8000, per: { vi: 'bản sao', en: 'copy' } }, 'vi'))).toBe('8.000 đồng/bản sao');
    expect(say('en', describeFee({ kind: 'fixed', amountVnd: 8000, per: { vi: 'bản sao', en: 'copy' } }, 'en'))).toBe('8.000 VND per copy');
    expect(say('vi', describeFee({ kind: 'fixed', amountVnd: 50000 }, 'vi'))).toBe('50.000 đồng');
  });

  it('sends a provincial fee to the council rate', () => {
    expect(say('vi', describeFee({ kind: 'provincial' }, 'vi'))).toBe('Theo mức do HĐND tỉnh quy định');
  });

  it('says "to be confirmed at the counter" for an unconfirmed fee', () => {
    expect(say('vi', describeFee({ kind: 'unconfirmed' }, 'vi'))).toBe('Sẽ được xác nhận tại bộ phận một cửa');
    expect(say('en', describeFee(repairPermit.fee, 'en'))).toBe('To be confirmed at the one-stop counter');
  });
});

describe('guide wording: the rest of the board', () => {
  it('words the pages to bring', () => {
    expect(say('vi', describePages({ min: 1, max: 1 }))).toBe('1 trang');
    expect(say('en', describePages({ min: 1, max: 1 }))).toBe('1 page');
    expect(say('vi', describePages({ min: 1, max: 2 }))).toBe('Từ 1 đến 2 trang');
    expect(say('en', describePages({ min: 0, max: 5 }))).toBe('Up to 5 pages');
  });

  it('does not show a local id as if it were a national procedure code', () => {
    expect(say('vi', describeProcedureCode(marriage.code))).toBe('Mã thủ tục: 1.000894');
    expect(say('vi', describeProcedureCode(repairPermit.code))).toBe('Mã thủ tục: sẽ được xác nhận tại bộ phận một cửa');
  });

  it('words the delivery methods', () => {
    expect(say('vi', describeDelivery('counter'))).toBe('Nhận trực tiếp tại bộ phận một cửa');
    expect(say('vi', describeDelivery('postal'))).toBe('Nhận qua dịch vụ bưu chính công ích');
  });

  it('names the agency from the catalog', () => {
    expect(agencyName(guideCatalog, marriage, 'vi')).toBe('UBND xã, phường');
    expect(agencyName(guideCatalog, { ...marriage, agency: 'khong-co' }, 'vi')).toBeNull();
  });

  it('counts procedures per category and leaves empty categories out', () => {
    expect(categoryCounts(guideCatalog).map((c) => [c.id, c.count])).toEqual([
      ['ho-tich', 3],
      ['xay-dung', 2],
    ]);
    expect(say('en', countWording(1))).toBe('1 procedure');
    expect(say('vi', countWording(3))).toBe('3 thủ tục');
  });
});

describe('guide wording: the site catalog', () => {
  // the real catalog (kiosk-config/catalog/catalog.json): every fact worded in both languages,
  // no placeholder left unfilled, and every unconfirmed fact said to be confirmed at the counter
  const catalog = JSON.parse(readFileSync(join(import.meta.dirname, '../../../../kiosk-config/catalog/catalog.json'), 'utf8')) as Catalog;

  it('words every time limit and fee of every procedure', () => {
    expect(catalog.procedures.length).toBeGreaterThan(0);
    for (const p of catalog.procedures) {
      for (const locale of ['vi', 'en'] as const) {
        const limit = say(locale, describeTimeLimit(p.timeLimit)) ?? '';
        const fee = say(locale, describeFee(p.fee, locale)) ?? '';
        expect(`${limit} ${fee}`, `${p.code} ${locale}`).not.toMatch(/[{}]|undefined|NaN/);
        if (p.timeLimit.kind === 'unconfirmed') expect(limit, p.code).toBe(say(locale, { key: 'guide.unconfirmed' }));
        if (p.fee.kind === 'unconfirmed') expect(fee, p.code).toBe(say(locale, { key: 'guide.unconfirmed' }));
      }
    }
  });
});
