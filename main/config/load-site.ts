import type { FieldIssue } from '../../common/errors.js';
import { SiteConfig } from '../../common/config/site-schema.js';
import { err, ok, type Result } from '../../common/result.js';
import { configLoadError, type ConfigLoadError } from './config-error.js';
import { readJsonConfigFile } from './read-config-file.js';
import { fieldIssues } from './zod-issues.js';

export { formatConfigError, type ConfigLoadError } from './config-error.js';

/**
 * Reads and validates a site file. Every problem becomes a `field: rule` issue and the
 * message names the file, so an invalid file stops the kiosk with words a technician can
 * act on. Unknown fields are refused at every level (the schema's objects are strict).
 */
export async function loadSiteConfig(file: string): Promise<Result<SiteConfig, ConfigLoadError>> {
  const read = await readJsonConfigFile(file);
  if (!read.ok) return err(configLoadError(file, [{ path: '', rule: read.error.rule }]));
  return parseSiteConfig(read.value.json, file);
}

/** Validates an already-parsed site document; `file` only names it in messages. */
export function parseSiteConfig(json: unknown, file: string): Result<SiteConfig, ConfigLoadError> {
  const parsed = SiteConfig.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const issues: FieldIssue[] = fieldIssues(parsed.error.issues, json);
  return err(configLoadError(file, issues));
}
