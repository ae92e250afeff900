import { randomInt } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import { z } from 'zod';
import { err, ok, type Result } from '../../common/result.js';
import { configLoadError, displayPath, type ConfigLoadError } from './config-error.js';
import { hashPin, parsePinHash } from './pin-hash.js';
import { readJsonConfigFile, type ReadFailureReason } from './read-config-file.js';
import { writeFileAtomic } from './write-file-atomic.js';
import { fieldIssues } from './zod-issues.js';

// Secrets (PIN hashes, city credentials) live outside the repo, in a file only the kiosk's
// user may read. The site file says which auth the city uses; this file holds the material.

const PinEntry = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'must be 1–40 letters, digits, dots, dashes or underscores'),
  hash: z.string().refine((h) => parsePinHash(h) !== null, 'must be a PIN hash of the form scrypt$N$r$p$salt$key (made by hashPin)'),
});
const PinList = z.array(PinEntry).refine((l) => new Set(l.map((e) => e.id)).size === l.length, 'must not use the same id twice');
const FilePath = z.string().min(1, 'must name a file');

export const SecretsFile = z.strictObject({
  pins: z.strictObject({ technician: PinList, officer: PinList }),
  city: z
    .strictObject({
      bearerToken: z.string().min(1, 'must not be empty').optional(),
      clientCertFile: FilePath.optional(),
      clientKeyFile: FilePath.optional(),
      caFile: FilePath.optional(),
    })
    .optional(),
});
export type Secrets = z.infer<typeof SecretsFile>;

export type SecretsErrorReason = ReadFailureReason | 'insecureMode' | 'invalid';
export interface SecretsLoadError extends ConfigLoadError {
  reason: SecretsErrorReason;
}

export interface LoadSecretsOptions {
  /** a missing file yields no PINs (diagnostics stays closed) instead of an error */
  allowMissing?: boolean;
}

export type SecretsEnv = Readonly<Record<string, string | undefined>>;

/** Reads the secrets file; `KIOSK_CITY_TOKEN` in `env` overrides `city.bearerToken`. */
export async function loadSecrets(file: string, env: SecretsEnv, opts: LoadSecretsOptions = {}): Promise<Result<Secrets, SecretsLoadError>> {
  const read = await readJsonConfigFile(file);
  if (!read.ok) {
    if (read.error.reason === 'missing' && opts.allowMissing) return ok(withEnv({ pins: { technician: [], officer: [] } }, env));
    const rule = read.error.reason === 'missing' ? `${read.error.rule}; create it with hashed PINs (see kiosk-config/README.md)` : read.error.rule;
    return err(secretsError(file, read.error.reason, [{ path: '', rule }]));
  }
  if (process.platform !== 'win32' && (read.value.mode & 0o077) !== 0) {
    const mode = read.value.mode.toString(8).padStart(4, '0');
    const rule = `is readable or writable by other users (mode ${mode}); secrets must be private: run chmod 600 ${displayPath(file)}`;
    return err(secretsError(file, 'insecureMode', [{ path: '', rule }]));
  }
  const parsed = SecretsFile.safeParse(read.value.json);
  if (!parsed.success) return err(secretsError(file, 'invalid', fieldIssues(parsed.error.issues, read.value.json)));
  return ok(withEnv(parsed.data, env));
}

function withEnv(secrets: Secrets, env: SecretsEnv): Secrets {
  const token = env.KIOSK_CITY_TOKEN;
  return token ? { ...secrets, city: { ...secrets.city, bearerToken: token } } : secrets;
}

const secretsError = (file: string, reason: SecretsErrorReason, issues: SecretsLoadError['issues']): SecretsLoadError => ({
  ...configLoadError(file, issues),
  reason,
});

export interface DevPins {
  technician: string;
  officer: string;
}

/**
 * For the embedded default only: creates a secrets file with fresh random PINs when there
 * is none, and returns the clear PINs so the caller can print them once. Null if the file
 * already exists (its PINs were shown when it was made).
 */
export async function ensureDevSecrets(file: string): Promise<DevPins | null> {
  if (await exists(file)) return null;
  const technician = randomPin();
  let officer = randomPin();
  while (officer === technician) officer = randomPin();
  const secrets: Secrets = {
    pins: {
      technician: [{ id: 'dev-technician', hash: await hashPin(technician) }],
      officer: [{ id: 'dev-officer', hash: await hashPin(officer) }],
    },
  };
  await writeFileAtomic(file, `${JSON.stringify(secrets, null, 2)}\n`, 0o600);
  return { technician, officer };
}

const randomPin = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'code' in e && e.code === 'ENOENT') return false;
    throw e;
  }
}
