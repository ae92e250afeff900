import { fromPromise } from 'xstate';
import type { TrackResult } from '../../../../common/kiosk-api/journey-contract.js';

export const localCode = 'KIOSK01-261124-0001';
export const officialCode = '000.00.01.H26-261123-0042';

/** sent, and the city answered just now: being processed */
export const tracked: TrackResult = {
  localCode,
  officialCode,
  procedureCode: '1.000894',
  submittedAt: '2026-11-24T02:15:00.000Z',
  localState: 'tracked',
  appointmentDate: '2026-11-28',
  city: { statusCode: 4, statusText: 'Đang xử lý', appointmentDate: '2026-12-01', updatedAt: '2026-11-25T03:00:00.000Z' },
  cityReachable: true,
  lastCheckedAt: '2026-11-26T01:00:00.000Z',
};

/** the city is down: the kiosk shows what it last heard */
export const cityDown: TrackResult = { ...tracked, cityReachable: false, lastCheckedAt: '2026-11-25T08:30:00.000Z' };

/** still in the kiosk's outbox; the city has never heard of it */
export const waiting: TrackResult = {
  ...tracked,
  officialCode: null,
  localState: 'submitted',
  city: null,
  cityReachable: false,
  lastCheckedAt: null,
};

/** a `dossier.track` actor that answers from a script and records its inputs */
export const scriptedTrack = (answers: ((code: string) => TrackResult | Promise<TrackResult>)[]) => {
  const calls: { sessionId: string; code: string }[] = [];
  const actor = fromPromise<TrackResult, { sessionId: string; code: string }>(async ({ input }) => {
    calls.push(input);
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
    if (!answer) throw new Error('no scripted answer');
    return answer(input.code);
  });
  return { calls, actor };
};
