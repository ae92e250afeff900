import { loadCatalog } from '../catalog/load-catalog.js';

// The catalog's version for the Config screen and procedure names for the monthly report.
// A catalog that cannot be read is not the diagnostics' problem to report: null, and the
// journey's own loading says why.

export interface CatalogInfo {
  version: string;
  /** procedure code → Vietnamese name */
  names: Map<string, string>;
}

export const catalogInfo = async (configRoot: string, enabled: readonly string[]): Promise<CatalogInfo | null> => {
  try {
    const r = await loadCatalog(configRoot, enabled);
    return r.ok ? { version: r.value.version, names: new Map(r.value.procedures.map((p) => [p.code, p.name.vi])) } : null;
  } catch {
    return null;
  }
};
