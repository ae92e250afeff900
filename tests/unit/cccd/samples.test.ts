import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IdField, IdRule } from '../../../common/cccd/invalid-id-payload.js';
import { parseCccdQr } from '../../../common/cccd/parse-cccd-qr.js';
import { CitizenIdentity } from '../../../common/domain/citizen-identity.js';
import { parseCccdSamples } from '../../../hardware/simulators/id-reader-sim.js';
import { sharedPath as sharedFile } from '../../helpers/shared-path.js';

const sharedPath = sharedFile('samples', 'cccd-qr.tsv');
const copyPath = new URL('../../../kiosk-config/samples/cccd-qr.tsv', import.meta.url);
const samples = parseCccdSamples(readFileSync(sharedPath, 'utf8'));
const today = new Date(2026, 10, 24);

// the `why` column of each invalid row, read as the refusal it must produce
const expectedRefusals: Record<string, { field: IdField; rule: IdRule }> = {
  '29 February in a non-leap year': { field: 'dateOfBirth', rule: 'badDate' },
  'century/sex digit 2 (male, 2000s) disagrees with Nữ born 1985': { field: 'idNumber', rule: 'centurySexMismatch' },
  'only five fields': { field: 'payload', rule: 'fieldCount' },
  'ID number has 11 digits': { field: 'idNumber', rule: 'digitCount' },
  'issue date before date of birth': { field: 'issueDate', rule: 'issueBeforeBirth' },
};

describe('cccd-qr.tsv samples', () => {
  it('has both valid and invalid rows, and the kiosk-config copy is identical', () => {
    expect(samples.filter((s) => s.expect === 'valid').length).toBeGreaterThanOrEqual(4);
    expect(samples.filter((s) => s.expect === 'invalid').length).toBeGreaterThanOrEqual(5);
    expect(readFileSync(copyPath)).toEqual(readFileSync(sharedPath));
  });

  it.each(samples.filter((s) => s.expect === 'valid'))('valid: $why', ({ payload }) => {
    const r = parseCccdQr(payload, { today });
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    expect(CitizenIdentity.parse(r.value)).toEqual(r.value);
    expect(r.value.idNumber).toBe(payload.split('|')[0]);
    expect(r.value.source).toBe('qr');
  });

  it.each(samples.filter((s) => s.expect === 'invalid'))('invalid: $why', ({ why, payload }) => {
    const expected = expectedRefusals[why];
    expect(expected, `no expected refusal written down for "${why}"`).toBeDefined();
    expect(parseCccdQr(payload, { today })).toMatchObject({ ok: false, error: { kind: 'InvalidIdPayload', ...expected } });
  });

  it('reads the first sample field by field', () => {
    const first = samples[0];
    expect(first?.expect).toBe('valid');
    expect(parseCccdQr(first?.payload ?? '', { today })).toEqual({
      ok: true,
      value: {
        idNumber: '001090123456',
        oldIdNumber: '123456789',
        fullName: 'Nguyễn Văn An',
        dateOfBirth: '1990-01-01',
        sex: 'male',
        address: 'Số 12 phố Hàng Bạc, Phường Hoàn Kiếm, Hà Nội',
        issueDate: '2021-04-15',
        extraFields: [],
        warnings: [],
        source: 'qr',
      },
    });
  });

  it('keeps the extra trailing field of the newer card', () => {
    const newer = samples.find((s) => s.why.includes('extra trailing field'));
    const r = parseCccdQr(newer?.payload ?? '', { today });
    expect(r.ok && r.value.extraFields).toEqual(['extra']);
    expect(r.ok && r.value.oldIdNumber).toBeUndefined();
  });
});
