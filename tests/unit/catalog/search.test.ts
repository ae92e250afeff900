import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../common/catalog/catalog-schema.js';
import { searchProcedures } from '../../../common/catalog/search.js';
import { shippedCatalog } from './catalog-fixtures.js';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await shippedCatalog();
});
const codes = (query: string, locale: 'vi' | 'en' = 'vi'): string[] => searchProcedures(catalog, query, locale).map((p) => p.code);

describe('searchProcedures on the shipped catalog', () => {
  it('finds marriage registration typed without tone marks, first', () => {
    expect(codes('dang ky ket hon')[0]).toBe('1.000894');
    // "Đăng ký lại kết hôn" also has every word
    expect(codes('dang ky ket hon')).toEqual(['1.000894', '1.004746']);
  });

  it('ignores case and marks: "ĐĂNG KÝ" finds every registration', () => {
    const found = codes('ĐĂNG KÝ');
    expect(found).toEqual(['1.000894', '1.004746', '1.004837', '1.004845']);
  });

  it('"ket hon" finds both marriage procedures, and the marital status certificate does not match', () => {
    expect(codes('ket hon')).toEqual(['1.000894', '1.004746']);
  });

  it('a national code finds its procedure', () => {
    expect(codes('1.000894')).toEqual(['1.000894']);
    expect(codes('1.0008')).toEqual(['1.000894']);
  });

  it('a local code finds its procedure', () => {
    expect(codes('LOCAL-GPXD')).toEqual(['LOCAL-GPXD-SUACHUA']);
  });

  it('"xay dung" ranks the construction permits (name matches) before procedures that only mention construction elsewhere', () => {
    const found = codes('xay dung');
    expect(found.slice(0, 2)).toEqual(['1.013225', 'LOCAL-GPXD-SUACHUA']);
  });

  it('"giam ho" finds guardianship and its end', () => {
    expect(codes('giam ho')).toEqual(['1.004837', '1.004845']);
  });

  it('English "marriage" finds the marriage procedures in the English locale, and in Vietnamese too', () => {
    expect(codes('marriage', 'en')).toEqual(['1.000894', '1.004746']);
    expect(codes('marriage', 'vi')).toEqual(['1.000894', '1.004746']);
  });

  it('words must start a word: "hon" matches "hôn" but "on" does not', () => {
    expect(codes('hon')).toContain('1.000894');
    expect(codes('on')).not.toContain('1.000894');
  });

  it('every token must match: a word from nowhere empties the result', () => {
    expect(codes('ket hon xyzzy')).toEqual([]);
  });

  it('matches the category and agency names too, after the name matches', () => {
    // "Hộ tịch" is the category of the six civil-status procedures; "trích lục hộ tịch" is also in one name
    const found = codes('ho tich');
    expect(found[0]).toBe('2.000635');
    expect(found).toHaveLength(6);
  });

  it('an empty or blank query returns the whole catalog in its order', () => {
    const all = catalog.procedures.map((p) => p.code);
    expect(codes('')).toEqual(all);
    expect(codes('   ')).toEqual(all);
  });
});
