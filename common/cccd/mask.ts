// What logs and diagnostics may show of a resident: enough to tell two cards apart at a
// glance, not enough to identify anyone.

/** '001090123456' → '0010******56': province and century/sex digits, and the last two. */
export const maskIdNumber = (idNumber: string): string => {
  const chars = [...idNumber];
  if (chars.length < 8) return '*'.repeat(chars.length);
  return chars.slice(0, 4).join('') + '*'.repeat(chars.length - 6) + chars.slice(-2).join('');
};

/** 'Nguyễn Văn An' → 'N. V. A.' (first letter of each word, diacritics kept). */
export const initials = (fullName: string): string =>
  fullName
    .normalize('NFC')
    .split(/\s+/u)
    .filter((word) => word !== '')
    .map((word) => `${[...word][0]?.toLocaleUpperCase('vi') ?? ''}.`)
    .join(' ');
