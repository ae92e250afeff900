import { kioskError, type KioskError } from '../../common/errors.js';
import type { Role } from '../../common/kiosk-api/contract.js';
import { err, ok, type Result } from '../../common/result.js';
import type { Clock } from '../../hardware/clock.js';

export interface PinEntry {
  id: string;
  hash: string;
}
export type PinTable = Record<Role, PinEntry[]>;
export type PinVerifier = (pin: string, hash: string) => Promise<boolean>;

export interface OperatorAuthOptions {
  pins: () => PinTable;
  verify: PinVerifier;
  clock: Clock;
  /** wrong tries before the entry locks */
  maxFailures?: number;
  /** how long entry stays locked after `maxFailures` (read at each lock: a config reload applies) */
  lockoutMs?: () => number;
  /** an unlocked role lapses after this long without renewal */
  unlockTtlMs: () => number;
}

export interface Unlocked {
  role: Role;
  operatorId: string;
  expiresAt: number;
}

/**
 * PIN entry for technicians and officers. Roles are distinct: an officer PIN never opens
 * diagnostics. Five wrong tries in a row lock the entry for every role (five minutes unless the
 * site says otherwise: `timeouts.pinLockoutSeconds`), so a PIN cannot be guessed at the lobby screen.
 */
export class OperatorAuth {
  #failures = 0;
  #lockedUntil = 0;
  #unlocked: Unlocked | null = null;

  constructor(private readonly o: OperatorAuthOptions) {}

  async unlock(role: Role, pin: string): Promise<Result<Unlocked, KioskError>> {
    const now = this.o.clock.now();
    if (now < this.#lockedUntil) {
      return err(kioskError('PinLocked', 'PIN entry is locked after too many wrong tries', { retryAfterMs: this.#lockedUntil - now }));
    }
    let match: PinEntry | undefined;
    // check every entry so the time taken does not tell which one matched
    for (const entry of this.o.pins()[role]) {
      if ((await this.o.verify(pin, entry.hash)) && !match) match = entry;
    }
    if (!match) {
      this.#failures += 1;
      if (this.#failures >= (this.o.maxFailures ?? 5)) {
        this.#failures = 0;
        this.#lockedUntil = now + (this.o.lockoutMs?.() ?? 5 * 60_000);
        return err(kioskError('PinLocked', 'too many wrong PINs; entry locked', { retryAfterMs: this.#lockedUntil - now }));
      }
      return err(kioskError('PinRejected', `wrong PIN for role ${role}`));
    }
    this.#failures = 0;
    this.#unlocked = { role, operatorId: match.id, expiresAt: now + this.o.unlockTtlMs() };
    return ok(this.#unlocked);
  }

  lock(): void {
    this.#unlocked = null;
  }

  /** The role now unlocked, if it has not lapsed. */
  current(): Unlocked | null {
    if (this.#unlocked && this.o.clock.now() >= this.#unlocked.expiresAt) this.#unlocked = null;
    return this.#unlocked;
  }
}
