import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Shared between global-setup.ts and the specs: global setup starts one browser host and
// leaves what the specs need in the environment (workers inherit the runner's environment).
export const kioskUrlEnv = 'KIOSK_E2E_URL';
/** the host's throwaway data dir (scans/, outbox/, logs/…), for the wipe checks */
export const dataDirEnv = 'KIOSK_E2E_DATA_DIR';
/** the city simulator's base URL (`http://127.0.0.1:<port>/v1`); its admin routes are at `/__sim/*` */
export const cityUrlEnv = 'KIOSK_E2E_CITY_URL';
export const e2ePins = { technician: '246810', officer: '135790' } as const;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const repoDir = repoRoot;
export const artifactsDir = join(repoRoot, 'tests/artifacts');
export const screensDir = join(repoRoot, 'tests/artifacts/screens');
/** the curated screenshots the README shows */
export const docsScreensDir = join(repoRoot, 'docs/screens');
export const hostLogPath = join(repoRoot, 'tests/artifacts/e2e-host.log');
/** what the model-based run covered (tests/e2e/model/) */
export const coveragePath = join(repoRoot, 'tests/e2e/coverage.json');

export interface E2eEnv {
  url: string;
  /** the page's origin, e.g. http://127.0.0.1:41303 */
  origin: string;
  /** the per-launch token (from the URL's `#token=` fragment) */
  token: string;
  dataDir: string;
  cityUrl: string;
}

export const e2eEnv = (): E2eEnv => {
  const url = process.env[kioskUrlEnv];
  const dataDir = process.env[dataDirEnv];
  const cityUrl = process.env[cityUrlEnv];
  if (!url || !dataDir || !cityUrl) throw new Error(`${kioskUrlEnv}/${dataDirEnv}/${cityUrlEnv} are not set: the e2e global setup did not start the host`);
  const u = new URL(url);
  const token = new URLSearchParams(u.hash.replace(/^#/, '')).get('token') ?? '';
  return { url, origin: u.origin, token, dataDir, cityUrl };
};
