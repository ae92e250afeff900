import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Shared between global-setup.ts and the specs.
export const kioskUrlEnv = 'KIOSK_E2E_URL';
export const e2ePins = { technician: '246810', officer: '135790' } as const;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const screensDir = join(repoRoot, 'tests/artifacts/screens');
export const hostLogPath = join(repoRoot, 'tests/artifacts/e2e-host.log');
