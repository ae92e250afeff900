import type { DossierStatus } from '../../common/city/city-contract.js';
import type { Clock } from '../../hardware/clock.js';
import type { CityClient, CityError } from '../city/city-client-types.js';
import type { OutboxLookup } from '../dossiers/outbox-lookup.js';
import type { Outbox } from '../outbox/outbox.js';
import type { DossierRecord } from '../outbox/outbox-types.js';
import { looksLocal, looksOfficial } from './tracking-code.js';

// Finding a dossier by whatever code a resident holds: in this kiosk's outbox first (by
// local code, or by official code once delivered), then at the city.

export interface KeptLookup {
  outbox: Pick<Outbox, 'findByLocalCode'>;
  lookup: Pick<OutboxLookup, 'localCodeOf'>;
}

/** This kiosk's dossier with that local or official code, if it has one. */
export const findKept = async (d: KeptLookup, code: string): Promise<DossierRecord | undefined> => {
  const byLocal = await d.outbox.findByLocalCode(code);
  if (byLocal.ok) return byLocal.value;
  const localCode = await d.lookup.localCodeOf(code);
  if (localCode === undefined) return undefined;
  const byOfficial = await d.outbox.findByLocalCode(localCode);
  return byOfficial.ok ? byOfficial.value : undefined;
};

export type CityAnswer = { kind: 'found'; status: DossierStatus } | { kind: 'notFound' } | { kind: 'unreachable'; why: string };

export interface CityAsk {
  city: Pick<CityClient, 'getStatus' | 'findByLocalCode'>;
  clock: Pick<Clock, 'setTimeout' | 'clearTimeout'>;
  /** a resident is waiting: never longer than this */
  timeoutMs: number;
}

const answerOf = (r: { ok: true; value: DossierStatus } | { ok: false; error: CityError }): CityAnswer =>
  r.ok ? { kind: 'found', status: r.value } : r.error.kind === 'CityNotFound' ? { kind: 'notFound' } : { kind: 'unreachable', why: r.error.kind };

/**
 * What the city says about `code` (or about the codes already known for it), within the
 * timeout. Only a 404 counts as "the city does not know it"; anything else is "could not ask".
 */
export const askCity = async (d: CityAsk, code: string, known: { localCode: string | null; officialCode: string | null } | undefined): Promise<CityAnswer> => {
  const ask = async (): Promise<CityAnswer> => {
    if (known?.officialCode) return answerOf(await d.city.getStatus(known.officialCode));
    if (known?.localCode) return answerOf(await d.city.findByLocalCode(known.localCode));
    if (looksLocal(code)) {
      const byLocal = answerOf(await d.city.findByLocalCode(code));
      // an agency id without dots makes an official code look like a local one
      return byLocal.kind === 'notFound' ? answerOf(await d.city.getStatus(code)) : byLocal;
    }
    return looksOfficial(code) ? answerOf(await d.city.getStatus(code)) : { kind: 'notFound' };
  };
  let timer: unknown;
  const timeout = new Promise<CityAnswer>((resolve) => {
    timer = d.clock.setTimeout(() => resolve({ kind: 'unreachable', why: `no answer within ${d.timeoutMs} ms` }), d.timeoutMs);
  });
  try {
    // the request may go on in the background; its answer is simply not waited for
    return await Promise.race([ask(), timeout]);
  } finally {
    d.clock.clearTimeout(timer);
  }
};
