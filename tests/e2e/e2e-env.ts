import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Shared by the host fixture (kiosk-host.ts) and the specs.
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

/** What a spec knows of its worker's browser host. */
export interface E2eEnv {
  url: string;
  /** the page's origin, e.g. http://127.0.0.1:41303 */
  origin: string;
  /** the per-launch token (from the URL's `#token=` fragment) */
  token: string;
  /** the host's throwaway data dir (scans/, outbox/, logs/…), for the wipe checks */
  dataDir: string;
  /** the city simulator's base URL (`http://127.0.0.1:<port>/v1`); its admin routes are at `/__sim/*` */
  cityUrl: string;
}

