import { join } from 'node:path';
import { toPublicConfig } from '../../../common/config/public-config.js';
import { loadCatalog } from '../../../main/catalog/load-catalog.js';
import { loadSiteConfig } from '../../../main/config/load-site.js';
import { repoDir } from '../e2e-env.js';
import type { SiteData } from './journey-models.js';

/** The test-fast site's public config and catalog straight from kiosk-config/ (what the host serves). */
export const siteFromFiles = async (site = 'test-fast'): Promise<Pick<SiteData, 'config' | 'catalog'>> => {
  const configRoot = join(repoDir, 'kiosk-config');
  const loaded = await loadSiteConfig(join(configRoot, 'sites', `${site}.json`));
  if (!loaded.ok) throw new Error(`site ${site}: ${JSON.stringify(loaded.error)}`);
  const catalog = await loadCatalog(configRoot, loaded.value.procedures.enabled);
  if (!catalog.ok) throw new Error(`catalog: ${JSON.stringify(catalog.error)}`);
  return { config: toPublicConfig(loaded.value), catalog: catalog.value };
};
