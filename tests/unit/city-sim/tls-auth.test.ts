import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DossierCreated } from '../../../common/city/city-contract.js';
import { simHarness } from '../../helpers/city-sim-harness.js';
import { errorCode, rawRequest } from '../../helpers/city-sim-http.js';
import { jsonPost, kioskGet, pdfBytes, sha256, submission, tusCreateRequest, tusPatchRequest } from '../../helpers/city-sim-fixtures.js';

const h = simHarness();
afterEach(() => h.cleanup());

describe('city simulator: bearer tokens', () => {
  it('refuses /v1 without the right token with a 401 problem, but not /__sim', async () => {
    const sim = await h.start({ bearerToken: 's3cret' });
    const none = await rawRequest(`${sim.url}/procedures`, kioskGet());
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(none.headers['content-type']).toBe('application/problem+json');
    expect((await rawRequest(`${sim.url}/procedures`, kioskGet({ Authorization: 'Bearer wrong' }))).status).toBe(401);
    expect((await rawRequest(`${sim.url}/uploads`, { method: 'POST', headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '1' } })).status).toBe(401);
    expect((await rawRequest(`${sim.url}/procedures`, kioskGet({ Authorization: 'Bearer s3cret' }))).status).toBe(200);
    expect((await rawRequest(`${sim.origin}/__sim/records`)).status).toBe(200);
  });
});

// A throw-away PKI per run: a city CA (server and kiosk certs) and a stranger CA.
const pki = { dir: '', read: (name: string) => readFileSync(join(pki.dir, name), 'utf8') };
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: pki.dir, stdio: 'pipe' });
const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
const makeCa = (name: string) =>
  openssl('req', '-x509', ...ec, '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '2', '-subj', `/CN=${name}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
const makeLeaf = (name: string, ca: string, ext: string) => {
  writeFileSync(join(pki.dir, `${name}.ext`), ext);
  openssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
  openssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-out', `${name}.crt`, '-days', '2', '-extfile', `${name}.ext`);
};

beforeAll(() => {
  pki.dir = mkdtempSync(join(tmpdir(), 'city-sim-pki-'));
  makeCa('city-ca');
  makeCa('stranger-ca');
  makeLeaf('server', 'city-ca', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  makeLeaf('kiosk', 'city-ca', 'extendedKeyUsage=clientAuth\n');
  makeLeaf('impostor', 'stranger-ca', 'extendedKeyUsage=clientAuth\n');
});
afterAll(() => rmSync(pki.dir, { recursive: true, force: true }));

describe('city simulator: mutual TLS', () => {
  const start = () =>
    h.start({ tls: { cert: pki.read('server.crt'), key: pki.read('server.key'), ca: pki.read('city-ca.crt'), requestClientCert: true } });

  it('serves a kiosk whose certificate the city CA signed, with https upload locations', async () => {
    const sim = await start();
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1$/);
    const tls = { ca: pki.read('city-ca.crt'), cert: pki.read('kiosk.crt'), key: pki.read('kiosk.key') };
    expect((await rawRequest(`${sim.url}/procedures`, { ...kioskGet(), tls })).status).toBe(200);
    const file = pdfBytes('tls', 500);
    const created = await rawRequest(`${sim.url}/dossiers`, { ...jsonPost(submission('L-30', [file]), 'k-30'), tls });
    const { dossierId } = DossierCreated.parse(created.json());
    const up = await rawRequest(`${sim.url}/uploads`, { ...tusCreateRequest({ dossierId, sha256: sha256(file) }, file.length), tls });
    expect(up.status).toBe(201);
    expect(up.headers.location?.startsWith(`${sim.url}/uploads/`)).toBe(true);
    expect((await rawRequest(up.headers.location ?? '', { ...tusPatchRequest(0, file), tls })).status).toBe(204);
  });

  it('refuses a client without a certificate and one signed by another CA', async () => {
    const sim = await start();
    const ca = pki.read('city-ca.crt');
    const noCert = await errorCode(rawRequest(`${sim.url}/procedures`, { ...kioskGet(), tls: { ca } }));
    expect(noCert).toMatch(/CERTIFICATE_REQUIRED|ECONNRESET/);
    const stranger = await errorCode(rawRequest(`${sim.url}/procedures`, { ...kioskGet(), tls: { ca, cert: pki.read('impostor.crt'), key: pki.read('impostor.key') } }));
    // the server aborts the handshake; the client sees a reset or the TLS alert
    expect(stranger).toMatch(/ECONNRESET|UNKNOWN_CA|DECRYPT_ERROR/);
    expect((await sim.records()).counters.listProcedures.requests).toBe(0);
  });
});
