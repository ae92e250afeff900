import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskContract } from '../../../common/kiosk-api/contract.js';
import { kioskMethods } from '../../../common/kiosk-api/methods.js';
import { createDispatcher, type Handlers } from '../../../main/core/dispatcher.js';
import { silentLogger } from '../../../main/log/logger.js';
import { startTestApp, TECH_PIN } from '../../helpers/test-app.js';

type App = Awaited<ReturnType<typeof startTestApp>>;
let app: App;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('KioskApi contract', () => {
  it('has a schema pair for every method name and no extra ones', () => {
    expect(Object.keys(kioskContract).sort()).toEqual([...kioskMethods].sort());
  });
});

describe('the core refuses bad calls with typed errors, never a crash', () => {
  const bad: [string, unknown, unknown, string][] = [
    ['unknown method', 'fs.readFile', {}, 'UnknownMethod'],
    ['method not a string', 42, {}, 'UnknownMethod'],
    ['prototype key as method', '__proto__', {}, 'UnknownMethod'],
    ['constructor as method', 'constructor', {}, 'UnknownMethod'],
    ['extra argument on a no-arg method', 'app.info', { x: 1 }, 'InvalidArguments'],
    ['args not an object', 'session.start', 'vi', 'InvalidArguments'],
    ['unknown locale', 'session.start', { locale: 'fr' }, 'InvalidArguments'],
    ['missing session id', 'session.activity', {}, 'InvalidArguments'],
    ['malformed session id', 'session.activity', { sessionId: '../../etc' }, 'InvalidArguments'],
    ['bad end reason', 'session.end', { sessionId: 'a'.repeat(24), reason: 'boom' }, 'InvalidArguments'],
    ['PIN with letters', 'auth.unlock', { role: 'technician', pin: '12ab56' }, 'InvalidArguments'],
    ['unknown role', 'auth.unlock', { role: 'root', pin: '123456' }, 'InvalidArguments'],
    ['PIN as number', 'auth.unlock', { role: 'technician', pin: 123456 }, 'InvalidArguments'],
  ];
  it.each(bad)('%s', async (_name, method, args, kind) => {
    const r = await app.core.dispatch(method, args);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe(kind);
      expect(JSON.stringify(r.error)).not.toMatch(/at .*\.ts:\d+/); // no stack traces
    }
  });

  it('names the offending field and the rule', async () => {
    const r = await app.core.dispatch('session.start', { locale: 'fr' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'InvalidArguments', issues: [{ path: 'locale' }] } });
  });

  it('a live session id that is not current gets SessionNotFound', async () => {
    const r = await app.core.dispatch('session.activity', { sessionId: 'a'.repeat(24) });
    expect(r).toMatchObject({ ok: false, error: { kind: 'SessionNotFound' } });
  });

  it('a handler that throws becomes Internal; one that drifts from the contract too', async () => {
    const throwing = { 'app.info': async () => { throw new Error('disk on fire'); } } as unknown as Handlers;
    const r1 = await createDispatcher(throwing, silentLogger)('app.info', {});
    expect(r1).toEqual({ ok: false, error: { kind: 'Internal', message: 'app.info failed' } });
    const drifting = { 'app.info': async () => ({ ok: true, value: { name: 1 } }) } as unknown as Handlers;
    const r2 = await createDispatcher(drifting, silentLogger)('app.info', {});
    expect(r2).toMatchObject({ ok: false, error: { kind: 'Internal' } });
  });
});

describe('good calls', () => {
  it('app.info and config.public describe the site without device or city settings', async () => {
    const info = await app.core.dispatch('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { shell: 'browser-host', siteId: 'test-fast', kioskId: 'TEST01' } });
    const cfg = await app.core.dispatch('config.public', undefined);
    expect(cfg.ok).toBe(true);
    const text = JSON.stringify(cfg);
    expect(text).not.toContain('baseUrl');
    expect(text).not.toContain('transport');
  });

  it('a session starts, takes activity and ends wiped', async () => {
    const started = await app.core.dispatch('session.start', { locale: 'vi' });
    if (!started.ok) throw new Error('session.start failed');
    const { sessionId } = started.value as { sessionId: string };
    expect(await app.core.dispatch('session.activity', { sessionId })).toMatchObject({ ok: true });
    expect(await app.core.dispatch('session.end', { sessionId, reason: 'user' })).toEqual({ ok: true, value: { wiped: true } });
    expect(await app.core.dispatch('session.activity', { sessionId })).toMatchObject({ ok: false, error: { kind: 'SessionNotFound' } });
  });

  it('auth.unlock checks the scrypt hash from the secrets file', async () => {
    expect(await app.core.dispatch('auth.unlock', { role: 'technician', pin: '000000' })).toMatchObject({ ok: false, error: { kind: 'PinRejected' } });
    expect(await app.core.dispatch('auth.unlock', { role: 'technician', pin: TECH_PIN })).toMatchObject({ ok: true, value: { role: 'technician', operatorId: 'tech-test' } });
    expect(await app.core.dispatch('auth.lock', {})).toEqual({ ok: true, value: {} });
  });

  it('devices.status reports each configured device in XFS4IoT words', async () => {
    const r = await app.core.dispatch('devices.status', {});
    expect(r).toMatchObject({ ok: true });
    if (r.ok) expect((r.value as { id: string }[]).map((d) => d.id).sort()).toEqual(['idReader', 'printer', 'scanner']);
  });
});
