import { centurySexDigit } from '../../common/cccd/century-sex.js';
import type { Applicant } from '../../common/city/city-contract.js';

// Synthetic people for the load driver: consistent (the 12-digit number agrees with the birth
// year and sex, as the real validator demands) and obviously fake (names from a fixed list).
const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const middles = { male: ['Văn', 'Đức', 'Minh', 'Quang'], female: ['Thị', 'Ngọc', 'Thu', 'Bích'] } as const;
const givens = { male: ['An', 'Bình', 'Cường', 'Dũng', 'Huy'], female: ['Hoa', 'Lan', 'Mai', 'Ngọc', 'Yến'] } as const;
const wards = ['Phường Hoàn Kiếm, Hà Nội', 'Phường Sài Gòn, Thành phố Hồ Chí Minh', 'Phường Hải Châu, Thành phố Đà Nẵng'];
const provinces = ['001', '079', '048'];

/** A small seeded generator so a load run can be repeated exactly. */
export const seededRandom = (seed: number) => {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
};

export const syntheticApplicant = (n: number, random: () => number): Applicant => {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const sex = random() < 0.5 ? 'male' : 'female';
  const year = 1950 + Math.floor(random() * 55);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const province = provinces[n % provinces.length] as string;
  const idNumber = `${province}${centurySexDigit(year, sex)}${String(year % 100).padStart(2, '0')}${String(Math.floor(random() * 1e6)).padStart(6, '0')}`;
  return {
    idNumber,
    fullName: `${pick(families)} ${pick(middles[sex])} ${pick(givens[sex])}`,
    dateOfBirth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    sex,
    address: `Số ${1 + Math.floor(random() * 200)}, ${pick(wards)}`,
    phone: `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
    identitySource: 'qr',
  };
};
