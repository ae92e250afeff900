import type { DossierStatus } from '../../common/city/city-contract.js';
import { kioskError, type KioskError } from '../../common/errors.js';
import type { CityStatus, TrackResult } from '../../common/kiosk-api/journey-contract.js';
import { err, ok, type Result } from '../../common/result.js';
import type { CityStatusCache } from '../dossiers/city-status-cache.js';
import type { ReceiptAppointments } from '../dossiers/receipt-appointments.js';
import type { Logger } from '../log/logger.js';
import type { Outbox } from '../outbox/outbox.js';
import type { DossierRecord } from '../outbox/outbox-types.js';
import { askCity, findKept, type CityAsk, type KeptLookup } from './dossier-lookup.js';
import { looksLocal, looksOfficial, normalizeCode } from './tracking-code.js';

export interface TrackDeps extends KeptLookup, CityAsk {
  outbox: Pick<Outbox, 'findByLocalCode' | 'updateStatus'>;
  statuses: CityStatusCache;
  appointments: ReceiptAppointments;
  kioskId: string;
  now: () => number;
  log: Pick<Logger, 'info' | 'warn'>;
}

const notFound = (): Result<never, KioskError> => err(kioskError('DossierNotFound', 'neither this kiosk nor the city knows that code'));

const fromCity = (s: DossierStatus): CityStatus => ({ statusCode: s.statusCode, statusText: s.statusText, appointmentDate: s.appointmentDate ?? null, updatedAt: s.updatedAt });

/** The newest status this kiosk has heard for the dossier, from the outbox row or the cache. */
const lastKnown = (rec: DossierRecord | undefined, cached: Awaited<ReturnType<CityStatusCache['find']>>): { city: CityStatus; checkedAt: number } | null => {
  const fromOutbox =
    rec?.cityStatus && rec.statusSyncedAt !== null
      ? { city: { statusCode: rec.cityStatus.code, statusText: rec.cityStatus.text, appointmentDate: rec.cityStatus.appointmentDate, updatedAt: rec.cityStatus.at }, checkedAt: rec.statusSyncedAt }
      : null;
  const fromCache = cached
    ? { city: { statusCode: cached.statusCode, statusText: cached.statusText, appointmentDate: cached.appointmentDate, updatedAt: cached.updatedAt }, checkedAt: cached.checkedAt }
    : null;
  if (fromOutbox && fromCache) return fromOutbox.checkedAt >= fromCache.checkedAt ? fromOutbox : fromCache;
  return fromOutbox ?? fromCache;
};

/**
 * "Tra cứu hồ sơ" by local or official code: what this kiosk holds (state, receipt
 * appointment), and what the city says now — or, when it cannot be reached in time, the
 * last thing it said and when. What the city says is kept: in the outbox row for our
 * delivered dossiers (where the forwarder's status sync writes), in the cache otherwise.
 */
export const trackDossier = async (d: TrackDeps, rawCode: string): Promise<Result<TrackResult, KioskError>> => {
  const code = normalizeCode(rawCode);
  const rec = await findKept(d, code);
  // a code of this kiosk's own shape that its outbox never held was never issued
  if (!rec && (!looksOfficial(code) || (looksLocal(code) && code.startsWith(`${d.kioskId}-`)))) return notFound();

  const cached = (await d.statuses.find(rec?.localCode ?? code)) ?? (rec?.officialCode ? await d.statuses.find(rec.officialCode) : undefined);
  const answer = await askCity(d, code, rec ? { localCode: rec.localCode, officialCode: rec.officialCode } : undefined);
  const now = d.now();

  let city: CityStatus | null = null;
  let lastCheckedAt: string | null = null;
  let status: DossierStatus | undefined;
  if (answer.kind === 'found') {
    status = answer.status;
    city = fromCity(status);
    lastCheckedAt = new Date(now).toISOString();
    const delivered = rec && (rec.state === 'delivered' || rec.state === 'tracked');
    const stored = delivered ? (await d.outbox.updateStatus(rec.id, status)).ok : false;
    if (!stored) await d.statuses.remember(status, now);
  } else if (answer.kind === 'notFound') {
    if (!rec && !cached) return notFound();
  } else {
    d.log.info('track', 'city not reachable; showing the last known status', { why: answer.why });
    const last = lastKnown(rec, cached);
    if (last) {
      city = last.city;
      lastCheckedAt = new Date(last.checkedAt).toISOString();
    }
  }

  const appointment = rec ? await d.appointments.of(rec.localCode) : undefined;
  return ok({
    localCode: rec?.localCode ?? status?.localCode ?? cached?.localCode ?? (looksLocal(code) ? code : null),
    officialCode: rec?.officialCode ?? status?.dossierCode ?? cached?.officialCode ?? (looksOfficial(code) && !looksLocal(code) ? code : null),
    procedureCode: rec?.procedureCode ?? null,
    submittedAt: rec?.submittedAt ?? null,
    localState: rec?.state ?? null,
    appointmentDate: appointment?.appointmentDate ?? null,
    city,
    cityReachable: answer.kind !== 'unreachable',
    lastCheckedAt,
  });
};
