import type { KioskError } from '../../common/errors.js';
import type { KioskEvent } from '../../common/kiosk-api/events.js';
import type { Result } from '../../common/result.js';

/** What a shell (Electron's ipcMain, the browser host's WebSocket) talks to. */
export interface KioskCore {
  /** Validates `method` and `args` against the contract; never throws. */
  dispatch(method: unknown, args: unknown): Promise<Result<unknown, KioskError>>;
  onEvent(listener: (event: KioskEvent) => void): () => void;
  close(): Promise<void>;
}
