import { describe, expect, it } from 'vitest';
import { hashPin, parsePinHash, verifyPin } from '../../../main/config/pin-hash.js';

const FAST = { N: 1024 };

describe('hashPin / verifyPin', () => {
  it('uses scrypt N=2^15, r=8, p=1 by default, with a 16-byte salt and a 32-byte key', async () => {
    const hash = await hashPin('482913');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/);
    const parsed = parsePinHash(hash);
    expect(parsed?.salt.length).toBe(16);
    expect(parsed?.key.length).toBe(32);
    // the default cost needs more than Node's default maxmem; verifying proves it is raised
    expect(await verifyPin('482913', hash)).toBe(true);
  });

  it('accepts the right PIN and rejects a wrong one', async () => {
    const hash = await hashPin('1234', FAST);
    expect(await verifyPin('1234', hash)).toBe(true);
    expect(await verifyPin('1235', hash)).toBe(false);
    expect(await verifyPin('12340', hash)).toBe(false);
  });

  it('salts: the same PIN gives different hashes that both verify', async () => {
    const [a, b] = [await hashPin('777777', FAST), await hashPin('777777', FAST)];
    expect(a).not.toBe(b);
    expect(await verifyPin('777777', a)).toBe(true);
    expect(await verifyPin('777777', b)).toBe(true);
  });

  it('records the cost parameters it used', async () => {
    const hash = await hashPin('2468', { N: 2048, r: 4, p: 2 });
    expect(hash.startsWith('scrypt$2048$4$2$')).toBe(true);
    expect(await verifyPin('2468', hash)).toBe(true);
  });

  it('rejects a hash whose key was altered', async () => {
    const hash = await hashPin('1234', FAST);
    const parts = hash.split('$');
    const key = Buffer.from(parts[5] ?? '', 'base64');
    key[0] = (key[0] ?? 0) ^ 1;
    parts[5] = key.toString('base64');
    expect(await verifyPin('1234', parts.join('$'))).toBe(false);
  });

  it('returns false for malformed hashes instead of throwing', async () => {
    for (const bad of ['', '1234', 'bcrypt$10$abc', 'scrypt$1000$8$1$c2FsdHNhbHQ=$a2V5a2V5a2V5a2V5a2V5a2V5', 'scrypt$1073741824$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5']) {
      expect(await verifyPin('1234', bad), bad).toBe(false);
    }
  });

  it('only hashes PINs of 4 to 8 digits', async () => {
    await expect(hashPin('123')).rejects.toThrow(RangeError);
    await expect(hashPin('12a4')).rejects.toThrow(RangeError);
    await expect(hashPin('123456789')).rejects.toThrow(RangeError);
    await expect(hashPin('1234', { N: 1000 })).rejects.toThrow(/out of range/);
  });
});
