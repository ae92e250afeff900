// The KioskApi method names, kept apart from the schemas so the renderer and the preload can
// list them without bundling the validation library. Method names are the IPC channel names.
export const kioskMethods = [
  'app.info',
  'config.public',
  'session.start',
  'session.activity',
  'session.end',
  'devices.status',
  'devices.selfTest',
  'scan.pages',
  'scan.removePage',
  'dossier.submit',
  'queue.counts',
  'auth.unlock',
  'auth.lock',
  // the resident journey (journey-contract.ts)
  'catalog.get',
  'identity.fromQr',
  'identity.fromManual',
  'dossier.track',
  'receipt.print',
  'rating.submit',
  'session.step',
  // diagnostics (diagnostics-contract.ts)
  'diag.devices',
  'diag.printTest',
  'diag.scanTest',
  'diag.cardTest',
  'diag.queueSummary',
  'diag.queueList',
  'diag.queueRetry',
  'diag.exportTargets',
  'diag.queueExport',
  'diag.network',
  'diag.config',
  'diag.configReload',
  'diag.logs',
  'diag.logsExport',
  'diag.system',
  'diag.restart',
  'diag.exitKiosk',
  'diag.stats',
  'diag.statsMonthly',
  'diag.audit',
] as const;

export type KioskMethod = (typeof kioskMethods)[number];

export const isKioskMethod = (name: unknown): name is KioskMethod =>
  typeof name === 'string' && (kioskMethods as readonly string[]).includes(name);
