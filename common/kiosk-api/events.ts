import { z } from 'zod';
import { PublicConfig } from '../config/public-config.js';
import { DeviceStatus } from '../domain/device-status.js';
import { PageView, QueueCounts } from './contract.js';

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
]);
export type KioskEvent = z.infer<typeof KioskEvent>;
export type KioskEventType = KioskEvent['type'];
