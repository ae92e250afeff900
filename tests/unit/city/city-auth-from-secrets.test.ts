import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../../common/config/site-schema.js';
import { loadSecrets, type Secrets } from '../../../main/config/secrets.js';
import { cityAuthFromSecrets, cityClientOptionsFromSite } from '../../../main/city/city-auth-from-secrets.js';
import { createCityClient } from '../../../main/city/city-client.js';
import { makeTestPki, type TestPki } from '../../helpers/city-client-certs.js';
import { json, startScriptedServer } from '../../helpers/city-client-test-server.js';
import { status } from './city-fixtures.js';

// The site says which auth; the secrets file (or KIOSK_CITY_TOKEN) holds the material.

type City = SiteConfig['city'];
const city = (auth: City['auth'], baseUrl = 'https://intake.example.invalid/v1'): City => ({ baseUrl, auth, simulator: false, connectTimeoutSeconds: 7 });
const pins = { technician: [], officer: [] };

let pki: TestPki;
beforeAll(async () => {
  pki = await makeTestPki();
});
afterAll(async () => {
  await pki?.remove();
});

describe('cityAuthFromSecrets', () => {
  it('bearer without a token names the missing secret', async () => {
    const r = await cityAuthFromSecrets(city({ type: 'bearer' }), { pins });
    expect(r).toMatchObject({ ok: false, error: { kind: 'CitySecretMissing', secret: 'city.bearerToken' } });
  });

  it('bearer takes the token from the secrets, KIOSK_CITY_TOKEN overriding it', async () => {
    const secrets: Secrets = { pins, city: { bearerToken: 'from-file' } };
    expect(await cityAuthFromSecrets(city({ type: 'bearer' }), secrets)).toEqual({ ok: true, value: { type: 'bearer', token: 'from-file' } });
    expect(await cityAuthFromSecrets(city({ type: 'bearer' }), secrets, { KIOSK_CITY_TOKEN: 'from-env' })).toEqual({ ok: true, value: { type: 'bearer', token: 'from-env' } });
  });

  it('mtls without a key file names city.clientKeyFile', async () => {
    const r = await cityAuthFromSecrets(city({ type: 'mtls' }), { pins, city: { clientCertFile: pki.files.clientCert } });
    expect(r).toMatchObject({ ok: false, error: { kind: 'CitySecretMissing', secret: 'city.clientKeyFile' } });
  });

  it('mtls with an unreadable certificate file names it', async () => {
    const missingFile = join(pki.dir, 'nope.crt');
    const r = await cityAuthFromSecrets(city({ type: 'mtls' }), { pins, city: { clientCertFile: missingFile, clientKeyFile: pki.files.clientKey } });
    expect(r).toMatchObject({ ok: false, error: { kind: 'CitySecretUnreadable', secret: 'city.clientCertFile', file: missingFile } });
  });

  it('refuses to send credentials over plain http to anything but loopback', async () => {
    const secrets: Secrets = { pins, city: { bearerToken: 't' } };
    expect(await cityAuthFromSecrets(city({ type: 'bearer' }, 'http://city.example.vn/v1'), secrets)).toMatchObject({ ok: false, error: { kind: 'CityAuthInsecure' } });
    expect((await cityAuthFromSecrets(city({ type: 'bearer' }, 'http://127.0.0.1:8080/v1'), secrets)).ok).toBe(true);
  });

  it('from a real secrets file to a working mTLS client', async () => {
    const server = await startScriptedServer({ key: pki.serverKey, cert: pki.serverCert, ca: pki.caCert, requestCert: true, rejectUnauthorized: true });
    server.respond = json(200, status);
    const file = join(pki.dir, 'secrets.json');
    await writeFile(file, JSON.stringify({ pins, city: { clientCertFile: pki.files.clientCert, clientKeyFile: pki.files.clientKey, caFile: pki.files.caCert } }));
    await chmod(file, 0o600);
    const secrets = await loadSecrets(file, {});
    if (!secrets.ok) throw new Error(JSON.stringify(secrets.error));
    const opts = await cityClientOptionsFromSite({ kiosk: { id: 'K0007' }, city: city({ type: 'mtls' }, server.baseUrl) }, secrets.value);
    if (!opts.ok) throw new Error(opts.error.message);
    expect(opts.value).toMatchObject({ baseUrl: server.baseUrl, kioskId: 'K0007', connectTimeoutMs: 7000 });
    const client = createCityClient(opts.value);
    expect(await client.getStatus('X')).toEqual({ ok: true, value: status });
    expect(server.requests.at(-1)).toMatchObject({ clientCn: 'KIOSK-K0007', headers: { 'x-kiosk-id': 'K0007' } });
    client.close();
    await server.close();
  });
});
