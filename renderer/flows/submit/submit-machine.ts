import { and, assign, fromCallback, fromPromise, not, sendTo, setup, stateIn } from 'xstate';
import type { DeliveryMethod, Procedure } from '../../../common/catalog/catalog-schema.js';
import type { CitizenIdentity } from '../../../common/domain/citizen-identity.js';
import type { DeviceStatus } from '../../../common/domain/device-status.js';
import type { KioskError } from '../../../common/errors.js';
import type { ArgsOf, PageView, ResultOf } from '../../../common/kiosk-api/contract.js';
import type { JourneyStep, ManualIdentity } from '../../../common/kiosk-api/journey-contract.js';
import { asKioskError } from '../../machines/kiosk-failure.js';
import type { HomeChoice } from '../../machines/root-types.js';
import type { FlowCoreEvent, FlowInput, FlowOutput } from '../flow-types.js';
import { ratingMachine } from '../rate/rating-machine.js';
import { receiptMachine } from '../receipt/receipt-machine.js';
import { scanMachine } from '../scan/scan-machine.js';
import type { ScanStepOutput } from '../step-types.js';
import {
  consentComplete,
  devicesDown,
  emptyDelivery,
  emptyManual,
  idProblemFromError,
  idProblemFromRead,
  manualFromIdentity,
  prefillDelivery,
  toManualIdentity,
  withManualField,
  type DeliveryDraft,
  type IdProblem,
  type ManualFieldId,
  type ManualFields,
} from './submit-model.js';
import { buildSubmission, deliveryValid, formValid, initialFormValues, manualValid } from './submit-rules.js';

// "Nộp hồ sơ": pick a procedure → devices check → identify → form → scan each component →
// delivery → consent → review → submit into the outbox → receipt → rating. The draft lives
// in this machine's context only, so it goes when the flow stops (end, cancel, timeout).
// No React and no I/O: each KioskApi call is a named actor (submit-actors.ts), the scan,
// receipt and rating steps are machines of their own (step-types.ts), and time comes in
// with the events that need it (`today`, `at`).

export type SubmitReceipt = ResultOf<'dossier.submit'>;
/** A step the resident entered, for the anonymous statistics. */
export type StepMark = { type: 'mark'; step: JourneyStep };
export type SubmitArgs = ArgsOf<'dossier.submit'>;

/** The sections of the review screen a resident can go back and edit. */
export type EditSection = 'identity' | 'form' | 'scan' | 'delivery' | 'consent';
/** Where a refused resident can go instead (the devices check). */
export type ElsewhereChoice = Extract<HomeChoice, 'guide' | 'track' | 'help'>;
export type ContactField = 'phone' | 'email';
export type DeliveryField = 'recipientName' | 'address' | 'phone';

export interface SubmitContext {
  input: FlowInput;
  /** kept current by the forwarded `core.deviceStatus` events */
  devices: DeviceStatus[];
  /** the procedure search box */
  query: string;
  procedure: Procedure | null;
  identity: CitizenIdentity | null;
  /** why the last card read or manual entry was refused */
  idProblem: IdProblem | null;
  /** a keyboard-wedge burst on its way to `identity.fromQr` (dropped once answered) */
  qrPayload: string | null;
  manual: ManualFields;
  /** Continue was pressed on manual entry: show every error, not only those of touched fields */
  manualTried: boolean;
  contact: { phone: string; email: string };
  /** the procedure's own fields, as typed (dates dd/mm/yyyy) */
  form: Record<string, string>;
  formTried: boolean;
  /** scanned pages per component id */
  pages: Record<string, PageView[]>;
  /** the component being scanned */
  componentIndex: number;
  delivery: DeliveryDraft;
  deliveryTried: boolean;
  /** ticked purpose ids; `givenAt` from the tap on "I agree" */
  consent: { purposes: string[]; givenAt: string | null };
  /** came from review to change one section: its Continue (or Back) returns to review */
  editing: boolean;
  confirmingCancel: boolean;
  submitted: SubmitReceipt | null;
  submitError: KioskError | null;
  outcome: FlowOutput;
}

