// Every error that crosses a boundary carries a kind; the renderer words it from the
// i18n catalog, a technician reads `detail` in diagnostics and logs.
export const errorKinds = [
  'UnknownMethod',
  'InvalidArguments',
  'Internal',
  'NotAvailable',
  'SessionNotFound',
  'PinRejected',
  'PinLocked',
  'ConfigInvalid',
  'DeviceOffline',
  'TransportClosed',
  // devices (hardware/): each names what a resident or technician can do about it
  'NoDevice',
  'DeviceBusy',
  'PaperOut',
  'PaperJam',
  'CoverOpen',
  'FeederEmpty',
  'ScanJam',
  'DeviceTimeout',
  'Cancelled',
  'InvalidIdPayload',
  // a technician-only call without an unlocked technician role
  'NotAuthorized',
  // the outbox: no room to keep a dossier, a disk error, a dossier that cannot be kept as it is
  'DiskFull',
  'OutboxIo',
  'InvalidDossier',
  // the resident journey: a code neither the kiosk nor the city knows
  'DossierNotFound',
  // diagnostics: an action that does not apply to the item as it is now (retry a delivered
  // dossier), and an export whose folder cannot take the files (missing, read-only, full)
  'InvalidState',
  'ExportFailed',
] as const;
export type ErrorKind = (typeof errorKinds)[number];

export interface FieldIssue {
  /** dotted path of the offending field, e.g. `timeouts.idleSeconds` */
  path: string;
  /** the rule it broke, in English for technicians */
  rule: string;
}

export interface KioskError {
  kind: ErrorKind;
  /** technician-facing detail (English); never shown to residents */
  message: string;
  issues?: FieldIssue[];
  /** when the caller may try again (PinLocked, busy devices) */
  retryAfterMs?: number;
  /** whether the same call may work when simply tried again; absent: the kind says (renderer/machines/kiosk-failure.ts) */
  retryable?: boolean;
}

export const kioskError = (kind: ErrorKind, message: string, extra: Omit<KioskError, 'kind' | 'message'> = {}): KioskError => ({
  kind,
  message,
  ...extra,
});
