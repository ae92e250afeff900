import { fromPromise } from 'xstate';
import { kioskError, type ErrorKind } from '../../../../common/errors.js';
import type { TrackResult } from '../../../../common/kiosk-api/journey-contract.js';
import type { FlowInput } from '../../../../renderer/flows/flow-types.js';
import type { SubmitRatingInput } from '../../../../renderer/flows/rate/rating-machine.js';
import type { TrackDossierInput } from '../../../../renderer/flows/rate/rate-machine.js';
import { testConfig, testDevices } from '../../renderer/fake-core.js';
import { testCatalog } from '../../renderer/test-catalog.js';

export const sessionId = 'session-000000000001';

export const flowInput = (over: Partial<FlowInput> = {}): FlowInput => ({
  sessionId,
  config: testConfig,
  catalog: testCatalog,
  operator: null,
  devices: testDevices,
  locale: 'vi',
  procedureCode: null,
  code: null,
  ...over,
});

export const tracked = (code: string): TrackResult => ({
  localCode: code,
  officialCode: null,
  procedureCode: '1.000894',
  submittedAt: '2026-01-05T02:30:00.000Z',
  localState: 'delivered',
  appointmentDate: '2026-01-12',
  city: null,
  cityReachable: false,
  lastCheckedAt: null,
});

/**
 * The core's side of the rate flow: dossiers it knows by code, ratings it keeps, and faults
 * queued by kind for the next `rating.submit`.
 */
export class FakeRatings {
  readonly known = new Set<string>(['KT01-260105-0007']);
  readonly kept: SubmitRatingInput[] = [];
  readonly looked: TrackDossierInput[] = [];
  readonly steps: { sessionId: string; step: string }[] = [];
  readonly faults: ErrorKind[] = [];

  async track(input: TrackDossierInput): Promise<TrackResult> {
    this.looked.push(input);
    if (!this.known.has(input.code)) throw kioskError('DossierNotFound', `no dossier ${input.code}`);
    return tracked(input.code);
  }

  async rate(input: SubmitRatingInput): Promise<{ kept: true }> {
    const fault = this.faults.shift();
    if (fault) throw kioskError(fault, `simulated ${fault}`);
    this.kept.push(input);
    return { kept: true };
  }

  ratingActors() {
    return { submitRating: fromPromise<{ kept: true }, SubmitRatingInput>(({ input }) => this.rate(input)) };
  }
}
