import { mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../main/log/logger.js';
import { tailLogs } from '../../../main/log/log-reader.js';

const tmp = () => mkdtemp(join(tmpdir(), 'kiosk-log-'));
const lines = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the JSON-lines logger', () => {
  it('writes one object per line and redacts PII for every caller', async () => {
    const file = join(await tmp(), 'kiosk.jsonl');
    const log = createLogger({ file, stderr: false });
    log.info('identity', 'card 001090123456 read', { fullName: 'Nguyễn Văn An', address: 'Số 12 phố Hàng Bạc', procedureCode: '1.000894' });
    log.debug('identity', 'below the level: not written');
    const [line, ...more] = await lines(file);
    expect(more).toEqual([]);
    expect(line).toMatchObject({ level: 'info', component: 'identity', message: 'card 0010******56 read', fullName: 'N. V. A.', address: '[redacted]', procedureCode: '1.000894' });
    const raw = await readFile(file, 'utf8');
    expect(raw).not.toContain('001090123456');
    expect(raw).not.toContain('Nguyễn');
    expect(raw).not.toContain('Hàng Bạc');
  });

  it('a field cannot pass itself off as the line’s own level or message', async () => {
    const file = join(await tmp(), 'kiosk.jsonl');
    createLogger({ file, stderr: false }).warn('x', 'real', { level: 'debug', message: 'fake' });
    expect((await lines(file))[0]).toMatchObject({ level: 'warn', message: 'real', 'field.level': 'debug', 'field.message': 'fake' });
  });

  it('rotates by size: kiosk.jsonl → kiosk.1.jsonl …, keeping only `keep` old files', async () => {
    const dir = await tmp();
    const file = join(dir, 'kiosk.jsonl');
    const log = createLogger({ file, stderr: false, rotation: { maxBytes: 400, keep: 3 } });
    for (let i = 0; i < 40; i++) log.info('t', `line ${i}`, { pad: 'x'.repeat(60) });
    const names = (await readdir(dir)).sort();
    expect(names).toEqual(['kiosk.1.jsonl', 'kiosk.2.jsonl', 'kiosk.3.jsonl', 'kiosk.jsonl']);
    for (const n of names) expect((await readFile(join(dir, n))).length).toBeLessThanOrEqual(400);
    // the newest line is in the live file, the ones before it in .1, and the oldest are gone
    expect((await lines(file)).at(-1)).toMatchObject({ message: 'line 39' });
    const kept = (await Promise.all(names.map((n) => lines(join(dir, n))))).flat().map((l) => l.message);
    expect(kept).not.toContain('line 0');
    // the tail reads across rotated files, oldest first
    const tail = await tailLogs(file, { limit: 6 });
    expect(tail.lines.map((l) => l.message)).toEqual(['line 34', 'line 35', 'line 36', 'line 37', 'line 38', 'line 39']);
  });

  it('rotates by age, and deletes rotated files older than maxAgeDays', async () => {
    const dir = await tmp();
    const file = join(dir, 'kiosk.jsonl');
    let now = Date.parse('2026-11-01T00:00:00Z');
    // an old rotated file left from a month ago
    await writeFile(join(dir, 'kiosk.5.jsonl'), '{"at":"2026-10-01T00:00:00Z","level":"info","component":"t","message":"old"}\n');
    const old = new Date('2026-10-01T00:00:00Z');
    await utimes(join(dir, 'kiosk.5.jsonl'), old, old);
    const log = createLogger({ file, stderr: false, now: () => now, rotation: { maxFileAgeMs: 24 * 3600_000, maxAgeDays: 14, keep: 10 } });
    expect(await readdir(dir)).toEqual([]);
    log.info('t', 'day one');
    now += 25 * 3600_000;
    log.info('t', 'day two');
    expect((await readdir(dir)).sort()).toEqual(['kiosk.1.jsonl', 'kiosk.jsonl']);
    expect((await lines(join(dir, 'kiosk.1.jsonl'))).map((l) => l.message)).toEqual(['day one']);
    expect((await lines(file)).map((l) => l.message)).toEqual(['day two']);
  });

  it('tail filters by minimum level, component and text', async () => {
    const file = join(await tmp(), 'kiosk.jsonl');
    const log = createLogger({ file, stderr: false });
    log.info('outbox', 'kept');
    log.warn('outbox', 'slow disk');
    log.error('printer', 'paper out');
    log.warn('printer', 'cover open');
    expect((await tailLogs(file, { level: 'warn' })).lines.map((l) => l.message)).toEqual(['slow disk', 'paper out', 'cover open']);
    expect((await tailLogs(file, { component: 'printer', level: 'error' })).lines.map((l) => l.message)).toEqual(['paper out']);
    expect((await tailLogs(file, { contains: 'COVER' })).lines.map((l) => l.message)).toEqual(['cover open']);
    expect((await tailLogs(file)).components).toEqual(['outbox', 'printer']);
  });
});
