// Digits 1–3 of a CCCD number: where the birth was registered. Names only for the codes
// cccd.md gives; the list of codes is the 63 provinces of Circular 59/2021/TT-BCA (the
// General Statistics Office province codes), which cccd.md does not list — check it there.
// A code outside the list (births registered abroad use other codes; the 2025 province
// merger keeps existing numbers) is accepted with the warning 'unknownProvinceCode'.
export const provinceNames: Readonly<Record<string, string>> = {
  '001': 'Hà Nội',
  '031': 'Hải Phòng',
  '048': 'Đà Nẵng',
  '079': 'Hồ Chí Minh',
};

export const knownProvinceCodes: readonly string[] = [
  '001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019', '020', '022', '024', '025',
  '026', '027', '030', '031', '033', '034', '035', '036', '037', '038', '040', '042', '044', '045', '046', '048',
  '049', '051', '052', '054', '056', '058', '060', '062', '064', '066', '067', '068', '070', '072', '074', '075',
  '077', '079', '080', '082', '083', '084', '086', '087', '089', '091', '092', '093', '094', '095', '096',
];

const known = new Set(knownProvinceCodes);

export interface ProvinceOfBirthRegistration {
  code: string;
  known: boolean;
  name?: string;
}

export const provinceOf = (idNumber: string): ProvinceOfBirthRegistration => {
  const code = idNumber.slice(0, 3);
  const name = Object.hasOwn(provinceNames, code) ? provinceNames[code] : undefined;
  return name === undefined ? { code, known: known.has(code) } : { code, known: known.has(code), name };
};
