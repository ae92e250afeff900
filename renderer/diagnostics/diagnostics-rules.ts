import type { QueueItem } from '../../common/kiosk-api/diagnostics-contract.js';
import type { ExportKind, ExportProblem } from './diagnostics-types.js';

// The technician screens' small rules, pure so the machine's guards and the screens agree
// and tests check them without a machine.

/** what diag.queueExport accepts (diagnostics-contract.ts): 10 to 200 characters */
export const passphraseMinLength = 10;
export const passphraseMaxLength = 200;
export const folderMaxLength = 1024;

/** Why the export cannot start yet, the first problem in the order the form asks. */
export const exportProblemOf = (kind: ExportKind, dir: string, passphrase: string, again: string): ExportProblem | null => {
  const folder = dir.trim();
  if (folder === '') return 'noFolder';
  if (!folder.startsWith('/')) return 'relativeFolder';
  if (kind === 'logs') return null;
  if ([...passphrase].length < passphraseMinLength) return 'shortPassphrase';
  if (passphrase !== again) return 'mismatch';
  return null;
};

/** `submitted`/`uploading`: send now; `dead`: back to the queue. Delivered ones have nothing to retry. */
export type RetryKind = 'now' | 'requeue';
export const retryKindOf = (item: Pick<QueueItem, 'state'>): RetryKind | null => {
  if (item.state === 'submitted' || item.state === 'uploading') return 'now';
  if (item.state === 'dead') return 'requeue';
  return null;
};

const monthPattern = /^([0-9]{4})-(0[1-9]|1[0-2])$/;

/** `2026-01` moved by `delta` months: `shiftMonth('2026-01', -1)` is `2025-12`. */
export const shiftMonth = (month: string, delta: number): string => {
  const m = monthPattern.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1) + delta;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** the month a yyyy-mm-dd date falls in */
export const monthOf = (date: string): string => date.slice(0, 7);

/** Selection toggled for one id, in the list's order kept by the caller. */
export const toggled = (selected: readonly string[], id: string): string[] =>
  selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id];
