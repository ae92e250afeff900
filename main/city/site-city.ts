import { join } from 'node:path';
import type { SiteConfig } from '../../common/config/site-schema.js';
import { kioskError, type KioskError } from '../../common/errors.js';
import { err, ok, type Result } from '../../common/result.js';
import { startCitySimulator, type CitySimulator } from '../city-sim/server.js';
import type { Secrets } from '../config/secrets.js';
import type { Logger } from '../log/logger.js';
import { cityClientOptionsFromSite } from './city-auth-from-secrets.js';
import { createCityClient, type ClosableCityClient } from './city-client.js';

export interface SiteCity {
  client: ClosableCityClient;
  /** the local simulator, when the site asks for one and this process started it */
  simulator: CitySimulator | null;
  baseUrl: string;
  close(): Promise<void>;
}

const inUse = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: string }).code === 'EADDRINUSE';

/**
 * The city connector for the site: a client for its server, and first the local city
 * simulator when the site names one (`simulator: true`; port 0 in baseUrl picks a free port,
 * for tests). When the simulator's port is taken (`kiosk city-sim` runs apart), that one is used.
 */
export const connectSiteCity = async (
  site: Pick<SiteConfig, 'city' | 'kiosk'>,
  secrets: Secrets,
  opts: { dataDir: string; log: Logger; env?: Readonly<Record<string, string | undefined>> },
): Promise<Result<SiteCity, KioskError>> => {
  let simulator: CitySimulator | null = null;
  let baseUrl = site.city.baseUrl;
  if (site.city.simulator) {
    const u = new URL(baseUrl);
    try {
      simulator = await startCitySimulator({ host: u.hostname, port: Number(u.port || 80), dataDir: join(opts.dataDir, 'city-sim') });
      baseUrl = simulator.url;
      opts.log.info('simulator', 'city simulator listening', { url: baseUrl });
    } catch (e) {
      if (!inUse(e)) throw e;
      opts.log.info('simulator', 'city simulator address in use: using the one already there', { url: baseUrl });
    }
  }
  const options = await cityClientOptionsFromSite({ ...site, city: { ...site.city, baseUrl } }, secrets, opts.env ?? {});
  if (!options.ok) return err(kioskError('ConfigInvalid', options.error.message, { issues: [{ path: 'city.auth', rule: options.error.message }] }));
  const client = createCityClient(options.value);
  return ok({
    client,
    simulator,
    baseUrl,
    close: async () => {
      client.close();
      await simulator?.close();
    },
  });
};
