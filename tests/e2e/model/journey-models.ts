import type { AnyMachineSnapshot, AnyStateMachine, EventObject } from 'xstate';
import type { Catalog } from '../../../common/catalog/catalog-schema.js';
import type { PublicConfig } from '../../../common/config/public-config.js';
import type { CitizenIdentity } from '../../../common/domain/citizen-identity.js';
import type { DeviceStatus } from '../../../common/domain/device-status.js';
import type { PageView } from '../../../common/kiosk-api/contract.js';
import type { TrackResult } from '../../../common/kiosk-api/journey-contract.js';
import type { FlowInput } from '../../../renderer/flows/flow-types.js';
import { guideMachine } from '../../../renderer/flows/guide/guide-machine.js';
import { helpMachine } from '../../../renderer/flows/help/help-machine.js';
import { codeLooksValid, rateMachine } from '../../../renderer/flows/rate/rate-machine.js';
import { ratingMachine, type RatingInput } from '../../../renderer/flows/rate/rating-machine.js';
import { receiptMachine } from '../../../renderer/flows/receipt/receipt-machine.js';
import { minPages, scanMachine } from '../../../renderer/flows/scan/scan-machine.js';
import type { ReceiptStepInput, ScanStepInput } from '../../../renderer/flows/step-types.js';
import { applicablePurposes, consentComplete } from '../../../renderer/flows/submit/submit-model.js';
import { deliveryValid, formValid, manualValid } from '../../../renderer/flows/submit/submit-rules.js';
import { submitMachine, type SubmitContext } from '../../../renderer/flows/submit/submit-machine.js';
import { isTrackableCode } from '../../../renderer/flows/track/track-code.js';
import { trackMachine } from '../../../renderer/flows/track/track-machine.js';
import { doneEvent, errorEvent, type WalkModel } from './graph-model.js';

// The journey machines as models to walk: for each, the input it starts with, the sample
// events a resident (or a device, or the core answering) can produce in each state — only what
// the screens let a person do there: a disabled or absent button is not a sample — and the
// context a walk must tell apart (what the guards read). The browser side (drivers.ts) turns
// each sample into a tap, a card shown to the reader, a paper-out printer…

export const machines = {
  submit: submitMachine,
  scan: scanMachine,
  receipt: receiptMachine,
  rating: ratingMachine,
  rate: rateMachine,
  guide: guideMachine,
  help: helpMachine,
  track: trackMachine,
} as const satisfies Record<string, AnyStateMachine>;
export type MachineName = keyof typeof machines;
export const machineNames = Object.keys(machines) as MachineName[];

/** What the site and the run give the models: the kiosk's own data and a few real codes. */
export interface SiteData {
  config: PublicConfig;
  catalog: Catalog;
  /** the model's session id; the drivers map it to the page's live session */
  sessionId: string;
  /** the kiosk's local date, yyyy-mm-dd (manual entry's date rules) */
  today: string;
  /** a dossier the kiosk holds (tracked, rated) */
  knownCode: string;
  /** a well-formed code nobody issued */
  unknownCode: string;
}

/** The procedure the submit walks use: two components (optional, then required), counter or postal. */
export const submitProcedure = '1.004845';
/** A category and a procedure in it, for the guide and help walks. */
export const guideCategory = 'ho-tich';
export const guideQuery = 'giam ho';

/** Sample 0 of kiosk-config/samples/cccd-qr.tsv as the core parses it (the reader's own answer comes from the core). */
export const sampleIdentity: CitizenIdentity = {
  idNumber: '001090123456',
  oldIdNumber: '123456789',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1990-01-01',
  sex: 'male',
  address: 'Số 12 phố Hàng Bạc, Phường Hoàn Kiếm, Hà Nội',
  issueDate: '2021-04-15',
  source: 'qr',
} as CitizenIdentity;
export const samplePayload = '001090123456|123456789|Nguyễn Văn An|01011990|Nam|Số 12 phố Hàng Bạc, Phường Hoàn Kiếm, Hà Nội|15042021';
/** a payload the CCCD parser refuses (29 February 2001) */
export const badPayload = '079301004512||Trần Thị Bích Ngọc|29022001|Nữ|45 Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh|10082021';

