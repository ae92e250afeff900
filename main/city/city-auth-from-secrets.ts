import { readFile } from 'node:fs/promises';
import type { SiteConfig } from '../../common/config/site-schema.js';
import { err, ok, type Result } from '../../common/result.js';
import type { Secrets, SecretsEnv } from '../config/secrets.js';
import type { CityAuth, CityClientOptions } from './city-connection.js';

// The site file says how the kiosk authenticates to the city; the secrets file (or
// KIOSK_CITY_TOKEN) holds the material. A missing piece is named, so a technician can fix it.

export type CitySecretName = 'city.bearerToken' | 'city.clientCertFile' | 'city.clientKeyFile' | 'city.caFile';

export type CityAuthConfigError =
  | { kind: 'CitySecretMissing'; secret: CitySecretName; message: string }
  | { kind: 'CitySecretUnreadable'; secret: CitySecretName; file: string; message: string }
  | { kind: 'CityAuthInsecure'; message: string };

type CityConfig = SiteConfig['city'];

/** The idle-body timeout is not in the site schema; a minute covers a slow 1 MiB PATCH answer. */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

export async function cityAuthFromSecrets(city: CityConfig, secrets: Secrets, env: SecretsEnv = {}): Promise<Result<CityAuth, CityAuthConfigError>> {
  const s = secrets.city ?? {};
  const type = city.auth.type;
  if (type !== 'none' && !city.baseUrl.startsWith('https:') && !isLoopback(city.baseUrl)) {
    return err({ kind: 'CityAuthInsecure', message: `city.auth ${type} needs an https baseUrl; ${city.baseUrl} would send credentials in clear` });
  }
  const ca = s.caFile === undefined ? ok(undefined) : await readSecretFile('city.caFile', s.caFile);
  if (!ca.ok) return ca;
  const withCa = ca.value === undefined ? {} : { ca: ca.value };
  switch (type) {
    case 'none':
      return ok({ type: 'none', ...withCa });
    case 'bearer': {
      const token = env.KIOSK_CITY_TOKEN || s.bearerToken;
      if (!token) return err(missing('city.bearerToken', 'city.auth is bearer but no token: set city.bearerToken in the secrets file or KIOSK_CITY_TOKEN'));
      return ok({ type: 'bearer', token, ...withCa });
    }
    case 'mtls': {
      if (s.clientCertFile === undefined) return err(missing('city.clientCertFile', 'city.auth is mtls but the secrets file names no city.clientCertFile'));
      if (s.clientKeyFile === undefined) return err(missing('city.clientKeyFile', 'city.auth is mtls but the secrets file names no city.clientKeyFile'));
      const cert = await readSecretFile('city.clientCertFile', s.clientCertFile);
      if (!cert.ok) return cert;
      const key = await readSecretFile('city.clientKeyFile', s.clientKeyFile);
      if (!key.ok) return key;
      return ok({ type: 'mtls', cert: cert.value, key: key.value, ...withCa });
    }
  }
}

/** Everything createCityClient needs, from the loaded site and secrets. */
export async function cityClientOptionsFromSite(
  site: Pick<SiteConfig, 'city' | 'kiosk'>,
  secrets: Secrets,
  env: SecretsEnv = {},
): Promise<Result<CityClientOptions, CityAuthConfigError>> {
  const auth = await cityAuthFromSecrets(site.city, secrets, env);
  if (!auth.ok) return auth;
  return ok({
    baseUrl: site.city.baseUrl,
    kioskId: site.kiosk.id,
    auth: auth.value,
    connectTimeoutMs: site.city.connectTimeoutSeconds * 1000,
    idleTimeoutMs: DEFAULT_IDLE_TIMEOUT_MS,
  });
}

const missing = (secret: CitySecretName, message: string): CityAuthConfigError => ({ kind: 'CitySecretMissing', secret, message });

async function readSecretFile(secret: CitySecretName, file: string): Promise<Result<Buffer, CityAuthConfigError>> {
  try {
    return ok(await readFile(file));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return err({ kind: 'CitySecretUnreadable', secret, file, message: `${secret} (${file}) cannot be read: ${why}` });
  }
}

function isLoopback(url: string): boolean {
  const host = URL.canParse(url) ? new URL(url).hostname : '';
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
}
