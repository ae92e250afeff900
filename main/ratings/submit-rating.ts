import { kioskError, type KioskError } from '../../common/errors.js';
import type { RatingLevel } from '../../common/kiosk-api/journey-contract.js';
import { err, ok, type Result } from '../../common/result.js';
import type { JourneyJournal } from '../core/journey-journal.js';
import type { CityStatusCache } from '../dossiers/city-status-cache.js';
import { askCity, findKept, type CityAsk, type KeptLookup } from '../journey/dossier-lookup.js';
import { looksLocal, looksOfficial, normalizeCode } from '../journey/tracking-code.js';
import type { Logger } from '../log/logger.js';
import type { RatingStore } from './rating-store.js';

export interface RateDeps extends KeptLookup, CityAsk {
  statuses: CityStatusCache;
  store: RatingStore;
  journal: JourneyJournal;
  kioskId: string;
  now: () => number;
  /** a rating was kept: send it when it can be */
  wake: () => void;
  log: Pick<Logger, 'info'>;
}

const notFound = (): Result<never, KioskError> => err(kioskError('DossierNotFound', 'neither this kiosk nor the city knows that code'));

/**
 * "Đánh giá": the rating is kept durably, then sent to the city by the rating sender — at
 * once for a dossier the city knows by its official code, or once the kiosk's own dossier
 * has been delivered and has one. A dossier is rated once (the city takes one rating per
 * dossier): a second rating of the same dossier leaves the first in place.
 */
export const submitRating = async (d: RateDeps, a: { code: string; level: RatingLevel; comment?: string | undefined }): Promise<Result<{ kept: true }, KioskError>> => {
  const code = normalizeCode(a.code);
  let target: { localCode: string | null; officialCode: string | null } | undefined;

  const rec = await findKept(d, code);
  if (rec) target = { localCode: rec.localCode, officialCode: rec.officialCode };
  else if (!looksOfficial(code) || (looksLocal(code) && code.startsWith(`${d.kioskId}-`))) return notFound();
  else {
    const cached = await d.statuses.find(code);
    if (cached) target = { localCode: cached.localCode, officialCode: cached.officialCode };
    else {
      const answer = await askCity(d, code, undefined);
      if (answer.kind === 'notFound') return notFound();
      if (answer.kind === 'found') {
        await d.statuses.remember(answer.status, d.now());
        target = { localCode: answer.status.localCode, officialCode: answer.status.dossierCode ?? null };
      } else {
        // the city cannot be asked now: keep it, the sender finds out (a code nobody knows
        // ends as a dead rating diagnostics shows, never silently dropped)
        target = looksLocal(code) ? { localCode: code, officialCode: null } : { localCode: null, officialCode: code };
      }
    }
  }

  const kept = await d.store.keep({ code, ...target, level: a.level, comment: a.comment });
  if (kept.kept) {
    d.journal.emit({ type: 'rating.given', level: a.level, at: d.now() });
    d.wake();
  }
  d.log.info('ratings', kept.kept ? 'rating kept' : 'dossier already rated; the first rating stays', { id: kept.id });
  return ok({ kept: true });
};