/** Manual entry, field by field in the screen's order (oldIdNumber is optional and left out). */
export const manualValues = [
  ['idNumber', '001090123456'],
  ['fullName', 'Nguyễn Văn An'],
  ['dateOfBirth', '01/01/1990'],
  ['sex', 'male'],
  ['address', 'Số 12 phố Hàng Bạc, Hà Nội'],
  ['issueDate', '15/04/2021'],
] as const;

/** The form of `submitProcedure`, what the card does not fill, in the screen's order. */
export const formValues = [
  ['contact', 'phone', '0912345678'],
  ['form', 'wardFullName', 'Nguyễn Minh Khang'],
  ['form', 'wardDateOfBirth', '02/03/2010'],
  ['form', 'guardianshipRegistrationPlace', 'UBND Phường Hoàn Kiếm'],
  ['form', 'reason', 'Người được giám hộ đã thành niên'],
] as const;

const online = (id: DeviceStatus['id']): DeviceStatus => ({ id, state: 'online', implementation: 'simulator', since: '2026-01-01T00:00:00.000Z', ...(id === 'printer' ? { media: 'ok' as const } : {}) });
export const devicesOnline: DeviceStatus[] = [online('printer'), online('scanner'), online('idReader')];
/** the printer out of paper: the submit flow refuses before the resident types anything */
export const devicesPrinterOut: DeviceStatus[] = [{ ...online('printer'), state: 'userError', media: 'out' }, online('scanner'), online('idReader')];

const page = (index: number): PageView => ({ index, thumbnail: 'data:image/jpeg;base64,', blank: false, tooDark: false, tooLight: false });
export const pages = (from: number, count: number): PageView[] => Array.from({ length: count }, (_, i) => page(from + i));

export const trackResult = (code: string): TrackResult =>
  ({ localCode: code, officialCode: null, procedureCode: submitProcedure, localState: 'submitted', city: null, cityReachable: true, lastCheckedAt: null }) as unknown as TrackResult;

/** A KioskError as the actors reject with it (`retryable` as the core, or an injected fault, says). */
export const kioskFailure = (kind: string, retryable?: boolean) => ({ kind, message: `${kind} (model)`, ...(retryable !== undefined ? { retryable } : {}) });
/** A failure the core answers only through an injected fault (drivers.ts: `/__sim/api-faults`), worth a retry. */
export const passingFault = (kind = 'Internal') => kioskFailure(kind, true);

export const flowInput = (site: SiteData, handed: Partial<Pick<FlowInput, 'procedureCode' | 'code' | 'operator'>> = {}): FlowInput => ({
  sessionId: site.sessionId,
  config: site.config,
  catalog: site.catalog,
  operator: handed.operator ?? null,
  devices: devicesOnline,
  locale: 'vi',
  procedureCode: handed.procedureCode ?? null,
  code: handed.code ?? null,
});

type Snap = AnyMachineSnapshot;
const ctx = <T>(s: Snap): T => s.context as T;
const m = (s: Snap, value: unknown): boolean => s.matches(value as never);
const key = (s: Snap, extra: unknown): string => JSON.stringify([s.value, extra]);

/** `reader.read` for the model's session, as the root forwards it. */
const readerRead = (site: SiteData, read: unknown): EventObject => ({ type: 'core.readerRead', sessionId: site.sessionId, read }) as EventObject;
export const readIdentity = (site: SiteData) => readerRead(site, { kind: 'identity', identity: sampleIdentity });
export const readGarbage = (site: SiteData) => readerRead(site, { kind: 'invalid', field: 'payload', rule: 'unreadable' });
export const readCode = (site: SiteData, code: string) => readerRead(site, { kind: 'trackingCode', code });

// ---------------------------------------------------------------- guide

