// What the outbox can answer instead of a value. `DiskFull` is worded for the resident by the
// UI ("the kiosk cannot accept dossiers right now"); the others are for technicians.
export type OutboxErrorKind =
  | 'DiskFull'
  | 'OutboxIo'
  | 'InvalidDossier'
  | 'NotFound'
  | 'InvalidState'
  | 'Tampered'
  | 'KeyUnavailable';

export interface OutboxError {
  kind: OutboxErrorKind;
  /** technician-facing, PII-free */
  message: string;
  issues?: { path: string; rule: string }[];
}

export const outboxError = (kind: OutboxErrorKind, message: string, issues?: OutboxError['issues']): OutboxError =>
  issues ? { kind, message, issues } : { kind, message };

const codeOf = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;

/** ENOSPC/EDQUOT from the file system and SQLITE_FULL from sqlite are all "no room". */
export const isDiskFull = (e: unknown): boolean => {
  const code = codeOf(e);
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
};

export const ioError = (what: string, e: unknown): OutboxError =>
  isDiskFull(e)
    ? outboxError('DiskFull', `${what}: no space left (${codeOf(e) ?? 'full'})`)
    : outboxError('OutboxIo', `${what}: ${codeOf(e) ?? (e instanceof Error ? e.message : String(e))}`);
