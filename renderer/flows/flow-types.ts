import type { Catalog } from '../../common/catalog/catalog-schema.js';
import type { PublicConfig } from '../../common/config/public-config.js';
import type { DeviceStatus } from '../../common/domain/device-status.js';
import type { Locale } from '../../common/domain/locale.js';
import type { HomeChoice, Operator } from '../machines/root-types.js';

// The contract between the root machine and each journey flow (submit, guide, track, rate,
// help). A flow is an xstate machine invoked by the root while the resident is in it; it
// stops (and its memory goes) when the session ends, times out or the flow finishes.

export interface FlowInput {
  sessionId: string;
  config: PublicConfig;
  /** the site's catalog, loaded at boot */
  catalog: Catalog;
  /** an officer who unlocked assisted mode (the dossier carries channel kiosk-assisted) */
  operator: Operator | null;
  devices: DeviceStatus[];
  locale: Locale;
  /** when a flow hands over to another: the procedure to start with (guide → submit) */
  procedureCode: string | null;
  /** when a flow hands over to another: a dossier code (submit → rate, track → rate) */
  code: string | null;
}

/** How a flow ends: back to the home screen, end the session, or hand over to another flow. */
export type FlowOutput =
  | { next: 'home' }
  | { next: 'end' }
  | { next: 'flow'; choice: HomeChoice; procedureCode?: string; code?: string };

/** Core events the root forwards to the running flow (typed like the root's `core.*`). */
export type { CoreEvent as FlowCoreEvent } from '../machines/root-types.js';