export const guideModel = (site: SiteData, handed: string | null = null): WalkModel => ({
  machine: guideMachine,
  input: flowInput(site, { procedureCode: handed }),
  serialize: (s) => {
    const c = ctx<{ query: string; list: { kind: string } | null; procedureCode: string | null }>(s);
    return key(s, [c.query !== '', c.list?.kind ?? null, c.procedureCode !== null]);
  },
  events: (s) => {
    const c = ctx<{ query: string; results: string[] }>(s);
    if (m(s, 'categories'))
      return [
        ...(c.query === '' ? [{ type: 'guide.query', query: guideQuery }] : [{ type: 'guide.search', locale: 'vi' }]),
        { type: 'guide.category', categoryId: guideCategory },
        { type: 'guide.back' },
      ];
    if (m(s, 'list')) return [...(c.results[0] ? [{ type: 'guide.open', procedureCode: c.results[0] }] : []), { type: 'guide.back' }, { type: 'guide.home' }];
    if (m(s, 'detail')) return [{ type: 'guide.submit' }, { type: 'guide.help' }, { type: 'guide.back' }, { type: 'guide.home' }];
    return [];
  },
});

// ---------------------------------------------------------------- help

export const helpModel = (site: SiteData, handed: string | null = null): WalkModel => ({
  machine: helpMachine,
  input: flowInput(site, { procedureCode: handed }),
  serialize: (s) => key(s, ctx<{ procedureCode: string | null }>(s).procedureCode !== null),
  events: (s) => {
    if (m(s, 'topics')) return [{ type: 'help.procedure', procedureCode: submitProcedure }, { type: 'help.back' }];
    if (m(s, 'procedure')) return [{ type: 'help.guide' }, { type: 'help.back' }, { type: 'help.home' }];
    return [];
  },
});

// ---------------------------------------------------------------- track

const codeKind = (site: SiteData, code: string | null): string => (code === null || code === '' ? '' : code === site.knownCode ? 'known' : 'unknown');

/** `handed`: a code the root hands over (a receipt shown to the reader on the home screen). */
export const trackModel = (site: SiteData, handed: string | null = null): WalkModel => ({
  machine: trackMachine,
  input: flowInput(site, { code: handed }),
  serialize: (s) => {
    const c = ctx<{ code: string; checkedCode: string | null; hint: string | null; result: unknown; error: unknown }>(s);
    return key(s, [codeKind(site, c.code), codeKind(site, c.checkedCode), c.hint]);
  },
  events: (s) => {
    const c = ctx<{ code: string; checkedCode: string | null }>(s);
    const reads = [readCode(site, site.knownCode), readIdentity(site), readGarbage(site)];
    if (m(s, 'code'))
      return [
        { type: 'track.type', code: site.knownCode },
        { type: 'track.type', code: site.unknownCode },
        ...(isTrackableCode(c.code) ? [{ type: 'track.check' }] : []),
        { type: 'track.back' },
        ...reads,
      ];
    // a lookup that the city makes slow: a receipt shown meanwhile is ignored; one that fails
    if (m(s, 'checking'))
      return c.checkedCode === site.knownCode
        ? [doneEvent(trackMachine, 'track.checking', trackResult(site.knownCode)), readCode(site, site.knownCode), errorEvent(trackMachine, 'track.checking', passingFault())]
        : [errorEvent(trackMachine, 'track.checking', kioskFailure('DossierNotFound'))];
    if (m(s, 'result')) return [{ type: 'track.rate' }, { type: 'track.another' }, { type: 'track.home' }, ...reads];
    if (m(s, 'notFound')) return [{ type: 'track.edit' }, { type: 'track.back' }, { type: 'track.home' }, ...reads];
    if (m(s, 'failed')) return [{ type: 'track.retry' }, { type: 'track.edit' }, { type: 'track.back' }, { type: 'track.home' }];
    return [];
  },
  cost: (e) => (e.type === 'core.readerRead' ? 2 : 1),
});

// ---------------------------------------------------------------- rating (a step of submit and rate)

