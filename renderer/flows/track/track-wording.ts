import type { QueueState } from '../../../common/kiosk-api/contract-parts.js';
import type { CityStatus, TrackResult } from '../../../common/kiosk-api/journey-contract.js';
import type { MessageKey } from '../../i18n/index.js';

// How the track result is put to a resident. Pure, so the wording rules are tested without React.

/** The kiosk's own state in words; null when this kiosk never held the dossier (a counter dossier tracked by its official code). */
export const localStateKey = (state: QueueState | null): MessageKey | null => {
  switch (state) {
    case 'submitted':
    case 'uploading':
      return 'track.local.waiting';
    case 'delivered':
    case 'tracked':
      return 'track.local.sent';
    case 'dead':
      return 'track.local.dead';
    case 'purged':
      return 'track.local.purged';
    case null:
      return null;
  }
};

const statusKeys: Readonly<Record<number, MessageKey>> = {
  1: 'track.status.1',
  2: 'track.status.2',
  3: 'track.status.3',
  4: 'track.status.4',
  5: 'track.status.5',
  6: 'track.status.6',
  7: 'track.status.7',
  8: 'track.status.8',
  9: 'track.status.9',
  10: 'track.status.10',
};

/** TrangThaiHoSo 1–10 in the national portal's wording; null for a code outside it (the screen then shows the city's own text). */
export const cityStatusKey = (statusCode: number): MessageKey | null => statusKeys[statusCode] ?? null;

/**
 * What the screen says about the city's side:
 * - `current`: the city answered just now;
 * - `notYet`: the city answered but has nothing on this dossier (not sent yet);
 * - `lastKnown`: the city cannot be reached; the status it last gave, as of `asOf`;
 * - `noneKnown`: the city cannot be reached and never gave a status.
 */
export type CityView =
  | { kind: 'current'; status: CityStatus }
  | { kind: 'notYet' }
  | { kind: 'lastKnown'; status: CityStatus; asOf: string }
  | { kind: 'noneKnown' };

export const cityView = (r: TrackResult): CityView => {
  if (r.cityReachable) return r.city ? { kind: 'current', status: r.city } : { kind: 'notYet' };
  return r.city ? { kind: 'lastKnown', status: r.city, asOf: r.lastCheckedAt ?? r.city.updatedAt } : { kind: 'noneKnown' };
};

/** The city's appointment when it gave one (it may move it), else the one the receipt gave. */
export const appointmentOf = (r: TrackResult): string | null => r.city?.appointmentDate ?? r.appointmentDate;

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-11-27` → `27/11/2026`: Vietnam writes day first, and so does the receipt. */
export const formatDate = (date: string): string => {
  const m = isoDate.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
};

const vietnamTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hourCycle: 'h23',
});

/** An instant in Vietnam time (the kiosk's and the city's clock), written the same in both languages: `14:05 27/11/2026`. */
export const formatDateTime = (instant: string): string => {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  const parts = vietnamTime.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')} ${part('day')}/${part('month')}/${part('year')}`;
};
