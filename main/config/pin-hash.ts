import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// PINs are short, so the hash must be slow: scrypt with N=2^15 costs ~32 MiB and tens of
// milliseconds per try. Format: `scrypt$N$r$p$<salt base64>$<key base64>`.

export interface PinHashOptions {
  /** CPU/memory cost, a power of two (default 2^15) */
  N?: number;
  r?: number;
  p?: number;
}

export interface ParsedPinHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

export const PIN_FORMAT = /^[0-9]{4,8}$/;
const DEFAULTS = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const B64 = '([A-Za-z0-9+/]+={0,2})';
const HASH_FORMAT = new RegExp(`^scrypt\\$(\\d{1,8})\\$(\\d{1,3})\\$(\\d{1,3})\\$${B64}\\$${B64}$`);

// bounds keep a hand-edited hash from asking for gigabytes of memory at the PIN pad
const paramsOk = (N: number, r: number, p: number): boolean =>
  Number.isInteger(Math.log2(N)) && N >= 2 && N <= 2 ** 20 && r >= 1 && r <= 32 && p >= 1 && p <= 16;

export async function hashPin(pin: string, opts: PinHashOptions = {}): Promise<string> {
  if (!PIN_FORMAT.test(pin)) throw new RangeError('a PIN must be 4 to 8 digits');
  const { N, r, p } = { ...DEFAULTS, ...opts };
  if (!paramsOk(N, r, p)) throw new RangeError(`scrypt parameters out of range: N=${N} r=${r} p=${p}`);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(pin, salt, KEY_BYTES, N, r, p);
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Null when the text is not a hash this module can check. */
export function parsePinHash(hash: string): ParsedPinHash | null {
  const m = HASH_FORMAT.exec(hash);
  if (!m) return null;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const salt = Buffer.from(m[4] ?? '', 'base64');
  const key = Buffer.from(m[5] ?? '', 'base64');
  if (!paramsOk(N, r, p) || salt.length < 8 || key.length < 16 || key.length > 64) return null;
  return { N, r, p, salt, key };
}

/** False for a wrong PIN and for a malformed hash; compares in constant time. */
export async function verifyPin(pin: string, hash: string): Promise<boolean> {
  const parsed = parsePinHash(hash);
  if (!parsed || !PIN_FORMAT.test(pin)) return false;
  const candidate = await derive(pin, parsed.salt, parsed.key.length, parsed.N, parsed.r, parsed.p);
  return timingSafeEqual(candidate, parsed.key);
}

function derive(pin: string, salt: Buffer, keylen: number, N: number, r: number, p: number): Promise<Buffer> {
  // Node's default maxmem (32 MiB) is exactly what N=2^15, r=8 needs, which it refuses
  const maxmem = 128 * r * (N + p) * 2;
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, keylen, { N, r, p, maxmem }, (e, key) => (e ? reject(e) : resolve(key)));
  });
}
