import { join } from 'node:path';
import { Catalog } from '../../common/catalog/catalog-schema.js';
import type { FieldIssue } from '../../common/errors.js';
import { err, ok, type Result } from '../../common/result.js';
import { configLoadError, type ConfigLoadError } from '../config/config-error.js';
import { readJsonConfigFile } from '../config/read-config-file.js';
import { fieldIssues } from '../config/zod-issues.js';

export { formatConfigError, type ConfigLoadError } from '../config/config-error.js';
/** The brief's name for the error; the same shape as a refused site file. */
export type ConfigError = ConfigLoadError;

/** Where the catalog lives inside the kiosk-config directory. */
export const catalogFile = (configRoot: string): string => join(configRoot, 'catalog', 'catalog.json');

/**
 * Reads `<configRoot>/catalog/catalog.json`, validates it, and keeps only the procedures the
 * site enables, in the site's order (the order is the site's menu order). Categories and
 * agencies are kept whole: they are small, and the guide board may name an agency that has
 * no enabled procedure here.
 */
export async function loadCatalog(configRoot: string, enabled: readonly string[]): Promise<Result<Catalog, ConfigLoadError>> {
  const file = catalogFile(configRoot);
  const read = await readJsonConfigFile(file);
  if (!read.ok) return err(configLoadError(file, [{ path: '', rule: read.error.rule }]));
  return parseCatalog(read.value.json, enabled, file);
}

/** Validates an already-parsed catalog document; `file` only names it in messages. */
export function parseCatalog(json: unknown, enabled: readonly string[], file: string): Result<Catalog, ConfigLoadError> {
  const parsed = Catalog.safeParse(json);
  if (!parsed.success) return err(configLoadError(file, fieldIssues(parsed.error.issues, json)));
  return selectEnabled(parsed.data, enabled, file);
}

/** The catalog narrowed to the site's procedures; an unknown code is refused, not skipped. */
export function selectEnabled(catalog: Catalog, enabled: readonly string[], file: string): Result<Catalog, ConfigLoadError> {
  const byCode = new Map(catalog.procedures.map((p) => [p.code, p]));
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const procedures: Catalog['procedures'] = [];
  for (const code of enabled) {
    const procedure = byCode.get(code);
    if (procedure === undefined) {
      // a silently skipped code would leave a resident without a procedure the site promised
      issues.push({ path: 'procedures', rule: `has no procedure with code "${code}" (enabled by the site's procedures.enabled)` });
    } else if (!seen.has(code)) {
      seen.add(code);
      procedures.push(procedure);
    }
  }
  if (issues.length > 0) return err(configLoadError(file, issues));
  return ok({ ...catalog, procedures });
}