export type SubmitEvent =
  | { type: 'submit.back' }
  | { type: 'submit.cancel' }
  | { type: 'submit.cancelConfirm' }
  | { type: 'submit.cancelDismiss' }
  | { type: 'submit.query'; text: string }
  | { type: 'submit.pickProcedure'; code: string }
  | { type: 'submit.otherProcedure' }
  | { type: 'submit.elsewhere'; choice: ElsewhereChoice }
  | { type: 'submit.home' }
  | { type: 'submit.wedgeScan'; text: string }
  | { type: 'submit.manualEntry' }
  | { type: 'submit.manualField'; field: ManualFieldId; value: string }
  /** `today`: the kiosk's local date (yyyy-mm-dd) at the tap, for the date rules */
  | { type: 'submit.manualSubmit'; today: string }
  | { type: 'submit.reenterIdentity' }
  | { type: 'submit.formField'; id: string; value: string }
  | { type: 'submit.contactField'; field: ContactField; value: string }
  | { type: 'submit.next' }
  | { type: 'submit.deliveryMethod'; method: DeliveryMethod }
  | { type: 'submit.deliveryField'; field: DeliveryField; value: string }
  | { type: 'submit.consentToggle'; purpose: string }
  /** `at`: ISO date-time of the tap on "I agree" */
  | { type: 'submit.consentGive'; at: string }
  | { type: 'submit.edit'; section: EditSection; component?: string }
  | { type: 'submit.confirm' }
  | { type: 'submit.retry' }
  | FlowCoreEvent;

const notProvided = (name: string) => () => {
  throw new Error(`actor ${name} must be provided (see renderer/flows/submit/submit-actors.ts)`);
};

const procedureOf = (input: FlowInput, code: string | null): Procedure | null =>
  code === null ? null : (input.catalog.procedures.find((p) => p.code === code) ?? null);

const lastComponent = (c: SubmitContext): number => Math.max(0, (c.procedure?.components.length ?? 1) - 1);

export const initialSubmitContext = (input: FlowInput): SubmitContext => ({
  input,
  devices: input.devices,
  query: '',
  procedure: null,
  identity: null,
  idProblem: null,
  qrPayload: null,
  manual: emptyManual(),
  manualTried: false,
  contact: { phone: '', email: '' },
  form: {},
  formTried: false,
  pages: {},
  componentIndex: 0,
  delivery: emptyDelivery(null),
  deliveryTried: false,
  consent: { purposes: [], givenAt: null },
  editing: false,
  confirmingCancel: false,
  submitted: null,
  submitError: null,
  outcome: { next: 'home' },
});

/** A procedure chosen afresh: what belonged to another procedure goes; who the resident is stays. */
const startProcedure = (c: SubmitContext, procedure: Procedure): Partial<SubmitContext> =>
  c.procedure?.code === procedure.code
    ? {}
    : {
        procedure,
        form: initialFormValues(procedure, c.identity),
        formTried: false,
        pages: {},
        componentIndex: 0,
        delivery: emptyDelivery(procedure),
        deliveryTried: false,
        consent: { purposes: [], givenAt: null },
      };

/** A card read or typed: the form's card-filled fields follow the (new) identity. */
const identityTaken = (c: SubmitContext, identity: CitizenIdentity): Partial<SubmitContext> => ({
  identity,
  idProblem: null,
  qrPayload: null,
  manualTried: false,
  form: c.procedure ? { ...c.form, ...initialFormValues(c.procedure, identity) } : c.form,
});

