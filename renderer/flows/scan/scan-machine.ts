import { assign, fromPromise, setup } from 'xstate';
import type { DossierComponent } from '../../../common/catalog/catalog-schema.js';
import type { DeviceStatus } from '../../../common/domain/device-status.js';
import type { KioskError } from '../../../common/errors.js';
import type { ComponentPages, PageView } from '../../../common/kiosk-api/contract.js';
import { asKioskError } from '../../machines/kiosk-failure.js';
import type { FlowCoreEvent } from '../flow-types.js';
import type { ScanStepInput, ScanStepOutput } from '../step-types.js';

// One dossier component, scanned page by page: scan, watch the pages arrive, retake or remove a
// page, add more, then Done (or Skip an optional one). The core keeps the pages; this machine
// only mirrors what `scan.pages` / `scan.removePage` last answered.

export type ScanSource = 'flatbed' | 'feeder';

/** `scan.pages` arguments (contract.ts) */
export interface ScanPagesInput {
  sessionId: string;
  componentId: string;
  source: ScanSource;
  maxPages?: number;
  replaceIndex?: number;
}
/** `scan.removePage` arguments */
export interface RemovePageInput {
  sessionId: string;
  componentId: string;
  index: number;
}

/** What the machine is doing or last tried (kept so Retry repeats it). */
export type ScanRequest = { kind: 'scan'; source: ScanSource; maxPages?: number; replaceIndex?: number } | { kind: 'remove'; index: number };

export interface ScanContext {
  sessionId: string;
  component: DossierComponent;
  devices: DeviceStatus[];
  /** the component's pages as the core last reported them */
  pages: PageView[];
  source: ScanSource;
  /** the last batch stopped because the feeder ran out before the expected pages */
  feederEmpty: boolean;
  request: ScanRequest | null;
  /** pages announced by `core.scanPage` while the current scan runs */
  live: PageView[];
  error: KioskError | null;
  outcome: 'done' | 'skip' | 'back' | null;
}

type ScanPageEvent = Extract<FlowCoreEvent, { type: 'core.scanPage' }>;
type DeviceStatusEvent = Extract<FlowCoreEvent, { type: 'core.deviceStatus' }>;

export type ScanEvent =
  | { type: 'scan.setSource'; source: ScanSource }
  /** scan the first pages, add pages after the ones already scanned, or (placing) retake the page */
  | { type: 'scan.start' }
  /** retake a page: first the resident places it on the glass, then `scan.start` */
  | { type: 'scan.retake'; index: number }
  | { type: 'scan.remove'; index: number }
  | { type: 'scan.retry' }
  /** close the error, or cancel a retake before it starts */
  | { type: 'scan.dismiss' }
  | { type: 'scan.done' }
  | { type: 'scan.skip' }
  | { type: 'scan.back' }
  | ScanPageEvent
  | DeviceStatusEvent;

/** the contract's bound on one batch */
const maxBatch = 50;

/** Pages needed before Done: the catalog's minimum, and at least one for a required paper. */
export const minPages = (component: DossierComponent): number => Math.max(component.pages.min, component.required ? 1 : 0);

/** A feeder batch asks for the pages still expected, so `feederEmpty` means "some are missing". */
export const batchSize = (component: DossierComponent, scanned: number): number => {
  const remaining = component.pages.max - scanned;
  return Math.min(maxBatch, Math.max(1, remaining >= 1 ? remaining : component.pages.max));
};

/** The pages to show: during a scan, the pages so far with the live ones merged in. */
export const pagesOnScreen = (c: Pick<ScanContext, 'pages' | 'live' | 'request'>): PageView[] => {
  if (c.live.length === 0) return c.pages;
  const replacing = c.request?.kind === 'scan' ? c.request.replaceIndex : undefined;
  if (replacing !== undefined) return c.pages.map((p) => c.live.find((l) => l.index === p.index) ?? p);
  const known = new Set(c.pages.map((p) => p.index));
  return [...c.pages, ...c.live.filter((l) => !known.has(l.index))].sort((a, b) => a.index - b.index);
};

