import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCitySimulator, type CitySimulator, type CitySimulatorOptions } from '../../main/city-sim/server.js';

// Starts city simulators on temp data dirs and cleans them up after each test.

/** 08:00 on Tuesday 2026-11-24 in Vietnam */
export const T0 = Date.parse('2026-11-24T01:00:00Z');

export const simHarness = () => {
  const sims: CitySimulator[] = [];
  const dirs: string[] = [];
  return {
    dataDir(): string {
      const d = mkdtempSync(join(tmpdir(), 'city-sim-'));
      dirs.push(d);
      return d;
    },
    async start(opts: Partial<CitySimulatorOptions> = {}): Promise<CitySimulator> {
      const sim = await startCitySimulator({ dataDir: opts.dataDir ?? this.dataDir(), now: () => T0, ...opts });
      sims.push(sim);
      return sim;
    },
    async cleanup(): Promise<void> {
      await Promise.all(sims.splice(0).map((s) => s.close()));
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
};
