// The technician's part of the KioskApi (issue #6): diagnostics screens, queue actions,
// logs, statistics. Every method here refuses without an unlocked technician.

export const diagnosticsContract = {} as const;