const notProvided = (name: string) => () => {
  throw new Error(`actor ${name} must be provided (see renderer/flows/scan/scan-actors.ts)`);
};

export const scanMachine = setup({
  types: {
    input: {} as ScanStepInput,
    output: {} as ScanStepOutput,
    context: {} as ScanContext,
    events: {} as ScanEvent,
  },
  actors: {
    scanPages: fromPromise<ComponentPages, ScanPagesInput>(notProvided('scanPages')),
    removePage: fromPromise<ComponentPages, RemovePageInput>(notProvided('removePage')),
  },
  guards: {
    enoughPages: ({ context }) => context.pages.length >= minPages(context.component),
    canSkip: ({ context }) => !context.component.required && context.pages.length === 0,
    pageExists: ({ context }, params: { index: number }) => context.pages.some((p) => p.index === params.index),
    retryingRemove: ({ context }) => context.request?.kind === 'remove',
    hasRequest: ({ context }) => context.request !== null,
    forThisComponent: ({ context }, params: { event: ScanPageEvent }) =>
      params.event.sessionId === context.sessionId && params.event.componentId === context.component.id,
  },
  actions: {
    setSource: assign({ source: (_, params: { source: ScanSource }) => params.source }),
    askScan: assign({
      request: ({ context }): ScanRequest =>
        context.source === 'feeder'
          ? { kind: 'scan', source: 'feeder', maxPages: batchSize(context.component, context.pages.length) }
          : { kind: 'scan', source: 'flatbed' },
    }),
    // the core always retakes one page from the glass
    askRetake: assign({ request: (_, params: { index: number }): ScanRequest => ({ kind: 'scan', source: 'flatbed', replaceIndex: params.index }) }),
    askRemove: assign({ request: (_, params: { index: number }): ScanRequest => ({ kind: 'remove', index: params.index }) }),
    // Retry follows a source the resident (or the noFeeder fallback) switched to meanwhile.
    refreshRequest: assign({
      request: ({ context }): ScanRequest | null => {
        const r = context.request;
        if (r?.kind !== 'scan' || r.replaceIndex !== undefined) return r;
        return context.source === 'feeder'
          ? { kind: 'scan', source: 'feeder', maxPages: batchSize(context.component, context.pages.length) }
          : { kind: 'scan', source: 'flatbed' };
      },
    }),
    beginWork: assign({ live: [], error: null, feederEmpty: false }),
    addLive: assign({
      live: ({ context }, params: { page: PageView }) => [...context.live.filter((p) => p.index !== params.page.index), params.page],
    }),
    applyPages: assign((_, params: { result: ComponentPages }) => ({
      pages: params.result.pages,
      feederEmpty: params.result.feederEmpty,
      live: [],
      error: null,
    })),
    rememberError: assign(({ context }, params: { error: unknown }) => {
      const error = asKioskError(params.error);
      // a scanner without a feeder: go on with the glass rather than fail the same way again
      const noFeeder = error.kind === 'NotAvailable' && context.request?.kind === 'scan' && context.request.source === 'feeder';
      return { error, live: [], source: noFeeder ? ('flatbed' as const) : context.source };
    }),
    clearError: assign({ error: null }),
    forgetRequest: assign({ request: null }),
    setDevices: assign({ devices: (_, params: { devices: DeviceStatus[] }) => params.devices }),
    finishWith: assign({ outcome: (_, params: { outcome: 'done' | 'skip' | 'back' }) => params.outcome }),
  },
}).createMachine({
  id: 'scan',
  context: ({ input }) => ({
    sessionId: input.sessionId,
    component: input.component,
    devices: input.devices,
    pages: input.pages,
    // several pages go faster through the feeder; a one-page paper lies on the glass
    source: input.component.pages.max > 1 ? 'feeder' : 'flatbed',
    feederEmpty: false,
    request: null,
    live: [],
    error: null,
    outcome: null,
  }),
  initial: 'ready',
  on: {
    'core.deviceStatus': { actions: { type: 'setDevices', params: ({ event }) => ({ devices: event.devices }) } },
  },
  states: {
    ready: {
      on: {
        'scan.setSource': { actions: { type: 'setSource', params: ({ event }) => ({ source: event.source }) } },
        'scan.start': { target: 'scanning', actions: 'askScan' },
        'scan.retake': {
          guard: { type: 'pageExists', params: ({ event }) => ({ index: event.index }) },
          target: 'placing',
          actions: { type: 'askRetake', params: ({ event }) => ({ index: event.index }) },
        },
        'scan.remove': {
          guard: { type: 'pageExists', params: ({ event }) => ({ index: event.index }) },
          target: 'removing',
          actions: { type: 'askRemove', params: ({ event }) => ({ index: event.index }) },
        },
        'scan.done': { guard: 'enoughPages', target: 'finished', actions: { type: 'finishWith', params: { outcome: 'done' } } },
        'scan.skip': { guard: 'canSkip', target: 'finished', actions: { type: 'finishWith', params: { outcome: 'skip' } } },
        'scan.back': { target: 'finished', actions: { type: 'finishWith', params: { outcome: 'back' } } },
      },
    },
    // a retake waits for the resident to put that page on the glass
    placing: {
      on: {
        'scan.start': 'scanning',
        'scan.dismiss': { target: 'ready', actions: 'forgetRequest' },
        'scan.back': { target: 'finished', actions: { type: 'finishWith', params: { outcome: 'back' } } },
      },
    },
    scanning: {
      entry: 'beginWork',
      on: {
        'core.scanPage': {
          guard: { type: 'forThisComponent', params: ({ event }) => ({ event }) },
          actions: { type: 'addLive', params: ({ event }) => ({ page: event.page }) },
        },
      },
      invoke: {
        src: 'scanPages',
        input: ({ context }): ScanPagesInput => {
          const r = context.request;
          const ask = r?.kind === 'scan' ? r : { source: context.source };
          return {
            sessionId: context.sessionId,
            componentId: context.component.id,
            source: ask.source,
            ...('maxPages' in ask && ask.maxPages !== undefined ? { maxPages: ask.maxPages } : {}),
            ...('replaceIndex' in ask && ask.replaceIndex !== undefined ? { replaceIndex: ask.replaceIndex } : {}),
          };
        },
        onDone: { target: 'ready', actions: { type: 'applyPages', params: ({ event }) => ({ result: event.output }) } },
        onError: { target: 'failed', actions: { type: 'rememberError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    removing: {
      entry: 'beginWork',
      invoke: {
        src: 'removePage',
        input: ({ context }): RemovePageInput => ({
          sessionId: context.sessionId,
          componentId: context.component.id,
          index: context.request?.kind === 'remove' ? context.request.index : 0,
        }),
        onDone: { target: 'ready', actions: { type: 'applyPages', params: ({ event }) => ({ result: event.output }) } },
        onError: { target: 'failed', actions: { type: 'rememberError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    failed: {
      on: {
        'scan.retry': [
          { guard: 'retryingRemove', target: 'removing' },
          { guard: 'hasRequest', target: 'scanning', actions: 'refreshRequest' },
        ],
        'scan.setSource': { actions: { type: 'setSource', params: ({ event }) => ({ source: event.source }) } },
        'scan.dismiss': { target: 'ready', actions: 'clearError' },
        'scan.back': { target: 'finished', actions: { type: 'finishWith', params: { outcome: 'back' } } },
      },
    },
    finished: { type: 'final' },
  },
  output: ({ context }) => ({
    result: context.outcome === 'back' ? ('back' as const) : ('done' as const),
    pages: context.outcome === 'skip' ? [] : context.pages,
  }),
});

export type ScanMachine = typeof scanMachine;
