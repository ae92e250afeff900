import type { SiteConfig } from '../../common/config/site-schema.js';
import type { DeviceId, DeviceStatus } from '../../common/domain/device-status.js';

// The foundation's device view: what the site config names, as XFS4IoT statuses. The device
// manager in hardware/ replaces the `simulator` and `real` entries with live adapters.
const implementationOf = (kind: string): DeviceStatus['implementation'] =>
  kind === 'simulator' ? 'simulator' : kind === 'none' ? 'null' : 'real';

export const configuredDeviceStatuses = (devices: SiteConfig['devices'], since: string): DeviceStatus[] =>
  (Object.entries(devices) as [DeviceId, { kind: string }][]).map(([id, d]) => {
    const implementation = implementationOf(d.kind);
    return {
      id,
      implementation,
      // a real adapter is not connected until hardware/ lands, so it reports offline, never a false online
      state: implementation === 'null' ? 'noDevice' : implementation === 'simulator' ? 'online' : 'offline',
      ...(id === 'printer' && implementation !== 'null' ? { media: 'ok' as const } : {}),
      since,
    };
  });