export const submitMachine = setup({
  types: {
    input: {} as FlowInput,
    output: {} as FlowOutput,
    context: {} as SubmitContext,
    events: {} as SubmitEvent,
    children: {} as { steps: 'stepMarker'; scan: 'scanStep'; receipt: 'receiptStep'; rating: 'ratingStep' },
  },
  actors: {
    /**
     * `session.step` for each `mark` it receives, one after the other so the core sees the
     * steps in the order the resident took them; never fails (statistics must not stop anyone)
     */
    stepMarker: fromCallback<StepMark, { sessionId: string }>(notProvided('stepMarker')),
    /** `devices.status`: the statuses now */
    loadDevices: fromPromise<DeviceStatus[]>(notProvided('loadDevices')),
    identityFromQr: fromPromise<CitizenIdentity, { sessionId: string; payload: string }>(notProvided('identityFromQr')),
    identityFromManual: fromPromise<CitizenIdentity, { sessionId: string; fields: ManualIdentity }>(notProvided('identityFromManual')),
    submitDossier: fromPromise<SubmitReceipt, SubmitArgs>(notProvided('submitDossier')),
    scanStep: scanMachine,
    receiptStep: receiptMachine,
    ratingStep: ratingMachine,
  },
  guards: {
    handedProcedure: ({ context }) => procedureOf(context.input, context.input.procedureCode) !== null,
    knownProcedure: ({ context, event }) => event.type === 'submit.pickProcedure' && procedureOf(context.input, event.code) !== null,
    devicesReady: ({ context }) => context.procedure !== null && devicesDown(context.procedure, context.devices).length === 0,
    thisSession: ({ context, event }) => event.type === 'core.readerRead' && event.sessionId === context.input.sessionId,
    readIsIdentity: ({ context, event }) => event.type === 'core.readerRead' && event.sessionId === context.input.sessionId && event.read.kind === 'identity',
    hasWedgeText: ({ event }) => event.type === 'submit.wedgeScan' && event.text.trim() !== '',
    manualValid: ({ context, event }) => event.type === 'submit.manualSubmit' && manualValid(context.manual, event.today),
    formValid: ({ context }) => formValid(context),
    editing: ({ context }) => context.editing,
    deliveryValid: ({ context }) => deliveryValid(context.delivery),
    deliveryAllowed: ({ context, event }) => event.type === 'submit.deliveryMethod' && (context.procedure?.delivery.includes(event.method) ?? false),
    consentComplete: ({ context }) => consentComplete(context.input.catalog.consent, context.delivery.method, context.consent.purposes),
    editingWithConsent: ({ context }) => context.editing && consentComplete(context.input.catalog.consent, context.delivery.method, context.consent.purposes),
    readyToSubmit: ({ context }) =>
      context.identity !== null &&
      formValid(context) &&
      deliveryValid(context.delivery) &&
      context.consent.givenAt !== null &&
      consentComplete(context.input.catalog.consent, context.delivery.method, context.consent.purposes),
    hasPreviousComponent: ({ context }) => context.componentIndex > 0,
    confirmingCancel: ({ context }) => context.confirmingCancel,
    editsKnownComponent: ({ context, event }) =>
      event.type === 'submit.edit' && event.section === 'scan' && (context.procedure?.components.some((c) => c.id === event.component) ?? false),
    editsSection: ({ event }, params: { section: EditSection }) => event.type === 'submit.edit' && event.section === params.section,
    scanSaid: (_, params: { output: ScanStepOutput; result: ScanStepOutput['result'] }) => params.output.result === params.result,
    hasNextComponent: ({ context }) => context.componentIndex < lastComponent(context),
    wantsRating: (_, params: { next: 'rate' | 'end' }) => params.next === 'rate',
    // the dossier may be half-way into the outbox: no leaving now
    keepingDossier: stateIn('#submit.draft.submitting.sending'),
  },
  actions: {
    markStep: sendTo('steps', (_, params: { step: JourneyStep }): StepMark => ({ type: 'mark', step: params.step })),
    takeDevices: assign({ devices: (_, params: { devices: DeviceStatus[] }) => params.devices }),
    setDevices: assign({ devices: ({ context, event }) => (event.type === 'core.deviceStatus' ? event.devices : context.devices) }),
    forwardToScan: sendTo('scan', ({ event }) => event as never),
    // the receipt's failure screen says when the printer is usable again
    forwardToReceipt: sendTo('receipt', ({ event }) => event as never),
    takeHandedProcedure: assign(({ context }) => {
      const p = procedureOf(context.input, context.input.procedureCode);
      return p ? startProcedure(context, p) : {};
    }),
    setQuery: assign({ query: ({ context, event }) => (event.type === 'submit.query' ? event.text : context.query) }),
    pickProcedure: assign(({ context, event }) => {
      const p = event.type === 'submit.pickProcedure' ? procedureOf(context.input, event.code) : null;
      return p ? startProcedure(context, p) : {};
    }),
    handOver: assign({
      outcome: ({ context, event }): FlowOutput => {
        if (event.type !== 'submit.elsewhere') return context.outcome;
        const code = context.procedure?.code;
        return event.choice === 'guide' && code ? { next: 'flow', choice: 'guide', procedureCode: code } : { next: 'flow', choice: event.choice };
      },
    }),
    goHome: assign({ outcome: { next: 'home' } }),
    finish: assign({ outcome: { next: 'end' } }),
    askCancel: assign({ confirmingCancel: true }),
    dismissCancel: assign({ confirmingCancel: false }),

    rememberWedge: assign({ qrPayload: ({ context, event }) => (event.type === 'submit.wedgeScan' ? event.text : context.qrPayload), idProblem: null }),
    forgetWedge: assign({ qrPayload: null }),
    rememberReadProblem: assign({ idProblem: ({ context, event }) => (event.type === 'core.readerRead' ? idProblemFromRead(event.read) : context.idProblem) }),
    rememberIdError: assign({ idProblem: (_, params: { error: unknown }) => idProblemFromError(params.error) }),
    clearIdProblem: assign({ idProblem: null }),
    takeIdentity: assign(({ context }, params: { identity: CitizenIdentity }) => identityTaken(context, params.identity)),
    takeReadIdentity: assign(({ context, event }) =>
      event.type === 'core.readerRead' && event.read.kind === 'identity' ? identityTaken(context, event.read.identity) : {},
    ),
    setManualField: assign({
      manual: ({ context, event }) => (event.type === 'submit.manualField' ? withManualField(context.manual, event.field, event.value) : context.manual),
    }),
    markManualTried: assign({ manualTried: true }),
    manualFromIdentity: assign({
      manual: ({ context }) => (context.identity ? manualFromIdentity(context.identity) : context.manual),
      idProblem: null,
    }),

    setFormField: assign({
      form: ({ context, event }) => (event.type === 'submit.formField' ? { ...context.form, [event.id]: event.value } : context.form),
    }),
    setContactField: assign({
      contact: ({ context, event }) => (event.type === 'submit.contactField' ? { ...context.contact, [event.field]: event.value } : context.contact),
    }),
    markFormTried: assign({ formTried: true }),

    savePages: assign({
      pages: ({ context }, params: { output: ScanStepOutput }) => {
        const component = context.procedure?.components[context.componentIndex];
        return component ? { ...context.pages, [component.id]: params.output.pages } : context.pages;
      },
    }),
    nextComponent: assign({ componentIndex: ({ context }) => Math.min(context.componentIndex + 1, lastComponent(context)) }),
    previousComponent: assign({ componentIndex: ({ context }) => Math.max(0, context.componentIndex - 1) }),
    firstComponent: assign({ componentIndex: 0 }),
    lastComponent: assign({ componentIndex: ({ context }) => lastComponent(context) }),
    editComponent: assign({
      componentIndex: ({ context, event }) =>
        event.type === 'submit.edit' ? Math.max(0, context.procedure?.components.findIndex((c) => c.id === event.component) ?? 0) : context.componentIndex,
    }),

    prefillDelivery: assign({ delivery: ({ context }) => prefillDelivery(context.delivery, context.identity, context.contact.phone) }),
    setDeliveryMethod: assign({
      delivery: ({ context, event }) => (event.type === 'submit.deliveryMethod' ? { ...context.delivery, method: event.method } : context.delivery),
    }),
    setDeliveryField: assign({
      delivery: ({ context, event }) => (event.type === 'submit.deliveryField' ? { ...context.delivery, [event.field]: event.value } : context.delivery),
    }),
    markDeliveryTried: assign({ deliveryTried: true }),

    toggleConsent: assign({
      consent: ({ context, event }) => {
        if (event.type !== 'submit.consentToggle') return context.consent;
        const ticked = context.consent.purposes.includes(event.purpose);
        // a change after "I agree" needs a new "I agree"
        return { purposes: ticked ? context.consent.purposes.filter((p) => p !== event.purpose) : [...context.consent.purposes, event.purpose], givenAt: null };
      },
    }),
    giveConsent: assign({
      consent: ({ context, event }) => (event.type === 'submit.consentGive' ? { ...context.consent, givenAt: event.at } : context.consent),
    }),

    startEditing: assign({ editing: true }),
    stopEditing: assign({ editing: false }),
    keepReceipt: assign({ submitted: (_, params: { receipt: SubmitReceipt }) => params.receipt, submitError: null }),
    rememberSubmitError: assign({ submitError: (_, params: { error: unknown }) => asKioskError(params.error) }),
    clearSubmitError: assign({ submitError: null }),
  },
}).createMachine({
  id: 'submit',
  context: ({ input }) => initialSubmitContext(input),
  invoke: { id: 'steps', src: 'stepMarker', input: ({ context }) => ({ sessionId: context.input.sessionId }) },
  initial: 'draft',
  on: {
    'core.deviceStatus': { actions: 'setDevices' },
  },
  states: {
    // Everything before the dossier is kept: the resident may go back, edit, or cancel.
    draft: {
      initial: 'start',
      on: {
        'submit.cancel': { guard: not('keepingDossier'), actions: 'askCancel' },
        'submit.cancelDismiss': { actions: 'dismissCancel' },
        'submit.cancelConfirm': { guard: 'confirmingCancel', target: 'done', actions: 'goHome' },
      },
      states: {
        // the guide handed a procedure over: no need to pick it again
        start: {
          always: [{ guard: 'handedProcedure', target: 'checkingDevices', actions: 'takeHandedProcedure' }, { target: 'choosing' }],
        },

        choosing: {
          on: {
            'submit.query': { actions: 'setQuery' },
            'submit.pickProcedure': { guard: 'knownProcedure', target: 'checkingDevices', actions: 'pickProcedure' },
            'submit.back': { target: '#submit.done', actions: 'goHome' },
          },
        },

        // Refuse before the resident types anything when a device the procedure needs is down;
        // come back by itself when the devices do. The statuses are asked afresh: the ones the
        // flow started with may be old, or none may have come yet.
        checkingDevices: {
          entry: { type: 'markStep', params: { step: 'submit.devices' } },
          initial: 'loading',
          on: {
            'submit.back': 'choosing',
            'submit.otherProcedure': 'choosing',
            'submit.elsewhere': { target: '#submit.done', actions: 'handOver' },
            'submit.home': { target: '#submit.done', actions: 'goHome' },
          },
          states: {
            loading: {
              invoke: {
                src: 'loadDevices',
                onDone: { target: 'deciding', actions: { type: 'takeDevices', params: ({ event }) => ({ devices: event.output }) } },
                // the forwarded statuses are all there is to go on
                onError: 'deciding',
              },
            },
            deciding: {
              always: [{ guard: 'devicesReady', target: '#submit.draft.identifying' }, { target: 'refused' }],
            },
            refused: {
              always: { guard: 'devicesReady', target: '#submit.draft.identifying' },
            },
          },
        },

        identifying: {
          entry: { type: 'markStep', params: { step: 'submit.identify' } },
          initial: 'waiting',
          states: {
            waiting: {
              on: {
                'core.readerRead': [
                  { guard: 'readIsIdentity', target: '#submit.draft.form', actions: 'takeReadIdentity' },
                  { guard: 'thisSession', actions: 'rememberReadProblem' },
                ],
                'submit.wedgeScan': { guard: 'hasWedgeText', target: 'readingQr', actions: 'rememberWedge' },
                'submit.manualEntry': { target: 'manual', actions: 'clearIdProblem' },
                'submit.back': [{ guard: 'editing', target: '#submit.draft.review' }, { target: '#submit.draft.choosing' }],
              },
            },
            readingQr: {
              invoke: {
                src: 'identityFromQr',
                input: ({ context }) => ({ sessionId: context.input.sessionId, payload: context.qrPayload ?? '' }),
                onDone: { target: '#submit.draft.form', actions: { type: 'takeIdentity', params: ({ event }) => ({ identity: event.output }) } },
                onError: { target: 'waiting', actions: ['forgetWedge', { type: 'rememberIdError', params: ({ event }) => ({ error: event.error }) }] },
              },
            },
            manual: {
              on: {
                // a card shown while typing is still the quickest way through
                'core.readerRead': { guard: 'readIsIdentity', target: '#submit.draft.form', actions: 'takeReadIdentity' },
                'submit.manualField': { actions: ['setManualField', 'clearIdProblem'] },
                'submit.manualSubmit': [{ guard: 'manualValid', target: 'checkingManual', actions: 'markManualTried' }, { actions: 'markManualTried' }],
                'submit.back': 'waiting',
              },
            },
            checkingManual: {
              invoke: {
                src: 'identityFromManual',
                input: ({ context }) => ({ sessionId: context.input.sessionId, fields: toManualIdentity(context.manual) }),
                onDone: { target: '#submit.draft.form', actions: { type: 'takeIdentity', params: ({ event }) => ({ identity: event.output }) } },
                onError: { target: 'manual', actions: { type: 'rememberIdError', params: ({ event }) => ({ error: event.error }) } },
              },
            },
          },
        },

        form: {
          entry: { type: 'markStep', params: { step: 'submit.form' } },
          on: {
            'submit.formField': { actions: 'setFormField' },
            'submit.contactField': { actions: 'setContactField' },
            'submit.next': [
              { guard: and(['editing', 'formValid']), target: 'review' },
              { guard: 'formValid', target: 'scanning', actions: 'firstComponent' },
              { actions: 'markFormTried' },
            ],
            'submit.reenterIdentity': { target: 'identifying.manual', actions: 'manualFromIdentity' },
            'submit.back': [{ guard: 'editing', target: 'review' }, { target: 'identifying' }],
          },
        },

        scanning: {
          entry: { type: 'markStep', params: { step: 'submit.scan' } },
          initial: 'component',
          on: {
            'core.scanPage': { actions: 'forwardToScan' },
            'core.deviceStatus': { actions: ['setDevices', 'forwardToScan'] },
          },
          states: {
            component: {
              invoke: {
                id: 'scan',
                src: 'scanStep',
                input: ({ context }) => {
                  const component = context.procedure?.components[context.componentIndex];
                  if (!component) throw new Error('scanning without a component');
                  return { sessionId: context.input.sessionId, component, pages: context.pages[component.id] ?? [], devices: context.devices };
                },
                onDone: [
                  {
                    guard: { type: 'scanSaid', params: ({ event }) => ({ output: event.output, result: 'done' }) },
                    target: 'next',
                    actions: { type: 'savePages', params: ({ event }) => ({ output: event.output }) },
                  },
                  {
                    target: 'previous',
                    actions: { type: 'savePages', params: ({ event }) => ({ output: event.output }) },
                  },
                ],
              },
            },
            // where a finished component leads: the next one, delivery, or back to review
            next: {
              always: [
                { guard: 'editing', target: '#submit.draft.review' },
                { guard: 'hasNextComponent', target: 'component', actions: 'nextComponent' },
                { target: '#submit.draft.delivery' },
              ],
            },
            previous: {
              always: [
                { guard: 'editing', target: '#submit.draft.review' },
                { guard: 'hasPreviousComponent', target: 'component', actions: 'previousComponent' },
                { target: '#submit.draft.form' },
              ],
            },
          },
        },

        delivery: {
          entry: [{ type: 'markStep', params: { step: 'submit.delivery' } }, 'prefillDelivery'],
          on: {
            'submit.deliveryMethod': { guard: 'deliveryAllowed', actions: 'setDeliveryMethod' },
            'submit.deliveryField': { actions: 'setDeliveryField' },
            'submit.next': [
              // a changed method may bring a purpose to consent to: then consent comes first
              { guard: 'deliveryValid', target: 'afterDelivery' },
              { actions: 'markDeliveryTried' },
            ],
            'submit.back': [{ guard: 'editing', target: 'review' }, { target: 'scanning', actions: 'lastComponent' }],
          },
        },
        afterDelivery: {
          always: [{ guard: 'editingWithConsent', target: 'review' }, { target: 'consent' }],
        },

        consent: {
          entry: { type: 'markStep', params: { step: 'submit.consent' } },
          on: {
            'submit.consentToggle': { actions: 'toggleConsent' },
            'submit.consentGive': { guard: 'consentComplete', target: 'review', actions: 'giveConsent' },
            'submit.back': [{ guard: 'editing', target: 'review' }, { target: 'delivery' }],
          },
        },

        review: {
          entry: [{ type: 'markStep', params: { step: 'submit.review' } }, 'stopEditing'],
          on: {
            'submit.edit': [
              { guard: { type: 'editsSection', params: { section: 'identity' } }, target: 'identifying', actions: 'startEditing' },
              { guard: { type: 'editsSection', params: { section: 'form' } }, target: 'form', actions: 'startEditing' },
              { guard: 'editsKnownComponent', target: 'scanning', actions: ['startEditing', 'editComponent'] },
              { guard: { type: 'editsSection', params: { section: 'delivery' } }, target: 'delivery', actions: 'startEditing' },
              { guard: { type: 'editsSection', params: { section: 'consent' } }, target: 'consent', actions: 'startEditing' },
            ],
            'submit.confirm': { guard: 'readyToSubmit', target: 'submitting' },
            'submit.back': 'consent',
          },
        },

        // one durable step into the outbox; a failure keeps every answer for the retry
        submitting: {
          initial: 'sending',
          states: {
            sending: {
              entry: 'clearSubmitError',
              invoke: {
                src: 'submitDossier',
                input: ({ context }) => buildSubmission(context),
                onDone: { target: '#submit.receipt', actions: { type: 'keepReceipt', params: ({ event }) => ({ receipt: event.output }) } },
                onError: { target: 'failed', actions: { type: 'rememberSubmitError', params: ({ event }) => ({ error: event.error }) } },
              },
            },
            failed: {
              on: {
                'submit.retry': 'sending',
                'submit.back': '#submit.draft.review',
              },
            },
          },
        },
      },
    },

    // The receipt and rating steps never fail on purpose: an error in them is a defect, and it
    // goes up to the root, which sends the resident home (the dossier is kept either way).
    receipt: {
      entry: { type: 'markStep', params: { step: 'submit.receipt' } },
      on: {
        'core.deviceStatus': { actions: ['setDevices', 'forwardToReceipt'] },
      },
      invoke: {
        id: 'receipt',
        src: 'receiptStep',
        input: ({ context }) => {
          const s = context.submitted;
          if (!s || !context.procedure) throw new Error('a receipt needs a submitted dossier');
          return {
            sessionId: context.input.sessionId,
            config: context.input.config,
            procedure: context.procedure,
            localCode: s.localCode,
            submittedAt: s.submittedAt,
            appointmentDate: s.appointmentDate,
            trackingQr: s.trackingQr,
          };
        },
        onDone: [
          { guard: { type: 'wantsRating', params: ({ event }) => ({ next: event.output.next }) }, target: 'rating' },
          { target: 'done', actions: 'finish' },
        ],
      },
    },

    rating: {
      entry: { type: 'markStep', params: { step: 'submit.rating' } },
      invoke: {
        id: 'rating',
        src: 'ratingStep',
        input: ({ context }) => ({ sessionId: context.input.sessionId, code: context.submitted?.localCode ?? '' }),
        onDone: { target: 'done', actions: 'finish' },
      },
    },

    done: { type: 'final' },
  },
  output: ({ context }) => context.outcome,
});

export type SubmitMachine = typeof submitMachine;
