import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Each Playwright worker starts its own browser host (kiosk-host.ts, the `host` worker fixture
// in kiosk-fixture.ts): the hosts share nothing, so two workers run side by side. This only
// checks, once, that there is something to serve.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export default function globalSetup(): void {
  if (!existsSync(join(repoRoot, 'dist/main/start.js')) || !existsSync(join(repoRoot, 'dist/renderer/index.html'))) {
    throw new Error('dist/ is not built: run `npm run build` (or `node scripts/build.mjs`) before the e2e tests');
  }
}
