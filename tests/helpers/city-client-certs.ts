import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// A throwaway PKI made with the openssl CLI: the city's CA, a server certificate for
// 127.0.0.1, a kiosk client certificate, and an unrelated CA to trust by mistake.

const run = promisify(execFile);

export interface TestPki {
  dir: string;
  caCert: Buffer;
  serverCert: Buffer;
  serverKey: Buffer;
  clientCert: Buffer;
  clientKey: Buffer;
  otherCaCert: Buffer;
  files: { caCert: string; clientCert: string; clientKey: string };
  remove(): Promise<void>;
}

export async function makeTestPki(): Promise<TestPki> {
  const dir = await mkdtemp(join(tmpdir(), 'city-pki-'));
  const f = (name: string): string => join(dir, name);
  const ossl = (...args: string[]) => run('openssl', args, { cwd: dir });

  const selfSignedCa = (name: string, cn: string) =>
    ossl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', f(`${name}.key`), '-out', f(`${name}.crt`),
      '-days', '2', '-subj', `/CN=${cn}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  const leaf = async (name: string, cn: string, ext: string) => {
    await ossl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', f(`${name}.key`), '-out', f(`${name}.csr`), '-subj', `/CN=${cn}`);
    await writeFile(f(`${name}.ext`), ext);
    await ossl('x509', '-req', '-in', f(`${name}.csr`), '-CA', f('ca.crt'), '-CAkey', f('ca.key'), '-CAcreateserial', '-out', f(`${name}.crt`), '-days', '2', '-extfile', f(`${name}.ext`));
  };

  await Promise.all([selfSignedCa('ca', 'Test City CA'), selfSignedCa('other-ca', 'Some Other CA')]);
  await leaf('server', '127.0.0.1', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  await leaf('client', 'KIOSK-K0007', 'extendedKeyUsage=clientAuth\n');

  const read = (name: string) => readFile(f(name));
  return {
    dir,
    caCert: await read('ca.crt'),
    serverCert: await read('server.crt'),
    serverKey: await read('server.key'),
    clientCert: await read('client.crt'),
    clientKey: await read('client.key'),
    otherCaCert: await read('other-ca.crt'),
    files: { caCert: f('ca.crt'), clientCert: f('client.crt'), clientKey: f('client.key') },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
