// Digit 4 of a CCCD number encodes the birth century and the sex:
// 1900s 0/1, 2000s 2/3, 2100s 4/5, 2200s 6/7, 2300s 8/9 (even male, odd female).
export type Sex = 'male' | 'female';

export const centurySexDigit = (birthYear: number, sex: Sex): string | undefined => {
  const century = Math.floor(birthYear / 100) - 19;
  if (century < 0 || century > 4) return undefined;
  return String(century * 2 + (sex === 'female' ? 1 : 0));
};

export const decodeCenturySexDigit = (digit: string): { centuryStart: number; sex: Sex } => {
  const d = Number(digit);
  return { centuryStart: 1900 + Math.floor(d / 2) * 100, sex: d % 2 === 1 ? 'female' : 'male' };
};
