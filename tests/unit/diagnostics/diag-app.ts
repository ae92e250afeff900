import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../hardware/clock.js';
import { createApp, type App } from '../../../main/app.js';
import { hashPin } from '../../../main/config/pin-hash.js';
import { createLogger } from '../../../main/log/logger.js';
import type { ArgsOf, ResultOf } from '../../../common/kiosk-api/contract.js';
import type { KioskMethod } from '../../../common/kiosk-api/methods.js';
import type { KioskError } from '../../../common/errors.js';
import type { Result } from '../../../common/result.js';
import { OFFICER_PIN, repoRoot, TECH_PIN, testSite } from '../../helpers/test-app.js';

// A core as the shells build it, but logging to its real JSON-lines file (startTestApp keeps
// logs silent), so the diagnostics tests can tail, export and scan what the kiosk writes.

export type SiteJson = { devices: Record<string, unknown>; city: Record<string, unknown>; timeouts: Record<string, unknown> };
export type DiagApp = App & {
  dataDir: string;
  sitePath: string;
  logFile: string;
  call<M extends KioskMethod>(method: M, args: ArgsOf<M>): Promise<Result<ResultOf<M>, KioskError>>;
  unlock(role?: 'technician' | 'officer'): Promise<void>;
};

/** A port nothing listens on: bind, note it, close. */
export const closedPort = async (): Promise<number> => {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
};

export const startDiagApp = async (opts: { clock?: Clock; site?: (s: SiteJson) => void; env?: NodeJS.ProcessEnv } = {}): Promise<DiagApp> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kiosk-diag-'));
  const sitePath = join(dataDir, 'site.json');
  if (opts.site) {
    const site = JSON.parse(await readFile(testSite, 'utf8')) as SiteJson;
    opts.site(site);
    await writeFile(sitePath, JSON.stringify(site));
  } else {
    await copyFile(testSite, sitePath);
  }
  const secretsPath = join(dataDir, 'secrets.json');
  const secrets = {
    pins: {
      technician: [{ id: 'tech-test', hash: await hashPin(TECH_PIN) }],
      officer: [{ id: 'officer-test', hash: await hashPin(OFFICER_PIN) }],
    },
  };
  await writeFile(secretsPath, JSON.stringify(secrets), { mode: 0o600 });
  const logFile = join(dataDir, 'logs', 'kiosk.jsonl');
  const created = await createApp(
    { sitePath, configRoot: join(repoRoot, 'kiosk-config'), dataDir, secretsPath, shell: 'browser-host' },
    { log: createLogger({ file: logFile, stderr: false, level: 'debug' }), ...(opts.clock ? { clock: opts.clock } : {}), ...(opts.env ? { env: opts.env } : {}) },
  );
  if (!created.ok) throw new Error(`test app failed to start: ${created.error.message}`);
  const app = created.value;
  const call = <M extends KioskMethod>(method: M, args: ArgsOf<M>) => app.core.dispatch(method, args) as Promise<Result<ResultOf<M>, KioskError>>;
  return {
    ...app,
    dataDir,
    sitePath,
    logFile,
    call,
    unlock: async (role = 'technician') => {
      const r = await call('auth.unlock', { role, pin: role === 'technician' ? TECH_PIN : OFFICER_PIN });
      if (!r.ok) throw new Error(`unlock failed: ${r.error.kind}`);
    },
  };
};

export const applicant = {
  idNumber: '001090123456',
  oldIdNumber: '123456789',
  fullName: 'Nguyễn Văn Anh',
  dateOfBirth: '1990-01-01',
  sex: 'male' as const,
  address: 'Số 12 phố Hàng Bạc, Hà Nội',
  phone: '0912345678',
  email: 'anh.nguyen@example.vn',
  identitySource: 'qr' as const,
};

/**
 * A dossier through the KioskApi as the journey submits it: session, one scanned page, submit,
 * end. 2.000635 (a civil-status extract) goes by post, so the delivery carries PII too.
 */
export const submitDossier = async (app: DiagApp, procedureCode = '2.000635'): Promise<string> => {
  const postal = procedureCode === '2.000635';
  const s = await app.call('session.start', { locale: 'vi' });
  if (!s.ok) throw new Error('session.start failed');
  const { sessionId } = s.value;
  const scanned = await app.call('scan.pages', { sessionId, componentId: 'to-khai', source: 'flatbed' });
  if (!scanned.ok) throw new Error(`scan failed: ${scanned.error.message}`);
  const r = await app.call('dossier.submit', {
    sessionId,
    procedureCode,
    applicant,
    form: { hoTenCha: 'Nguyễn Văn Bình', ghiChu: 'liên hệ 0912345678' },
    delivery: postal ? { method: 'postal', address: 'Số 12 phố Hàng Bạc, Hà Nội', recipientName: 'Nguyễn Văn Anh', phone: '0912345678' } : { method: 'counter' },
    consent: { version: 'consent-2026-01', purposes: ['xu-ly-ho-so'], givenAt: '2026-11-24T08:00:00+07:00' },
    components: ['to-khai'],
  });
  if (!r.ok) throw new Error(`submit failed: ${r.error.message}`);
  await app.call('session.end', { sessionId, reason: 'completed' });
  return r.value.localCode;
};

/** What must never leave the kiosk in clear: each piece of the applicant above, on its own. */
export const piiNeedles = ['001090123456', '123456789', 'Nguyễn Văn Anh', 'Nguyễn', 'Văn Anh', 'Hàng Bạc', 'Số 12', '0912345678', 'anh.nguyen@example.vn', '1990-01-01', 'Nguyễn Văn Bình'];
