import type { KioskTransport } from '../../common/kiosk-api/client.js';

/** A transport that can tell when the core is out of reach, so the UI can say so. */
export interface ConnectionAwareTransport extends KioskTransport {
  onConnection(listener: (connected: boolean) => void): () => void;
  close(): void;
}