export const ratingModel = (site: SiteData, code: string, showThanks: boolean, delays: boolean): WalkModel => ({
  machine: ratingMachine,
  input: { sessionId: site.sessionId, code, showThanks } satisfies RatingInput,
  serialize: (s) => {
    const c = ctx<{ level: number | null; comment: string; error: unknown; rated: boolean }>(s);
    return key(s, [c.level, c.comment !== '', c.error !== null, c.rated]);
  },
  events: (s) => {
    const c = ctx<{ level: number | null; comment: string }>(s);
    if (m(s, 'choosing'))
      return [
        ...(c.level === null ? [{ type: 'rating.choose', level: 1 }] : [{ type: 'rating.send' }]),
        ...(c.comment === '' ? [{ type: 'rating.comment', text: 'Nhanh gọn' }] : []),
        { type: 'rating.skip' },
      ];
    if (m(s, 'sending')) return [doneEvent(ratingMachine, 'rating.sending', { kept: true }), errorEvent(ratingMachine, 'rating.sending', passingFault())];
    // not sent: send again, change the level or the comment, or leave it
    if (m(s, 'failed'))
      return [{ type: 'rating.retry' }, { type: 'rating.choose', level: 2 }, { type: 'rating.comment', text: 'Cán bộ nhiệt tình' }, { type: 'rating.skip' }];
    if (m(s, 'thanks')) return [{ type: 'rating.continue' }, ...(delays ? [{ type: 'xstate.after.thanks.rating.thanks' }] : [])];
    return [];
  },
  cost: (e) => (e.type.startsWith('xstate.after.') ? 8 : 1),
});

// ---------------------------------------------------------------- rate

export const rateModel = (site: SiteData, handed: string | null, delays: boolean): WalkModel => ({
  machine: rateMachine,
  input: flowInput(site, { code: handed }),
  serialize: (s) => {
    const c = ctx<{ code: string; rating: unknown; error: unknown; readerNote: string | null }>(s);
    return key(s, [codeKind(site, c.code), c.rating !== null, c.error !== null, c.readerNote]);
  },
  events: (s) => {
    const c = ctx<{ code: string }>(s);
    if (m(s, 'entering'))
      return [
        { type: 'rate.setCode', code: site.knownCode },
        { type: 'rate.setCode', code: site.unknownCode },
        ...(codeLooksValid(c.code) ? [{ type: 'rate.check' }] : []),
        readCode(site, site.knownCode),
        readIdentity(site),
        { type: 'rate.back' },
      ];
    if (m(s, 'checking'))
      return c.code === site.knownCode
        ? [doneEvent(rateMachine, 'rate.checking', trackResult(site.knownCode))]
        : [errorEvent(rateMachine, 'rate.checking', kioskFailure('DossierNotFound'))];
    if (m(s, 'rating')) return [doneEvent(rateMachine, 'rate.rating', { rated: true }), doneEvent(rateMachine, 'rate.rating', { rated: false })];
    if (m(s, 'thanks')) return [{ type: 'rate.another' }, { type: 'rate.home' }, ...(delays ? [{ type: 'xstate.after.thanks.rate.thanks' }] : [])];
    return [];
  },
  cost: (e) => (e.type.startsWith('xstate.after.') ? 15 : e.type.startsWith('xstate.done.actor.rating') ? 3 : 1),
});

// ---------------------------------------------------------------- scan (a step of submit)

interface ScanCtx {
  component: ScanStepInput['component'];
  pages: PageView[];
  live: PageView[];
  source: 'flatbed' | 'feeder';
  request: { kind: 'scan'; source: string; maxPages?: number; replaceIndex?: number } | { kind: 'remove'; index: number } | null;
  error: unknown;
  feederEmpty: boolean;
  outcome: string | null;
}

