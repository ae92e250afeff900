// System test: after dossiers went through the forwarder to the city simulator, no byte of the
// kiosk's outbox folder (db, -wal, -shm, attachment packs; the key lives outside it) holds the
// resident's ID number, name (NFC or NFD) or address in clear.
//
// Small and fixed: 3 dossiers in both modes (`KIOSK_QUICK=1` changes nothing here).
import { readdir, readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCityClient, type ClosableCityClient } from '../../../main/city/city-client.js';
import { startCitySimulator, type CitySimulator } from '../../../main/city-sim/server.js';
import { Forwarder } from '../../../main/outbox/forwarder.js';
import { fileKeyProvider } from '../../../main/outbox/key-provider.js';
import { Outbox } from '../../../main/outbox/outbox.js';
import { resident, sampleInput } from '../../helpers/outbox-fixtures.js';
import { waitFor } from '../../helpers/system-fixtures.js';

let work: string;
let sim: CitySimulator | undefined;
let outbox: Outbox | undefined;
let client: ClosableCityClient | undefined;
let forwarder: Forwarder | undefined;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-pii-'));
});

afterAll(async () => {
  await forwarder?.stop();
  client?.close();
  await outbox?.close();
  await sim?.close();
  await rm(work, { recursive: true, force: true });
});

const needles = (): [string, Buffer][] => [
  ['ID number', Buffer.from(resident.idNumber, 'utf8')],
  ['name NFC', Buffer.from(resident.fullName.normalize('NFC'), 'utf8')],
  ['name NFD', Buffer.from(resident.fullName.normalize('NFD'), 'utf8')],
  ['address NFC', Buffer.from(resident.address.normalize('NFC'), 'utf8')],
  ['address NFD', Buffer.from(resident.address.normalize('NFD'), 'utf8')],
];

/** every regular file under `dir`, with which needles its raw bytes contain */
async function scan(dir: string): Promise<{ files: string[]; hits: string[] }> {
  const files: string[] = [];
  const hits: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const rel = path.slice(dir.length + 1);
    files.push(rel);
    const bytes = await readFile(path);
    for (const [what, needle] of needles()) if (bytes.includes(needle)) hits.push(`${what} in ${rel}`);
  }
  return { files, hits };
}

describe('PII at rest after forwarding', () => {
  it('the outbox folder holds no ID number, name or address in clear; the city (the positive control) does', async () => {
    sim = await startCitySimulator({ dataDir: join(work, 'city') });
    const dir = join(work, 'kiosk', 'outbox');
    const opened = await Outbox.open({ dir, kioskId: 'K0007', keyProvider: fileKeyProvider(join(work, 'kiosk', 'outbox.key')) });
    if (!opened.ok) throw new Error(opened.error.message);
    outbox = opened.value;
    client = createCityClient({ baseUrl: sim.url, kioskId: 'K0007', auth: { type: 'none' }, connectTimeoutMs: 2_000, idleTimeoutMs: 5_000 });
    forwarder = new Forwarder({ outbox, city: client, backoff: { baseMs: 20, capMs: 200 } });
    forwarder.start();
    for (let i = 0; i < 3; i++) {
      const r = await outbox.enqueue(sampleInput(2, 30 * 1024));
      if (!r.ok) throw new Error(r.error.message);
      forwarder.wake();
    }
    const o = outbox;
    await waitFor('3 dossiers delivered', async () => ((await o.counts()).counts.delivered === 3 ? true : undefined), { timeoutMs: 30_000 });
    await forwarder.stop();

    // while open: the WAL and shared-memory files are there too
    const live = await scan(dir);
    expect(live.files).toEqual(expect.arrayContaining(['outbox.db', 'outbox.db-wal', 'outbox.db-shm']));
    expect(live.files.filter((f) => f.startsWith('attachments')).length).toBeGreaterThanOrEqual(3);
    expect(live.hits).toEqual([]);

    await outbox.close();
    outbox = undefined;
    expect((await scan(dir)).hits).toEqual([]);

    // the scan finds these needles where they are in clear: the city's records of the same dossiers
    const city = await scan(join(work, 'city'));
    expect(city.hits.some((h) => h.startsWith('ID number'))).toBe(true);
    expect(city.hits.some((h) => h.startsWith('name NFC'))).toBe(true);
  }, 60_000);
});
