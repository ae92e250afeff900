import { z } from 'zod';

// XFS4IoT's device vocabulary, so technicians and fleet tools read the same words.
export const DeviceState = z.enum(['online', 'offline', 'noDevice', 'hardwareError', 'userError', 'deviceBusy']);
export type DeviceState = z.infer<typeof DeviceState>;

export const DeviceId = z.enum(['printer', 'scanner', 'idReader']);
export type DeviceId = z.infer<typeof DeviceId>;

export const PrinterMedia = z.enum(['ok', 'low', 'out', 'jammed']);
export type PrinterMedia = z.infer<typeof PrinterMedia>;

export const DeviceStatus = z.object({
  id: DeviceId,
  state: DeviceState,
  /** which implementation answers: a real adapter, a simulator, or none configured */
  implementation: z.enum(['real', 'simulator', 'null']),
  media: PrinterMedia.optional(),
  lastError: z.string().optional(),
  since: z.string(),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;