/** What `scan.pages` answers for the machine's request: pages appended (or one replaced). */
export const scanAnswer = (c: ScanCtx, feederShort = false) => {
  const r = c.request?.kind === 'scan' ? c.request : { kind: 'scan' as const, source: c.source };
  if ('replaceIndex' in r && r.replaceIndex !== undefined) return { componentId: c.component.id, pages: c.pages, feederEmpty: false };
  const n = r.source === 'feeder' ? (r.maxPages ?? 1) : 1;
  const got = feederShort ? Math.max(1, n - 1) : n;
  return { componentId: c.component.id, pages: [...c.pages, ...pages(c.pages.length + 1, got)], feederEmpty: feederShort };
};

export const scanModel = (input: ScanStepInput): WalkModel => ({
  machine: scanMachine,
  input,
  serialize: (s) => {
    const c = ctx<ScanCtx>(s);
    return key(s, [c.pages.length, c.live.length > 0, c.source, c.request?.kind ?? null, c.request && 'replaceIndex' in c.request ? c.request.replaceIndex : null, c.error !== null, c.feederEmpty, c.outcome]);
  },
  events: (s) => {
    const c = ctx<ScanCtx>(s);
    const need = minPages(c.component);
    if (m(s, 'ready'))
      return [
        { type: 'scan.setSource', source: c.source === 'feeder' ? 'flatbed' : 'feeder' },
        // a component scanned to its maximum needs no more pages: keep the walk finite
        ...(c.pages.length < c.component.pages.max ? [{ type: 'scan.start' }] : []),
        ...(c.pages.length > 0 ? [{ type: 'scan.retake', index: 1 }, { type: 'scan.remove', index: c.pages.length }] : []),
        // Done is disabled below the minimum, and with no page at all
        ...(c.pages.length >= need && c.pages.length > 0 ? [{ type: 'scan.done' }] : []),
        ...(!c.component.required && c.pages.length === 0 ? [{ type: 'scan.skip' }] : []),
        { type: 'scan.back' },
      ];
    // the retake prompt: Back, Cancel and Scan
    if (m(s, 'placing')) return [{ type: 'scan.start' }, { type: 'scan.dismiss' }, { type: 'scan.back' }];
    if (m(s, 'scanning')) {
      const feeder = c.request?.kind === 'scan' && c.request.source === 'feeder' && c.request.replaceIndex === undefined;
      const batch = c.request?.kind === 'scan' ? (c.request.maxPages ?? 1) : 1;
      const started = c.live.length > 0;
      return [
        // a page arrives while the scanner runs (the drivers check the core sent it); once one
        // has, the batch ends well: the simulators fail a scan before its first page or not at all
        ...(!started ? [{ type: 'core.scanPage', sessionId: input.sessionId, componentId: c.component.id, page: pages(c.pages.length + 1, 1)[0] }] : []),
        // the scanner is busy, then free again: a status either way
        { type: 'core.deviceStatus', devices: devicesOnline },
        doneEvent(scanMachine, 'scan.scanning', scanAnswer(c)),
        ...(feeder && batch > 1 ? [doneEvent(scanMachine, 'scan.scanning', scanAnswer(c, true))] : []),
        // an empty feeder, or a scanner busy elsewhere
        ...(!started ? [errorEvent(scanMachine, 'scan.scanning', kioskFailure(feeder ? 'FeederEmpty' : 'DeviceBusy'))] : []),
      ];
    }
    if (m(s, 'removing'))
      return [
        doneEvent(scanMachine, 'scan.removing', { componentId: c.component.id, pages: pages(1, Math.max(0, c.pages.length - 1)), feederEmpty: false }),
        errorEvent(scanMachine, 'scan.removing', passingFault()),
      ];
    if (m(s, 'failed'))
      return [
        ...(c.request !== null ? [{ type: 'scan.retry' }] : []),
        { type: 'scan.setSource', source: c.source === 'feeder' ? 'flatbed' : 'feeder' },
        { type: 'scan.dismiss' },
        { type: 'scan.back' },
      ];
    return [];
  },
  limit: 5000,
});

// ---------------------------------------------------------------- receipt (a step of submit)

