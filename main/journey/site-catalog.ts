import type { Catalog, Procedure } from '../../common/catalog/catalog-schema.js';
import { ok, type Result } from '../../common/result.js';
import { loadCatalog, type ConfigError } from '../catalog/load-catalog.js';

/**
 * The running site's catalog: only the procedures the site enables. Like the site config,
 * a reload that fails leaves the last good catalog in place; reloads run one at a time.
 */
export class SiteCatalog {
  #catalog: Catalog;
  #byCode: Map<string, Procedure>;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly configRoot: string,
    catalog: Catalog,
  ) {
    this.#catalog = catalog;
    this.#byCode = SiteCatalog.#index(catalog);
  }

  static async open(configRoot: string, enabled: readonly string[]): Promise<Result<SiteCatalog, ConfigError>> {
    const loaded = await loadCatalog(configRoot, enabled);
    return loaded.ok ? ok(new SiteCatalog(configRoot, loaded.value)) : loaded;
  }

  get current(): Catalog {
    return this.#catalog;
  }

  procedure(code: string): Procedure | undefined {
    return this.#byCode.get(code);
  }

  /** Re-reads the catalog for `enabled`; on error the previous catalog stays and the error is returned. */
  reload(enabled: readonly string[]): Promise<Result<Catalog, ConfigError>> {
    const run = this.#queue.then(async () => {
      const loaded = await loadCatalog(this.configRoot, enabled);
      if (loaded.ok) {
        this.#catalog = loaded.value;
        this.#byCode = SiteCatalog.#index(loaded.value);
      }
      return loaded;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  static #index(catalog: Catalog): Map<string, Procedure> {
    return new Map(catalog.procedures.map((p) => [p.code, p]));
  }
}
