import type { KioskError } from '../../common/errors.js';
import type { Err } from '../../common/result.js';
import type { Clock } from '../../hardware/clock.js';
import type { AppOptions } from '../app-types.js';
import type { OperatorAuth } from '../auth/operator-auth.js';
import type { SiteCity } from '../city/site-city.js';
import type { ConfigStore } from '../config/config-store.js';
import type { Secrets } from '../config/secrets.js';
import type { Devices } from '../devices/build-devices.js';
import type { CityStatusCache } from '../dossiers/city-status-cache.js';
import type { OutboxLookup } from '../dossiers/outbox-lookup.js';
import type { ReceiptAppointments } from '../dossiers/receipt-appointments.js';
import type { SiteCatalog } from '../journey/site-catalog.js';
import type { Logger } from '../log/logger.js';
import type { Forwarder } from '../outbox/forwarder.js';
import type { Outbox } from '../outbox/outbox.js';
import type { RatingSender } from '../ratings/rating-sender.js';
import type { RatingStore } from '../ratings/rating-store.js';
import type { SessionReceipts } from '../receipt/session-receipts.js';
import type { SessionDocuments } from '../sessions/session-documents.js';
import type { SessionManager } from '../sessions/session-manager.js';
import type { EventBus } from './event-bus.js';
import type { JourneyJournal } from './journey-journal.js';

/**
 * Everything the KioskApi handlers may use, built once in app.ts. Handler groups
 * (main/journey/, main/diagnostics/) receive this and return their part of the handlers.
 */
export interface AppContext {
  options: AppOptions;
  config: ConfigStore;
  /** the site's procedures (kiosk-config/catalog), reloaded with the config */
  catalog: SiteCatalog;
  secrets: Secrets;
  city: SiteCity;
  outbox: Outbox;
  forwarder: Forwarder;
  /** the outbox by official code (read-only) */
  outboxLookup: OutboxLookup;
  /** the appointment date each receipt gave */
  appointments: ReceiptAppointments;
  /** what the city last said about dossiers the outbox keeps no status for */
  statuses: CityStatusCache;
  ratings: RatingStore;
  ratingSender: RatingSender;
  /** dossiers submitted in each live session: whose receipts may be printed */
  receipts: SessionReceipts;
  devices: Devices;
  sessions: SessionManager;
  auth: OperatorAuth;
  documents: SessionDocuments;
  bus: EventBus;
  journal: JourneyJournal;
  log: Logger;
  clock: Clock;
  startedAt: string;
  /** null when `sessionId` is the live session, else the typed error to return */
  live(sessionId: string): Err<KioskError> | null;
  /** closers the handler groups register (timers, stores); run by App.close in reverse */
  onClose(closer: () => Promise<void> | void): void;
}