export const receiptModel = (input: ReceiptStepInput): WalkModel => ({
  machine: receiptMachine,
  input,
  serialize: (s) => {
    const c = ctx<{ error: unknown; next: string | null; printerReady: boolean }>(s);
    return key(s, [c.error !== null, c.next, c.printerReady]);
  },
  events: (s) => {
    if (m(s, 'printing')) return [doneEvent(receiptMachine, 'receipt.printing', { printed: true }), errorEvent(receiptMachine, 'receipt.printing', kioskFailure('PaperOut'))];
    const actions = [{ type: 'receipt.reprint' }, { type: 'receipt.rate' }, { type: 'receipt.finish' }];
    // paper loaded again while the failure shows: the screen says the printer is ready
    if (m(s, 'failed')) return [...(ctx<{ printerReady: boolean }>(s).printerReady ? [] : [{ type: 'core.deviceStatus', devices: devicesOnline }]), ...actions];
    if (m(s, 'printed')) return actions;
    return [];
  },
});

// ---------------------------------------------------------------- submit

const filledCount = (c: SubmitContext): number => formValues.filter(([kind, id]) => (kind === 'contact' ? c.contact.phone !== '' : (c.form[id] ?? '') !== '')).length;
const manualCount = (c: SubmitContext): number => manualValues.filter(([id]) => c.manual[id] !== '').length;

/** The submit flow's receipt as `dossier.submit` answers (the drivers read the real one off the screen). */
export const submitReceipt = (site: SiteData) => ({ localCode: site.knownCode, submittedAt: '2026-01-01T08:00:00.000Z', appointmentDate: null, trackingQr: site.knownCode });

