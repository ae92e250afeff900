import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../../common/text/fold.js';

describe('foldVietnamese', () => {
  it('makes an unaccented query equal to the accented name', () => {
    expect(foldVietnamese('Đăng ký kết hôn')).toBe('dang ky ket hon');
    expect(foldVietnamese('dang ky ket hon')).toBe(foldVietnamese('ĐĂNG KÝ KẾT HÔN'));
  });

  it('strips every tone and vowel mark, and đ/Đ becomes d', () => {
    expect(foldVietnamese('ă â ê ô ơ ư đ Đ ắ ằ ẳ ẵ ặ ế ộ ờ ữ ỵ')).toBe('a a e o o u d d a a a a a e o o u y');
  });

  it('treats decomposed (NFD) input like composed input', () => {
    expect(foldVietnamese('Nguyễn'.normalize('NFD'))).toBe('nguyen');
  });

  it('collapses and trims whitespace, including non-breaking spaces', () => {
    expect(foldVietnamese('  giám\u00a0\u00a0hộ \t\n')).toBe('giam ho');
  });

  it('leaves digits and punctuation as they are', () => {
    expect(foldVietnamese('1.000894 LOCAL-GPXD')).toBe('1.000894 local-gpxd');
  });
});
