import type { CitizenIdentity } from '../../common/domain/citizen-identity.js';
import { kioskError, type KioskError } from '../../common/errors.js';
import { err, ok, type Result } from '../../common/result.js';
import type { AppContext } from '../core/app-context.js';
import type { Handlers } from '../core/dispatcher.js';
import { submitDossier } from '../dossiers/submit-dossier.js';
import { submitRating } from '../ratings/submit-rating.js';
import { buildReceipt } from '../receipt/build-receipt.js';
import { printReceipt } from '../receipt/print-receipt.js';
import { identityFromManual, identityFromQr } from './identity.js';
import { normalizeCode } from './tracking-code.js';
import { trackDossier } from './track-dossier.js';

export type JourneyMethod =
  | 'catalog.get'
  | 'identity.fromQr'
  | 'identity.fromManual'
  | 'dossier.submit'
  | 'dossier.track'
  | 'receipt.print'
  | 'rating.submit'
  | 'session.step';

/** A resident is waiting at the screen: the city gets at most this long, whatever its connect timeout. */
export const CITY_LOOKUP_CAP_MS = 4_000;

/** The resident journey's handlers (issue #5). */
export const journeyHandlers = (ctx: AppContext): Pick<Handlers, JourneyMethod> => {
  const now = () => ctx.clock.now();
  const cityAsk = () => ({
    outbox: ctx.outbox,
    lookup: ctx.outboxLookup,
    city: ctx.city.client,
    clock: ctx.clock,
    timeoutMs: Math.min(ctx.config.current.city.connectTimeoutSeconds * 1000, CITY_LOOKUP_CAP_MS),
  });

  /** statistics count how identities are captured; the identity itself never leaves here */
  const captured = (sessionId: string, r: Result<CitizenIdentity, KioskError>): Result<CitizenIdentity, KioskError> => {
    if (r.ok) ctx.journal.emit({ type: 'identity.captured', sessionId, source: r.value.source, at: now() });
    else ctx.log.info('identity', 'identity refused', { issues: r.error.issues });
    return r;
  };

  return {
    'catalog.get': async () => ok(ctx.catalog.current),

    'identity.fromQr': async ({ sessionId, payload }) => ctx.live(sessionId) ?? captured(sessionId, identityFromQr(payload, now())),

    'identity.fromManual': async ({ sessionId, fields }) => ctx.live(sessionId) ?? captured(sessionId, identityFromManual(fields, now())),

    'dossier.submit': async (a) => {
      const dead = ctx.live(a.sessionId);
      if (dead) return dead;
      const r = await submitDossier(
        {
          outbox: ctx.outbox,
          documents: ctx.documents,
          scanner: ctx.devices.scanner,
          siteId: ctx.config.current.site.id,
          catalog: ctx.catalog,
          appointments: ctx.appointments,
          log: ctx.log,
          assistedBy: () => (ctx.auth.current()?.role === 'officer' ? (ctx.auth.current()?.operatorId ?? null) : null),
        },
        a,
      );
      if (!r.ok) {
        ctx.log.info('dossier', 'dossier refused', { kind: r.error.kind, procedureCode: a.procedureCode, issues: r.error.issues });
        return r;
      }
      const { result, assisted } = r.value;
      ctx.forwarder.wake();
      ctx.receipts.remember(a.sessionId, { ...result, procedureCode: a.procedureCode, delivery: a.delivery.method });
      ctx.journal.emit({ type: 'dossier.submitted', sessionId: a.sessionId, procedureCode: a.procedureCode, assisted, at: now() });
      ctx.log.info('dossier', 'dossier kept in the outbox', { localCode: result.localCode, procedureCode: a.procedureCode, appointmentDate: result.appointmentDate });
      return ok(result);
    },

    'receipt.print': async ({ sessionId, localCode }) => {
      const dead = ctx.live(sessionId);
      if (dead) return dead;
      const d = ctx.receipts.find(sessionId, normalizeCode(localCode));
      if (!d) return err(kioskError('DossierNotFound', 'no dossier with that code was submitted in this session'));
      const site = ctx.config.current;
      // a reload may have dropped the procedure since: the code still identifies it
      const name = ctx.catalog.procedure(d.procedureCode)?.name ?? { vi: d.procedureCode, en: d.procedureCode };
      const doc = buildReceipt({
        siteName: site.site.name,
        siteAddress: site.site.address,
        localCode: d.localCode,
        procedure: { code: d.procedureCode, name },
        submittedAt: d.submittedAt,
        appointmentDate: d.appointmentDate,
        delivery: d.delivery,
        trackingQr: d.trackingQr,
        hotline: site.hotline,
      });
      return printReceipt({ printer: ctx.devices.printer, journal: ctx.journal, now, log: ctx.log }, doc, d.localCode);
    },

    'dossier.track': async ({ sessionId, code }) =>
      ctx.live(sessionId) ??
      trackDossier(
        { ...cityAsk(), statuses: ctx.statuses, appointments: ctx.appointments, kioskId: ctx.config.current.kiosk.id, now, log: ctx.log },
        code,
      ),

    'rating.submit': async ({ sessionId, code, level, comment }) =>
      ctx.live(sessionId) ??
      submitRating(
        {
          ...cityAsk(),
          statuses: ctx.statuses,
          store: ctx.ratings,
          journal: ctx.journal,
          kioskId: ctx.config.current.kiosk.id,
          now,
          wake: () => ctx.ratingSender.wake(),
          log: ctx.log,
        },
        { code, level, comment },
      ),

    'session.step': async ({ sessionId, step }) => {
      const dead = ctx.live(sessionId);
      if (dead) return dead;
      ctx.journal.emit({ type: 'session.step', sessionId, step, at: now() });
      return ok({});
    },
  };
};