export const submitModel = (site: SiteData, opts: { handed?: string | null; operator?: boolean } = {}): WalkModel => {
  const procedure = site.catalog.procedures.find((p) => p.code === submitProcedure);
  if (!procedure) throw new Error(`the site does not enable ${submitProcedure}`);
  return {
    machine: submitMachine,
    input: flowInput(site, { procedureCode: opts.handed ?? null, ...(opts.operator ? { operator: { role: 'officer', operatorId: 'officer-e2e', expiresAt: '2100-01-01T00:00:00.000Z' } as FlowInput['operator'] } : {}) }),
    // what the guards (and the samples) read, and only where they read it: a count that no
    // later guard looks at would multiply every later state for nothing
    serialize: (s) => {
      const c = ctx<SubmitContext>(s);
      const identifying = m(s, { draft: 'identifying' });
      return key(s, [
        c.procedure !== null,
        c.identity !== null,
        identifying ? [c.idProblem?.kind ?? null, manualCount(c), c.manualTried, c.qrPayload] : null,
        m(s, { draft: 'form' }) || identifying ? [filledCount(c), c.formTried] : filledCount(c) === formValues.length,
        procedure.components.map((x) => (c.pages[x.id]?.length ?? 0) > 0),
        m(s, { draft: 'scanning' }) ? c.componentIndex : null,
        c.delivery.method,
        c.consent.purposes.length,
        c.consent.givenAt !== null,
        c.editing,
        c.confirmingCancel,
        m(s, { draft: 'submitting' }) || m(s, { draft: 'review' }) ? (c.submitError?.kind ?? null) : null,
        m(s, 'done') ? c.outcome : null,
        m(s, { draft: 'checkingDevices' }) ? c.devices.every((d) => d.state === 'online') : null,
      ]);
    },
    // Samples are kept to what covers something: Cancel is offered on one screen (its three
    // transitions belong to `draft`, whichever screen shows the button), and a section opened
    // from review offers only what leads back to review (the rest of it is walked before).
    events: (s) => {
      const c = ctx<SubmitContext>(s);
      const editing = c.editing;
      const cancel = !editing ? [{ type: 'submit.cancel' }] : [];
      if (c.confirmingCancel && m(s, 'draft')) return [{ type: 'submit.cancelDismiss' }, { type: 'submit.cancelConfirm' }];
      if (m(s, { draft: 'choosing' }))
        return [...(c.query === '' ? [{ type: 'submit.query', text: guideQuery }] : []), { type: 'submit.pickProcedure', code: submitProcedure }, { type: 'submit.back' }];
      if (m(s, { draft: { checkingDevices: 'loading' } }))
        return [
          doneEvent(submitMachine, 'submit.draft.checkingDevices.loading', devicesOnline),
          ...(c.input.operator === null && c.identity === null
            ? [
                doneEvent(submitMachine, 'submit.draft.checkingDevices.loading', devicesPrinterOut),
                // devices.status refused: the flow goes on with the statuses it was handed (all online)
                errorEvent(submitMachine, 'submit.draft.checkingDevices.loading', passingFault()),
              ]
            : []),
        ];
      if (m(s, { draft: { checkingDevices: 'refused' } }))
        return [
          { type: 'core.deviceStatus', devices: devicesOnline },
          { type: 'submit.back' },
          { type: 'submit.otherProcedure' },
          { type: 'submit.home' },
          { type: 'submit.elsewhere', choice: 'guide' },
          { type: 'submit.elsewhere', choice: 'track' },
          { type: 'submit.elsewhere', choice: 'help' },
        ];
      if (m(s, { draft: { identifying: 'waiting' } })) {
        if (editing) return [readIdentity(site), { type: 'submit.back' }];
        const problems = c.idProblem === null && c.identity === null ? [readGarbage(site), readCode(site, site.knownCode), { type: 'submit.wedgeScan', text: badPayload }] : [];
        return [readIdentity(site), ...problems, { type: 'submit.wedgeScan', text: samplePayload }, { type: 'submit.manualEntry' }, { type: 'submit.back' }, ...(c.identity === null ? cancel : [])];
      }
      if (m(s, { draft: { identifying: 'readingQr' } }))
        return c.qrPayload === samplePayload
          ? [doneEvent(submitMachine, 'submit.draft.identifying.readingQr', sampleIdentity)]
          : [errorEvent(submitMachine, 'submit.draft.identifying.readingQr', { kind: 'InvalidIdPayload', message: 'model', issues: [{ path: 'dateOfBirth', rule: 'invalidDate' }] })];
      if (m(s, { draft: { identifying: 'manual' } })) {
        const next = manualValues.find(([id]) => c.manual[id] === '');
        return [
          ...(manualCount(c) === 0 ? [readIdentity(site)] : []),
          ...(next ? [{ type: 'submit.manualField', field: next[0], value: next[1] }] : []),
          // Continue with a half-typed card shows the errors; with a whole one it checks it
          ...(manualCount(c) === 0 || !next ? [{ type: 'submit.manualSubmit', today: site.today }] : []),
          ...(manualCount(c) === 0 ? [{ type: 'submit.back' }] : []),
        ];
      }
      // the core refuses a card the screen let through only when it fails itself: said, and Continue tries again
      if (m(s, { draft: { identifying: 'checkingManual' } }))
        return manualValid(c.manual, site.today)
          ? [
              ...(c.idProblem === null ? [errorEvent(submitMachine, 'submit.draft.identifying.checkingManual', passingFault())] : []),
              doneEvent(submitMachine, 'submit.draft.identifying.checkingManual', { ...sampleIdentity, source: 'manual' }),
            ]
          : [];
      if (m(s, { draft: 'form' })) {
        if (editing) return [{ type: 'submit.next' }, { type: 'submit.back' }];
        const next = formValues.find(([kind, id]) => (kind === 'contact' ? c.contact.phone === '' : (c.form[id] ?? '') === ''));
        return [
          ...(next ? [next[0] === 'contact' ? { type: 'submit.contactField', field: next[1], value: next[2] } : { type: 'submit.formField', id: next[1], value: next[2] }] : []),
          ...(!next || filledCount(c) === 0 ? [{ type: 'submit.next' }] : []),
          ...(filledCount(c) === 0 ? [{ type: 'submit.reenterIdentity' }, { type: 'submit.back' }] : []),
        ];
      }
      if (m(s, { draft: { scanning: 'component' } })) {
        const component = procedure.components[c.componentIndex];
        const have = c.pages[component?.id ?? '']?.length ?? 0;
        return [
          doneEvent(submitMachine, 'submit.draft.scanning.component', { result: 'done', pages: have > 0 ? pages(1, have) : pages(1, 1) }),
          ...(component && !component.required && have === 0 && !editing ? [doneEvent(submitMachine, 'submit.draft.scanning.component', { result: 'done', pages: [] })] : []),
          doneEvent(submitMachine, 'submit.draft.scanning.component', { result: 'back', pages: pages(1, have) }),
        ];
      }
      if (m(s, { draft: 'delivery' }))
        return [
          ...procedure.delivery.filter((d) => d !== c.delivery.method).map((method) => ({ type: 'submit.deliveryMethod', method })),
          ...(c.delivery.method === 'postal' && !editing ? [{ type: 'submit.deliveryField', field: 'recipientName', value: 'Nguyễn Văn An' }] : []),
          { type: 'submit.next' },
          { type: 'submit.back' },
        ];
      if (m(s, { draft: 'consent' })) {
        const next = applicablePurposes(site.catalog.consent, c.delivery.method).find((p) => !c.consent.purposes.includes(p.id));
        return [
          ...(next ? [{ type: 'submit.consentToggle', purpose: next.id }] : []),
          // "I agree" is disabled until every purpose is ticked
          ...(consentComplete(site.catalog.consent, c.delivery.method, c.consent.purposes) ? [{ type: 'submit.consentGive', at: '2026-01-01T08:00:00.000Z' }] : []),
          { type: 'submit.back' },
        ];
      }
      // back from a refused dossier: the core lost the session, nothing more will be kept from here
      if (m(s, { draft: 'review' }) && c.submitError !== null) return [];
      if (m(s, { draft: 'review' }))
        return [
          { type: 'submit.edit', section: 'identity' },
          { type: 'submit.edit', section: 'form' },
          { type: 'submit.edit', section: 'scan', component: procedure.components[procedure.components.length - 1]?.id },
          { type: 'submit.edit', section: 'delivery' },
          { type: 'submit.edit', section: 'consent' },
          { type: 'submit.confirm' },
          { type: 'submit.back' },
        ];
      if (m(s, { draft: { submitting: 'sending' } }))
        return [
          doneEvent(submitMachine, 'submit.draft.submitting.sending', submitReceipt(site)),
          // the outbox could not keep it this time (an injected fault): Retry
          errorEvent(submitMachine, 'submit.draft.submitting.sending', passingFault('OutboxIo')),
          // the core lost the session under the resident (drivers: ended through the side door)
          errorEvent(submitMachine, 'submit.draft.submitting.sending', kioskFailure('SessionNotFound')),
        ];
      // after SessionNotFound the screen offers Back to review and Cancel, no Retry
      if (m(s, { draft: { submitting: 'failed' } })) return [...(c.submitError?.kind === 'SessionNotFound' ? [] : [{ type: 'submit.retry' }]), { type: 'submit.back' }];
      if (m(s, 'receipt')) return [doneEvent(submitMachine, 'submit.receipt', { next: 'rate' }), doneEvent(submitMachine, 'submit.receipt', { next: 'end' })];
      if (m(s, 'rating')) return [doneEvent(submitMachine, 'submit.rating', { rated: true }), doneEvent(submitMachine, 'submit.rating', { rated: false })];
      return [];
    },
    // a component scanned or a receipt printed costs more than a tap; the walk prefers taps
    cost: (e) => (e.type.startsWith('xstate.done.actor.receipt') || e.type.startsWith('xstate.done.actor.rating') ? 4 : e.type.startsWith('xstate.done.actor.scan') ? 3 : 1),
    limit: 50_000,
  };
};

/** Does a submit snapshot have everything a review needs (for prelude checks)? */
export const submitReady = (c: SubmitContext): boolean =>
  c.identity !== null && formValid(c) && deliveryValid(c.delivery) && c.consent.givenAt !== null;
