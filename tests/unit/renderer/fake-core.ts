import type { PublicConfig } from '../../../common/config/public-config.js';
import type { DeviceStatus } from '../../../common/domain/device-status.js';
import { kioskError, type KioskError } from '../../../common/errors.js';
import type { KioskTransport } from '../../../common/kiosk-api/client.js';
import type { AppInfo } from '../../../common/kiosk-api/contract.js';
import type { KioskEvent } from '../../../common/kiosk-api/events.js';
import type { KioskMethod } from '../../../common/kiosk-api/methods.js';
import { err, ok, type Result } from '../../../common/result.js';
import { testCatalog } from './test-catalog.js';

export const testConfig: PublicConfig = {
  siteId: 'test-site',
  siteName: { vi: 'Chung cư Thử nghiệm', en: 'Test Apartments' },
  kioskId: 'KT01',
  locale: { default: 'vi', available: ['vi', 'en'] },
  timeouts: { idleSeconds: 15, warningSeconds: 10, diagnosticsIdleSeconds: 60 },
  hotline: { phone: '1900 1234', hours: { vi: '7:30–17:00', en: '7:30–17:00' } },
  attract: {
    slides: [
      { id: 'one', title: { vi: 'Một', en: 'One' }, body: { vi: 'Thân một', en: 'Body one' }, durationSeconds: 3 },
      { id: 'two', title: { vi: 'Hai', en: 'Two' }, body: { vi: 'Thân hai', en: 'Body two' }, durationSeconds: 5 },
    ],
  },
  procedures: ['1.001234'],
};

export const testAppInfo: AppInfo = {
  name: 'kiosk-dvc',
  version: '0.1.0',
  shell: 'browser-host',
  siteId: 'test-site',
  kioskId: 'KT01',
  startedAt: '2026-01-05T01:00:00.000Z',
};

export const testDevices: DeviceStatus[] = [
  { id: 'printer', state: 'online', implementation: 'simulator', media: 'ok', since: '2026-01-05T01:00:00.000Z' },
  { id: 'scanner', state: 'offline', implementation: 'simulator', lastError: 'lid open', since: '2026-01-05T01:00:00.000Z' },
];

export const pins = { technician: '246810', officer: '135790' } as const;

/**
 * An in-memory core behind the same transport interface the shells provide: it keeps one
 * session, checks PINs with a lockout, and records every call so tests can assert on them.
 */
export class FakeCore implements KioskTransport {
  readonly calls: { method: KioskMethod; args: unknown }[] = [];
  readonly #listeners = new Set<(e: KioskEvent) => void>();
  readonly #connection = new Set<(up: boolean) => void>();
  config: PublicConfig = testConfig;
  /** answers for methods a flow's tests need (each flow's tests set their own) */
  extra: Partial<Record<KioskMethod, (args: unknown) => Promise<Result<unknown, KioskError>>>> = {};
  /** how many config.public calls fail before one succeeds */
  failBoots = 0;
  failStart = false;
  sessionId: string | null = null;
  #sessionCount = 0;
  #wrongPins = 0;

  async call(method: KioskMethod, args: unknown): Promise<Result<unknown, KioskError>> {
    this.calls.push({ method, args });
    const extra = this.extra[method];
    if (extra) return extra(args);
    const a = (args ?? {}) as Record<string, unknown>;
    switch (method) {
      case 'config.public':
        if (this.failBoots > 0) {
          this.failBoots--;
          return err(kioskError('ConfigInvalid', 'site file invalid'));
        }
        return ok(this.config);
      case 'app.info':
        return ok(testAppInfo);
      case 'catalog.get':
        return ok(testCatalog);
      case 'session.start': {
        if (this.failStart) return err(kioskError('Internal', 'start failed'));
        this.sessionId = `session-${String(++this.#sessionCount).padStart(12, '0')}`;
        return ok({ sessionId: this.sessionId, startedAt: '2026-01-05T02:00:00.000Z', idleSeconds: 15, warningSeconds: 10 });
      }
      case 'session.activity':
        return a.sessionId === this.sessionId ? ok({ idleDeadline: '2026-01-05T02:00:15.000Z' }) : err(kioskError('SessionNotFound', 'no such session'));
      case 'session.end': {
        const wiped = a.sessionId === this.sessionId;
        if (wiped) this.sessionId = null;
        return ok({ wiped });
      }
      case 'devices.status':
        return ok(testDevices);
      case 'queue.counts':
        return ok({ counts: {}, oldestPendingAt: null });
      case 'auth.unlock': {
        if (this.#wrongPins >= 3) return err(kioskError('PinLocked', 'locked', { retryAfterMs: 300_000 }));
        const role = a.role === 'officer' ? 'officer' : 'technician';
        if (a.pin === pins[role]) {
          this.#wrongPins = 0;
          return ok({ role, operatorId: `${role}-test`, expiresAt: '2026-01-05T03:00:00.000Z' });
        }
        this.#wrongPins++;
        return err(kioskError('PinRejected', 'wrong pin'));
      }
      case 'auth.lock':
        return ok({});
      default:
        return err(kioskError('UnknownMethod', method));
    }
  }

  onEvent(listener: (e: KioskEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  onConnection(listener: (up: boolean) => void): () => void {
    this.#connection.add(listener);
    return () => this.#connection.delete(listener);
  }

  emit(event: KioskEvent): void {
    for (const l of this.#listeners) l(event);
  }

  setConnected(up: boolean): void {
    for (const l of this.#connection) l(up);
  }

  callsOf(method: KioskMethod): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }
}
