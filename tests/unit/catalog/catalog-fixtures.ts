import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalog } from '../../../common/catalog/catalog-schema.js';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const configRoot = join(repoRoot, 'kiosk-config');
export const catalogPath = join(configRoot, 'catalog', 'catalog.json');

/** The shipped catalog file as parsed JSON, before validation (a fresh copy each call). */
export async function readCatalogJson(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(catalogPath, 'utf8')) as Record<string, unknown>;
}

/** The shipped catalog, validated, with every procedure (no site filter). */
export async function shippedCatalog(): Promise<Catalog> {
  return Catalog.parse(await readCatalogJson());
}
