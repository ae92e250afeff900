import { describe, expect, it } from 'vitest';
import { initials, maskIdNumber } from '../../../common/cccd/mask.js';

describe('maskIdNumber', () => {
  it.each([
    ['001090123456', '0010******56'],
    ['123456789', '1234***89'],
    ['1234567', '*******'],
    ['', ''],
  ])('%j → %j', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });
});

describe('initials', () => {
  it.each([
    ['Nguyễn Văn An', 'N. V. A.'],
    ['  Đỗ   Quang Huy ', 'Đ. Q. H.'],
    ['ánh'.normalize('NFD'), 'Á.'],
    ['', ''],
  ])('%j → %j', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
