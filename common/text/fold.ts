// Residents type on a touch keyboard, often without tone marks ("dang ky ket hon"); search
// compares both sides folded to bare lower-case Latin letters so either spelling matches.

const combiningMarks = /\p{M}/gu;

/**
 * Lower-case, without tone or vowel marks, đ → d, whitespace collapsed to single spaces.
 * "Đăng  ký kết hôn" → "dang ky ket hon". Every character of the input maps to at most one
 * character of the output except removed marks, so folded text stays readable.
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(combiningMarks, '')
    // đ/Đ is a letter of its own, not d plus a mark, so NFD leaves it alone
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}
