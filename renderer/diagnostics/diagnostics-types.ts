import type { PublicConfig } from '../../common/config/public-config.js';
import type { DeviceStatus } from '../../common/domain/device-status.js';
import type { AppInfo } from '../../common/kiosk-api/contract.js';
import type { Operator } from '../machines/root-types.js';

/** What the diagnostics machine starts with; the root invokes it while a technician is in. */
export interface DiagnosticsInput {
  operator: Operator;
  config: PublicConfig | null;
  appInfo: AppInfo | null;
  devices: DeviceStatus[];
}
