import { z } from 'zod';
import { PublicConfig } from '../config/public-config.js';
import { DeviceStatus } from '../domain/device-status.js';
import { CitizenIdentity } from '../domain/citizen-identity.js';
import { PageView, QueueCounts } from './contract.js';

export const ReaderRead = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('identity'), identity: CitizenIdentity }),
  z.object({ kind: z.literal('trackingCode'), code: z.string() }),
  /** `field`/`rule` from the CCCD parser (common/cccd/invalid-id-payload.ts), or garbage bytes */
  z.object({ kind: z.literal('invalid'), field: z.string(), rule: z.string() }),
]);
export type ReaderRead = z.infer<typeof ReaderRead>;

// Events the core pushes to the renderer. The renderer's machines receive them as `core.*`.
export const SessionTimerEvent = z.object({
  type: z.literal('session.timer'),
  sessionId: z.string(),
  /** active: nothing to show; warning: show the countdown; expired: the session was wiped */
  phase: z.enum(['active', 'warning', 'expired']),
  remainingMs: z.number(),
});

export const KioskEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('device.status'), devices: z.array(DeviceStatus) }),
  z.object({ type: z.literal('queue.counts'), queue: QueueCounts }),
  SessionTimerEvent,
  z.object({ type: z.literal('config.changed'), config: PublicConfig }),
  /** one per page while a scan runs, so the screen can show progress and thumbnails */
  z.object({ type: z.literal('scan.page'), sessionId: z.string(), componentId: z.string(), page: PageView }),
  /**
   * what the QR reader read, sent only while a session is live (no PII broadcast to an empty
   * screen): a CCCD, a receipt's tracking code, or something it could not use
   */
  z.object({ type: z.literal('reader.read'), sessionId: z.string(), read: ReaderRead }),
]);
export type KioskEvent = z.infer<typeof KioskEvent>;
export type KioskEventType = KioskEvent['type'];
