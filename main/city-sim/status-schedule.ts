import { statusCodes, type StatusCode } from '../../common/city/city-contract.js';

/** `afterMs` counts from the moment the dossier was registered (its submit). */
export interface StatusStep {
  afterMs: number;
  code: StatusCode;
  note?: string;
}

// Slow enough that a person watching the kiosk's tracking screen sees each step.
export const defaultStatusSchedule: StatusStep[] = [
  { afterMs: 0, code: 1 },
  { afterMs: 60_000, code: 2 },
  { afterMs: 3 * 60_000, code: 4 },
  { afterMs: 10 * 60_000, code: 9 },
  { afterMs: 30 * 60_000, code: 10 },
];

export interface StatusAt {
  statusCode: StatusCode;
  statusText: string;
  updatedAt: string;
  history: { statusCode: number; at: string; note?: string }[];
}

/** The status `now`, and how it got there: every step whose time has come. */
export const statusAt = (schedule: readonly StatusStep[], registeredAt: number, now: number): StatusAt => {
  const steps = [...schedule].sort((a, b) => a.afterMs - b.afterMs);
  const reached = steps.filter((s) => s.afterMs === 0 || registeredAt + s.afterMs <= now);
  const history = (reached.length > 0 ? reached : [{ afterMs: 0, code: 1 as StatusCode }]).map((s) => ({
    statusCode: s.code,
    at: new Date(registeredAt + s.afterMs).toISOString(),
    ...(s.note ? { note: s.note } : {}),
  }));
  const last = history[history.length - 1]!;
  const code = last.statusCode as StatusCode;
  return { statusCode: code, statusText: statusCodes[code], updatedAt: last.at, history };
};
