import { isDeepStrictEqual } from 'node:util';
import type { SiteConfig } from '../../common/config/site-schema.js';
import { err, ok, type Result } from '../../common/result.js';
import type { ConfigLoadError } from './config-error.js';
import { loadSiteConfig } from './load-site.js';

export type ConfigListener = (next: SiteConfig, previous: SiteConfig) => void;

/**
 * The running site config. A reload that fails validation leaves the last good config in
 * place (DESIGN.md: "the last good config keeps running"); a valid one that differs
 * replaces it and tells the listeners. Reloads run one at a time, in call order.
 */
export class ConfigStore {
  #config: SiteConfig;
  readonly #listeners = new Set<ConfigListener>();
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    config: SiteConfig,
  ) {
    this.#config = config;
  }

  static async open(file: string): Promise<Result<ConfigStore, ConfigLoadError>> {
    const loaded = await loadSiteConfig(file);
    return loaded.ok ? ok(new ConfigStore(file, loaded.value)) : loaded;
  }

  get current(): SiteConfig {
    return this.#config;
  }

  /** Re-reads the file. On error the previous config keeps running and the error is returned. */
  reload(): Promise<Result<SiteConfig, ConfigLoadError>> {
    const run = this.#queue.then(() => this.#reloadNow());
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Called after a reload that changed the config; returns the unsubscribe function. */
  onChange(listener: ConfigListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  async #reloadNow(): Promise<Result<SiteConfig, ConfigLoadError>> {
    const loaded = await loadSiteConfig(this.file);
    if (!loaded.ok) return err(loaded.error);
    const previous = this.#config;
    // an unchanged file must not make devices and screens restart for nothing
    if (isDeepStrictEqual(previous, loaded.value)) return ok(previous);
    this.#config = loaded.value;
    const failures: unknown[] = [];
    for (const listener of [...this.#listeners]) {
      try {
        listener(loaded.value, previous);
      } catch (e) {
        failures.push(e);
      }
    }
    // a throwing listener is a bug in the kiosk, not in the file: the new config stays, the bug surfaces
    if (failures.length > 0) throw new AggregateError(failures, 'a config change listener threw');
    return ok(loaded.value);
  }
}
