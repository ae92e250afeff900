import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { connect } from 'node:tls';
import type { CertificateInfo } from '../../common/kiosk-api/diagnostics-contract.js';
import type { CityClient } from '../city/city-client-types.js';
import type { Secrets } from '../config/secrets.js';

// Is the city there, how fast does it answer, and when do the certificates run out? One light,
// authenticated request (the procedure list since now) proves the network, TLS and the
// kiosk's credentials at once, which a bare ping would not.

const DAY_MS = 24 * 3600_000;

export interface CityProbe {
  reachable: boolean;
  latencyMs: number | null;
  /** `CityUnreachable: …`; null when reachable */
  error: string | null;
}

export const probeCity = async (client: Pick<CityClient, 'listProcedures'>, timeoutMs: number, now: () => number = Date.now): Promise<CityProbe> => {
  const started = now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const r = await Promise.race([client.listProcedures(new Date(started).toISOString()), timeout]);
    if (r === 'timeout') return { reachable: false, latencyMs: null, error: `CityTimeout: no answer within ${timeoutMs} ms` };
    const latencyMs = now() - started;
    // a refusal (401, 403) still proves the way there works; the error says what to fix
    if (r.ok) return { reachable: true, latencyMs, error: null };
    const answered = r.error.kind === 'CityAuthFailed' || r.error.kind === 'CityRejected' || r.error.kind === 'CityNotFound';
    return { reachable: answered, latencyMs: answered ? latencyMs : null, error: `${r.error.kind}: ${r.error.message}` };
  } catch (e) {
    return { reachable: false, latencyMs: null, error: `CityUnreachable: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    clearTimeout(timer);
  }
};

const describe = (which: CertificateInfo['which'], cert: X509Certificate, now: number): CertificateInfo => {
  const notAfter = Date.parse(cert.validTo);
  return {
    which,
    subject: cert.subject.replace(/\n/g, ', '),
    notAfter: Number.isFinite(notAfter) ? new Date(notAfter).toISOString() : null,
    daysLeft: Number.isFinite(notAfter) ? Math.floor((notAfter - now) / DAY_MS) : null,
    error: null,
  };
};

const fromFile = async (which: CertificateInfo['which'], file: string, now: number): Promise<CertificateInfo> => {
  try {
    return describe(which, new X509Certificate(await readFile(file)), now);
  } catch (e) {
    return { which, subject: file, notAfter: null, daysLeft: null, error: e instanceof Error ? e.message : String(e) };
  }
};

/** What the city's server presents (https only); not verified here, only read. */
const serverCertificate = (baseUrl: string, timeoutMs: number, now: number): Promise<CertificateInfo | null> => {
  const u = new URL(baseUrl);
  if (u.protocol !== 'https:') return Promise.resolve(null);
  return new Promise((resolve) => {
    const socket = connect({ host: u.hostname, port: Number(u.port || 443), servername: u.hostname, rejectUnauthorized: false, timeout: timeoutMs });
    const done = (info: CertificateInfo) => {
      socket.destroy();
      resolve(info);
    };
    socket.once('secureConnect', () => {
      const raw = socket.getPeerX509Certificate();
      done(raw ? describe('server', raw, now) : { which: 'server', subject: u.host, notAfter: null, daysLeft: null, error: 'no certificate presented' });
    });
    socket.once('timeout', () => done({ which: 'server', subject: u.host, notAfter: null, daysLeft: null, error: `no TLS answer within ${timeoutMs} ms` }));
    socket.once('error', (e) => done({ which: 'server', subject: u.host, notAfter: null, daysLeft: null, error: e.message }));
  });
};

/** The client certificate and CA named in the secrets file, and the server's, with days left. */
export const certificates = async (secrets: Secrets, baseUrl: string, timeoutMs: number, now: number): Promise<CertificateInfo[]> => {
  const out: CertificateInfo[] = [];
  if (secrets.city?.clientCertFile) out.push(await fromFile('client', secrets.city.clientCertFile, now));
  if (secrets.city?.caFile) out.push(await fromFile('ca', secrets.city.caFile, now));
  const server = await serverCertificate(baseUrl, timeoutMs, now);
  if (server) out.push(server);
  return out;
};
