import type { ErrorKind } from '../../common/errors.js';

// scanimage reports SANE statuses as sane_strstatus() text on stderr (forced to English by
// the runner) and, for scan failures, as its exit code. The text is the reliable part:
// opening a device fails with exit code 1 whatever the status.

const byText: readonly [RegExp, ErrorKind][] = [
  [/Document feeder out of documents/i, 'FeederEmpty'],
  [/Document feeder jammed/i, 'ScanJam'],
  [/Device busy/i, 'DeviceBusy'],
  [/Scanner cover is open/i, 'CoverOpen'],
  [/no SANE devices found|open of device .* failed/i, 'NoDevice'],
  [/Error during device I\/O/i, 'DeviceOffline'],
  [/Operation was cancell?ed/i, 'Cancelled'],
];

// SANE_Status numbers, used when stderr said nothing we know
const byExitCode: Readonly<Record<number, ErrorKind>> = {
  2: 'Cancelled',
  3: 'DeviceBusy',
  6: 'ScanJam',
  7: 'FeederEmpty',
  8: 'CoverOpen',
  9: 'DeviceOffline',
};

/** The kind of a failed scanimage run: the first known status in stderr, else its exit code. */
export const classifyScanimageFailure = (stderr: string, exitCode: number | null): ErrorKind => {
  for (const [re, kind] of byText) if (re.test(stderr)) return kind;
  return (exitCode !== null ? byExitCode[exitCode] : undefined) ?? 'Internal';
};

/** True when the feeder ran out, whatever the exit code (an unlimited batch exits 0 then). */
export const feederRanOut = (stderr: string): boolean => /Document feeder out of documents/i.test(stderr);

/** The last `scanimage: …` line, for a technician-facing message. */
export const lastSaneMessage = (stderr: string): string =>
  stderr
    .split('\n')
    .filter((l) => l.startsWith('scanimage:'))
    .pop()
    ?.replace(/^scanimage:\s*/, '') ?? stderr.trim().split('\n').pop() ?? '';
